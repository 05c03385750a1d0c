package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.XYStyler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The figures of {@code deform4j mappings --plot} checked by what they show, not by their size:
 * the SVG's line segments and legend, the PNG's pixels. XChart draws the i-th series in the
 * i-th colour of its default theme, and writes every text of an SVG as glyph outlines (paths),
 * so a legend entry is checked against the outline of the expected text in the legend font.
 */
class MappingPlotContentTest {

    private static final List<String> MAPPINGS = List.of("AP(5,1,2,1)", "LE(1,0.9)", "original");
    private static final int SAMPLES = 41;
    private static final XYStyler STYLE = new XYChartBuilder().build().getStyler();

    @TempDir
    Path dir;

    private void plot(Path file) {
        List<String> args = new ArrayList<>(List.of("mappings"));
        MAPPINGS.forEach(m -> args.addAll(List.of("--vdm", m)));
        args.addAll(List.of("--plot", file.toString(), "--range", "0:4", "--samples", Integer.toString(SAMPLES)));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void svgHasOneCurvePerMappingOfTheRightShapeAndTheirNamesInTheLegend() throws Exception {
        Path svg = dir.resolve("d.svg");
        plot(svg);
        List<Element> elements = elements(svg);
        for (int k = 0; k < MAPPINGS.size(); k++) {
            String colour = rgb(STYLE.getSeriesColors()[k]);
            List<Element> lines = elements.stream().filter(e -> e.getTagName().equals("line")
                    && e.getAttribute("style").contains("stroke:" + colour + ";")).toList();
            // the curve: one segment between each two of the samples, joined end to start, left to right;
            // then the legend's sample line
            assertEquals(SAMPLES, lines.size(), MAPPINGS.get(k) + " in " + colour);
            List<Element> curve = lines.subList(0, SAMPLES - 1);
            double[] ys = new double[SAMPLES];
            for (int i = 0; i < curve.size(); i++) {
                Element segment = curve.get(i);
                assertThat(value(segment, "x2")).isGreaterThan(value(segment, "x1"));
                if (i > 0) {
                    assertEquals(value(curve.get(i - 1), "x2"), value(segment, "x1"), 1e-9);
                    assertEquals(value(curve.get(i - 1), "y2"), value(segment, "y1"), 1e-9);
                }
                ys[i] = value(segment, "y1");
                ys[i + 1] = value(segment, "y2");
            }
            assertShape(MAPPINGS.get(k), ys);

            Element legendLine = lines.get(SAMPLES - 1);
            assertEquals(value(legendLine, "y1"), value(legendLine, "y2"), 0, "a horizontal legend sample");
            Element text = elements.subList(elements.indexOf(legendLine), elements.size()).stream()
                    .filter(e -> e.getTagName().equals("path")).findFirst().orElseThrow();
            assertThat(numbers(text.getAttribute("d"))).as("legend text of " + MAPPINGS.get(k))
                    .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-4 ? 0 : Double.compare(a, b))
                    .containsExactlyElementsOf(outline(MAPPINGS.get(k), STYLE.getLegendFont()));
        }
        String unused = rgb(STYLE.getSeriesColors()[MAPPINGS.size()]);
        assertThat(elements).noneMatch(e -> e.getAttribute("style").contains(unused));
    }

    @Test
    void pngShowsEachCurveInItsColourAndNoOther() throws Exception {
        Path png = dir.resolve("d.png");
        plot(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(560, image.getHeight());
        Color[] colours = STYLE.getSeriesColors();
        for (int k = 0; k < MAPPINGS.size(); k++) {
            // a 2-pixel line over hundreds of pixels; measured: 253 to 735 pixels per curve
            assertThat(pixels(image, onWhite(colours[k]))).as(MAPPINGS.get(k)).isGreaterThan(150);
        }
        assertEquals(0, pixels(image, onWhite(colours[MAPPINGS.size()])), "no fourth curve");
    }

    /** δ' as pixels (y grows downwards): AP rises then falls, LE falls, the identity is flat. */
    private static void assertShape(String mapping, double[] ys) {
        switch (mapping) {
            case "original" -> assertThat(ys).containsOnly(ys[0]);
            case "LE(1,0.9)" -> {
                for (int i = 1; i < ys.length; i++) {
                    assertThat(ys[i]).as("δ' of LE decreases").isGreaterThanOrEqualTo(ys[i - 1]);
                }
            }
            case "AP(5,1,2,1)" -> {
                int top = 0;
                for (int i = 1; i < ys.length; i++) {
                    top = ys[i] < ys[top] ? i : top;
                }
                // δ'(ℓ) = 10·atan(ℓ)/(1 + ℓ²) + 1 peaks inside (0, 4), near ℓ = 0.77
                assertThat(top).isBetween(5, 10);
            }
            default -> throw new AssertionError(mapping);
        }
    }

    /** Every element of the SVG in document order (the external DTD is not fetched). */
    private static List<Element> elements(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        NodeList all = document.getElementsByTagName("*");
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            elements.add((Element) all.item(i));
        }
        return elements;
    }

    private static double value(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /** The coordinates of an SVG path, in order. */
    private static List<Double> numbers(String path) {
        List<Double> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?").matcher(path);
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        return numbers;
    }

    /** The coordinates of the glyph outlines of {@code text} set in {@code font}, in path order. */
    private static List<Double> outline(String text, Font font) {
        Shape shape = new TextLayout(text, font, new FontRenderContext(null, true, true)).getOutline(null);
        List<Double> numbers = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int count = switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            for (int i = 0; i < count; i++) {
                numbers.add(c[i]);
            }
        }
        return numbers;
    }

    /** A translucent series colour as it shows on the white plot background. */
    private static int onWhite(Color c) {
        double a = c.getAlpha() / 255.0;
        int r = (int) Math.round(c.getRed() * a + 255 * (1 - a));
        int g = (int) Math.round(c.getGreen() * a + 255 * (1 - a));
        int b = (int) Math.round(c.getBlue() * a + 255 * (1 - a));
        return r << 16 | g << 8 | b;
    }

    /** Pixels within 3 levels per channel of {@code rgb} (anti-aliased edges excluded). */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) <= 3 && Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF)) <= 3
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= 3) {
                    count++;
                }
            }
        }
        return count;
    }
}
