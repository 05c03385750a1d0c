package io.deform4j.report;

import io.deform4j.io.AtomicFiles;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Surface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A raster of a plane framed as a figure: title, named axes with ticks, and
 * overlays (trajectories as lines, or points), with a legend. Drawn with java.awt, written as
 * PNG.
 */
final class SurfaceFigure {

    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int BAR_SPACE = 100;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /**
     * What to draw over the surface.
     *
     * @param label the legend entry ({@code null}: no entry)
     * @param colour the colour
     * @param points the points, in order
     * @param line whether to join them (a trajectory) or mark each (end points)
     * @param width the line width in pixels
     */
    record Overlay(String label, Color colour, List<Point> points, boolean line, float width) {
    }

    /**
     * A colour bar: colours and values by rank (0 = lowest sampled loss, 1 = highest).
     *
     * @param colour the colour at a rank
     * @param value the loss at a rank
     */
    record ColourBar(java.util.function.DoubleToIntFunction colour, java.util.function.DoubleUnaryOperator value) {
    }

    /** The names of the two axes: p1, p2 for a simulation; α, β for directions around a network. */
    record AxisNames(String horizontal, String vertical) {
        static final AxisNames PARAMETERS = new AxisNames("p1", "p2");
        static final AxisNames DIRECTIONS = new AxisNames("α (direction 1)", "β");
    }

    private SurfaceFigure() {
    }

    static void write(BufferedImage raster, Surface.Window window, AxisNames names, String title,
            List<Overlay> overlays, ColourBar bar, Path file) throws IOException {
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage image = new BufferedImage(LEFT + w + RIGHT + (bar == null ? 0 : BAR_SPACE), TOP + h + BOTTOM,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(raster, LEFT, TOP, null);
            g.setClip(LEFT, TOP, w, h);
            for (int i = overlays.size() - 1; i >= 0; i--) { // the first overlay on top
                draw(g, overlays.get(i), window, w, h);
            }
            g.setClip(null);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawRect(LEFT, TOP, w, h);
            axes(g, window, names, w, h);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, LEFT, TOP - 18);
            legend(g, overlays, window, w, h);
            if (bar != null) {
                colourBar(g, bar, LEFT + w + 28, h);
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    private static double x(Surface.Window win, int w, double p1) {
        return LEFT + (p1 - win.min1()) / (win.max1() - win.min1()) * w;
    }

    private static double y(Surface.Window win, int h, double p2) {
        return TOP + (win.max2() - p2) / (win.max2() - win.min2()) * h;
    }

    private static void draw(Graphics2D g, Overlay o, Surface.Window win, int w, int h) {
        if (o.points().isEmpty()) {
            return;
        }
        if (o.line()) {
            Path2D.Double path = new Path2D.Double();
            Point first = o.points().get(0);
            path.moveTo(x(win, w, first.p1()), y(win, h, first.p2()));
            for (Point p : o.points().subList(1, o.points().size())) {
                path.lineTo(x(win, w, p.p1()), y(win, h, p.p2()));
            }
            g.setColor(o.colour());
            g.setStroke(new BasicStroke(o.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            Point last = o.points().get(o.points().size() - 1);
            mark(g, first, win, w, h, o.colour(), false);
            mark(g, last, win, w, h, o.colour(), true);
        } else {
            for (Point p : o.points()) {
                mark(g, p, win, w, h, o.colour(), true);
            }
        }
    }

    /** A start is an open circle, an end a filled one with a dark rim. */
    private static void mark(Graphics2D g, Point p, Surface.Window win, int w, int h, Color c, boolean filled) {
        double r = filled ? 4.5 : 5;
        Ellipse2D.Double dot = new Ellipse2D.Double(x(win, w, p.p1()) - r, y(win, h, p.p2()) - r, 2 * r, 2 * r);
        g.setStroke(new BasicStroke(1.5f));
        if (filled) {
            g.setColor(c);
            g.fill(dot);
            g.setColor(Color.BLACK);
        } else {
            g.setColor(c);
        }
        g.draw(dot);
    }

    private static void axes(Graphics2D g, Surface.Window win, AxisNames names, int w, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(win.min1(), win.max1())) {
            int px = (int) Math.round(x(win, w, t));
            g.drawLine(px, TOP + h, px, TOP + h + 5);
            String s = label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, TOP + h + 20);
        }
        for (double t : ticks(win.min2(), win.max2())) {
            int py = (int) Math.round(y(win, h, t));
            g.drawLine(LEFT - 5, py, LEFT, py);
            String s = label(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
        g.drawString(names.horizontal(), LEFT + w / 2 - g.getFontMetrics().stringWidth(names.horizontal()) / 2,
                TOP + h + 45);
        g.drawString(names.vertical(), 12, TOP + h / 2);
    }

    /** The bar, low losses at the bottom, labelled with the loss at quantiles 0, 0.25, …, 1 of the window. */
    private static void colourBar(Graphics2D g, ColourBar bar, int x0, int h) {
        for (int py = 0; py < h; py++) {
            double rank = 1 - (py + 0.5) / h;
            g.setColor(new Color(bar.colour().applyAsInt(rank)));
            g.drawLine(x0, TOP + py, x0 + 16, TOP + py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, TOP, 16, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 4; i++) {
            double rank = i / 4.0;
            int py = TOP + (int) Math.round((1 - rank) * h);
            g.drawLine(x0 + 16, py, x0 + 20, py);
            g.drawString(String.format(java.util.Locale.ROOT, "%.3g", bar.value().applyAsDouble(rank)), x0 + 23,
                    py + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        g.drawString("loss", x0 - 2, TOP - 6);
    }

    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
                : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    private static String label(double t) {
        double r = Math.abs(t) < 1e-12 ? 0 : t;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(java.util.Locale.ROOT, "%.3g", r);
    }

    /** The legend goes into the corner of the plot that covers the fewest drawn points. */
    private static void legend(Graphics2D g, List<Overlay> overlays, Surface.Window win, int w, int h) {
        List<Overlay> entries = overlays.stream().filter(o -> o.label() != null).toList();
        if (entries.isEmpty()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int width = entries.stream().mapToInt(o -> fm.stringWidth(o.label())).max().orElse(0) + 40;
        int height = entries.size() * 18 + 8;
        int x0 = LEFT + 8;
        int y0 = TOP + 8;
        long fewest = Long.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            int cx = corner % 2 == 0 ? LEFT + 8 : LEFT + w - 8 - width;
            int cy = corner < 2 ? TOP + 8 : TOP + h - 8 - height;
            Rectangle2D.Double box = new Rectangle2D.Double(cx - 6, cy - 6, width + 12, height + 12);
            long covered = overlays.stream().flatMap(o -> o.points().stream())
                    .filter(p -> box.contains(x(win, w, p.p1()), y(win, h, p.p2()))).count();
            if (covered < fewest) {
                fewest = covered;
                x0 = cx;
                y0 = cy;
            }
        }
        g.setColor(new Color(40, 40, 40, 200)); // dark, so that bright trajectory colours show
        g.fill(new Rectangle2D.Double(x0, y0, width, height));
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x0, y0, width, height);
        for (int i = 0; i < entries.size(); i++) {
            Overlay o = entries.get(i);
            int cy = y0 + 14 + i * 18;
            g.setColor(o.colour());
            g.setStroke(new BasicStroke(3));
            g.drawLine(x0 + 8, cy - 4, x0 + 28, cy - 4);
            g.setColor(Color.WHITE);
            g.drawString(o.label(), x0 + 34, cy);
        }
    }
}
