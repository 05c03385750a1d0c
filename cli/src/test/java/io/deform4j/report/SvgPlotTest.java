package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class SvgPlotTest {

    private static final Pattern PATH = Pattern.compile("<path class=\"line\" stroke=\"[^\"]+\" d=\"([^\"]+)\"/>");

    /**
     * The plot area is x ∈ [66, 522] (width 540 less margins 66 and 18) and y ∈ [34, 282] (height
     * 330 less 34 and 48). y from 0 to 1, padded 4 % of the range each side, is [−0.04, 1.04]:
     * py(0) = 34 + 1.04/1.08·248 = 272.8, py(1) = 34 + 0.04/1.08·248 = 43.2 (hand-computed).
     */
    @Test
    void mapsDataOntoThePlotArea() {
        String svg = new SvgPlot("t", "x", "y", false).line("a", "#000", new double[] {0, 10}, new double[] {0, 1}, false)
                .svg();
        assertThat(firstPath(svg)).isEqualTo("M66.0 272.8L522.0 43.2");
    }

    @Test
    void aPointThatIsNotFiniteBreaksTheLine() {
        String svg = new SvgPlot("t", "x", "y", false)
                .line("a", "#000", new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 2, 3}, false).svg();
        String d = firstPath(svg);
        assertThat(d.chars().filter(c -> c == 'M').count()).isEqualTo(2);
        assertThat(d.chars().filter(c -> c == 'L').count()).isEqualTo(1);
    }

    /** On a log axis from 1 to 100 (padded 4 % of two decades), 10 is in the middle: y = 34 + 248/2 = 158. */
    @Test
    void aLogarithmicAxisPutsDecadesEvenly() {
        String svg = new SvgPlot("t", "x", "y", true).line("a", "#000", new double[] {0, 1, 2},
                new double[] {1, 10, 100}, false).svg();
        assertThat(firstPath(svg)).contains("L294.0 158.0");
        assertThat(svg).contains(">1</text>", ">10</text>", ">100</text>").contains("y, log scale");
    }

    @Test
    void nonPositiveValuesAreLeftOffALogAxis() {
        String svg = new SvgPlot("t", "x", "y", true).line("a", "#000", new double[] {0, 1, 2},
                new double[] {0, 10, 100}, false).svg();
        // (0, 0) is left out, and the axes span what is drawn: x from 1 to 2, log y from 10 to 100
        assertThat(firstPath(svg)).isEqualTo("M66.0 272.8L522.0 43.2");
    }

    @Test
    void longSeriesAreThinnedToAFixedNumberOfPoints() {
        double[] x = new double[5000];
        double[] y = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 100.0);
        }
        String d = firstPath(new SvgPlot("t", "x", "y", false).line("a", "#000", x, y, false).svg());
        assertThat(d.split("[ML]").length - 1).isEqualTo(SvgPlot.MAX_POINTS);
        assertThat(d).startsWith("M66.0 ").contains("L522.0 "); // the first and the last point are kept
        int[] kept = SvgPlot.thin(5000);
        assertThat(kept[0]).isZero();
        assertThat(kept[kept.length - 1]).isEqualTo(4999);
        assertThat(SvgPlot.thin(7)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void aBandIsOnePolygonFromItsUpperEdgeBackAlongItsLowerEdge() {
        String svg = new SvgPlot("t", "x", "y", false).band("#123456", new double[] {0, 10}, new double[] {0, 0},
                new double[] {1, 1}).line("a", "#000", new double[] {0, 10}, new double[] {0.5, 0.5}, false).svg();
        assertThat(svg).contains("<polygon class=\"band\" fill=\"#123456\" points=\"66.0,43.2 522.0,43.2 522.0,272.8 "
                + "66.0,272.8\"/>");
    }

    @Test
    void epochsAreTickedAtWholeNumbers() {
        String svg = new SvgPlot("t", "epoch", "y", false).integerX()
                .line("a", "#000", new double[] {1, 2, 3}, new double[] {1, 2, 3}, false).svg();
        assertThat(svg).contains("class=\"tick x\">1<", "class=\"tick x\">2<", "class=\"tick x\">3<")
                .doesNotContain("class=\"tick x\">1.5<");
    }

    @Test
    void theChartIsWellFormedSvgWithItsTextEscaped() throws Exception {
        String svg = new SvgPlot("δ'(ℓ) <of> \"A&B\"", "loss ℓ (nats)", "δ'(ℓ)", false)
                .line("AP(18/pi,1,2,1)", "#000", new double[] {0, 1}, new double[] {1, 2}, true)
                .line("LE(1,0.99)", "#111", new double[] {0, 1}, new double[] {2, 1}, false).svg();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("δ'(ℓ) <of> \"A&B\"");
        assertThat(svg).contains(">AP(18/pi,1,2,1)</text>", ">LE(1,0.99)</text>", "stroke-dasharray");
    }

    @Test
    void manyLegendEntriesWrapIntoRowsThatMakeTheChartTaller() {
        SvgPlot plot = new SvgPlot("t", "x", "y", false);
        for (int i = 0; i < 12; i++) {
            plot.line("AP(18/pi,1,2," + i + ")", SvgPlot.colour(i), new double[] {0, 1}, new double[] {i, i}, false);
        }
        Matcher height = Pattern.compile("height=\"(\\d+)\"").matcher(plot.svg());
        assertThat(height.find()).isTrue();
        // entries of 34 + 7·15 = 139 px, three per row of 456 px: four rows of 18 px and a 6 px gap
        assertThat(Integer.parseInt(height.group(1))).isEqualTo(SvgPlot.HEIGHT + 4 * 18 + 6);
    }

    @Test
    void tickLabelsHaveThreeSignificantDigitsAndNoTrailingZeros() {
        assertThat(SvgPlot.tickLabel(0.1)).isEqualTo("0.1");
        assertThat(SvgPlot.tickLabel(2.0)).isEqualTo("2");
        assertThat(SvgPlot.tickLabel(-0.25)).isEqualTo("-0.25");
        assertThat(SvgPlot.tickLabel(1500)).isEqualTo("1500");
        assertThat(SvgPlot.tickLabel(1e-5)).isEqualTo("1.0e-5");
        assertThat(SvgPlot.tickLabel(2.5e7)).isEqualTo("2.5e7");
        assertThat(SvgPlot.tickLabel(1e-15)).isEqualTo("0");
    }

    @Test
    void seriesOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> new SvgPlot("t", "x", "y", false).line("a", "#000", new double[2], new double[3], false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 3");
    }

    private static String firstPath(String svg) {
        Matcher m = PATH.matcher(svg);
        assertThat(m.find()).as("a line in " + svg).isTrue();
        return m.group(1);
    }
}
