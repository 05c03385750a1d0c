package io.deform4j.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A line chart written as SVG text, to be placed inline in an HTML page: a title, labelled axes
 * with ticks, lines (solid or dashed), shaded bands between a lower and an upper curve (the
 * min–max of seeds), a linear or logarithmic y axis, and a legend under the plot.
 *
 * <p>Why not XChart's {@code VectorGraphicsEncoder}: XChart draws every letter as a glyph outline,
 * about 400 kB of SVG per chart, and its bitmaps cost 0.1–0.6 s each after a 3 s start of the
 * AWT font machinery; here text stays text (a few kB per chart, selectable, sharp at any zoom)
 * and a chart takes microseconds. Series longer than {@value #MAX_POINTS} points are thinned
 * evenly (the last point kept), so a page stays small whatever the number of epochs. Points that
 * are not finite (or not positive on a log axis) break a line instead of bending it.
 */
final class SvgPlot {

    /** Points drawn per line or band edge at most. */
    static final int MAX_POINTS = 300;
    /** Width of a chart in CSS pixels. */
    static final int WIDTH = 540;
    /** Height of the plot area with its title and axes, before the legend. */
    static final int HEIGHT = 330;
    /** Ten colours that stay apart for the colour-blind (Tableau 10 / matplotlib's tab10). */
    private static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f");
    private static final int LEFT = 66;
    private static final int RIGHT = 18;
    private static final int TOP = 34;
    private static final int BOTTOM = 48;
    private static final int LEGEND_ROW = 18;

    /**
     * A line.
     *
     * @param label  its legend entry (null: none)
     * @param colour a CSS colour
     * @param dashed drawn dashed (a second quantity of the same series, e.g. test against train)
     */
    record Line(String label, String colour, double[] x, double[] y, boolean dashed) {
    }

    /** A shaded area between {@code lo} and {@code hi} over {@code x}, in {@code colour}. */
    record Band(String colour, double[] x, double[] lo, double[] hi) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private boolean integerX;
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    /**
     * @param xLabel the x axis' name with its unit, e.g. "epoch"
     * @param yLabel the y axis' name with its unit, e.g. "test accuracy (%)"
     * @param logY   a logarithmic y axis (positive values only)
     */
    SvgPlot(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    /** The {@code index}-th colour of the palette, cycling. */
    static String colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** A colour for each of {@code keys} (mappings, say), in order, so a key has one colour on every chart of a page. */
    static Map<String, String> colours(Collection<String> keys) {
        Map<String, String> colours = new LinkedHashMap<>();
        keys.forEach(k -> colours.putIfAbsent(k, colour(colours.size())));
        return colours;
    }

    /** Ticks the x axis at whole numbers only (epochs). */
    SvgPlot integerX() {
        integerX = true;
        return this;
    }

    SvgPlot line(String label, String colour, double[] x, double[] y, boolean dashed) {
        requireSameLength(x, y);
        lines.add(new Line(label, colour, x, y, dashed));
        return this;
    }

    SvgPlot band(String colour, double[] x, double[] lo, double[] hi) {
        requireSameLength(x, lo);
        requireSameLength(x, hi);
        bands.add(new Band(colour, x, lo, hi));
        return this;
    }

    /** The chart as an {@code <svg>} element. */
    String svg() {
        double[] xr = range(true);
        double[] yr = range(false);
        List<Line> legend = lines.stream().filter(l -> l.label() != null).toList();
        List<List<Line>> legendRows = legendRows(legend);
        int height = HEIGHT + legendRows.size() * LEGEND_ROW + (legendRows.isEmpty() ? 0 : 6);
        Frame f = new Frame(xr[0], xr[1], logY ? Math.log10(yr[0]) : yr[0], logY ? Math.log10(yr[1]) : yr[1]);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", WIDTH, height, WIDTH, height,
                Html.escape(title)));
        s.append("<title>").append(Html.escape(title)).append("</title>");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>",
                LEFT, TOP, f.width(), f.height()));
        axes(s, f);
        for (Band b : bands) {
            band(s, f, b);
        }
        for (Line l : lines) {
            line(s, f, l);
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"title\">%s</text>", WIDTH / 2,
                Html.escape(title)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>", LEFT + f.width() / 2,
                TOP + f.height() + 38, Html.escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" class=\"axis\" transform=\"rotate(-90 16 %d)\">%s"
                + "</text>", TOP + f.height() / 2, TOP + f.height() / 2, Html.escape(yLabel + (logY ? ", log scale" : ""))));
        legend(s, legendRows);
        return s.append("</svg>").toString();
    }

    /** The plot area and the map from data to pixels; y values are log10 on a log axis. */
    private record Frame(double x0, double x1, double y0, double y1) {
        int width() {
            return WIDTH - LEFT - RIGHT;
        }

        int height() {
            return HEIGHT - TOP - BOTTOM;
        }

        double px(double x) {
            return LEFT + (x - x0) / (x1 - x0) * width();
        }

        double py(double y) {
            return TOP + (y1 - y) / (y1 - y0) * height();
        }
    }

    private void axes(StringBuilder s, Frame f) {
        StringBuilder grid = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (double t : xTicks(f)) {
            double px = f.px(t);
            grid.append(String.format(Locale.ROOT, "M%.1f %dV%d", px, TOP, TOP + f.height()));
            labels.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick x\">%s</text>", px,
                    TOP + f.height() + 16, tickLabel(t)));
        }
        for (double t : yTicks(f)) {
            double py = f.py(logY ? Math.log10(t) : t);
            grid.append(String.format(Locale.ROOT, "M%d %.1fH%d", LEFT, py, LEFT + f.width()));
            labels.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick y\">%s</text>", LEFT - 6,
                    py + 4, tickLabel(t)));
        }
        s.append("<path class=\"grid\" d=\"").append(grid).append("\"/>").append(labels);
    }

    /** Nice ticks of the x axis; whole numbers only for {@link #integerX} (every one when the nice ticks have too few). */
    private double[] xTicks(Frame f) {
        double[] nice = SurfaceFigure.ticks(f.x0(), f.x1());
        if (!integerX) {
            return nice;
        }
        double[] whole = java.util.Arrays.stream(nice).filter(t -> t == Math.rint(t)).toArray();
        if (whole.length >= 2) {
            return whole;
        }
        return java.util.stream.IntStream.rangeClosed((int) Math.ceil(f.x0()), (int) Math.floor(f.x1()))
                .asDoubleStream().toArray();
    }

    /** Nice ticks of the y axis: decades (and 2, 5 between them when the range is short) on a log axis. */
    private double[] yTicks(Frame f) {
        if (!logY) {
            return SurfaceFigure.ticks(f.y0(), f.y1());
        }
        int first = (int) Math.ceil(f.y0() - 1e-9);
        int last = (int) Math.floor(f.y1() + 1e-9);
        boolean fine = last - first < 2;
        List<Double> ticks = new ArrayList<>();
        for (int decade = first - 1; decade <= last; decade++) {
            for (int m : fine ? new int[] {1, 2, 5} : new int[] {1}) {
                double t = m * Math.pow(10, decade);
                double log = Math.log10(t);
                if (log >= f.y0() - 1e-9 && log <= f.y1() + 1e-9) {
                    ticks.add(t);
                }
            }
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void band(StringBuilder s, Frame f, Band b) {
        List<Integer> segment = new ArrayList<>();
        for (int i : thin(b.x().length)) {
            if (drawable(b.x()[i], b.lo()[i]) && drawable(b.x()[i], b.hi()[i])) {
                segment.add(i);
            } else {
                polygon(s, f, b, segment);
                segment.clear();
            }
        }
        polygon(s, f, b, segment);
    }

    /** The band over the points {@code indices}: along the upper edge, then back along the lower one. */
    private void polygon(StringBuilder s, Frame f, Band b, List<Integer> indices) {
        if (indices.isEmpty()) {
            return;
        }
        s.append("<polygon class=\"band\" fill=\"").append(b.colour()).append("\" points=\"");
        for (int k = 0; k < 2 * indices.size(); k++) {
            boolean upper = k < indices.size();
            int i = upper ? indices.get(k) : indices.get(2 * indices.size() - 1 - k);
            if (k > 0) {
                s.append(' ');
            }
            tenths(s, f.px(b.x()[i])).append(',');
            tenths(s, f.py(y(upper ? b.hi()[i] : b.lo()[i])));
        }
        s.append("\"/>");
    }

    private void line(StringBuilder s, Frame f, Line l) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        int drawn = 0;
        double lastX = 0;
        double lastY = 0;
        for (int i : thin(l.x().length)) {
            if (!drawable(l.x()[i], l.y()[i])) {
                pen = false;
                continue;
            }
            lastX = f.px(l.x()[i]);
            lastY = f.py(y(l.y()[i]));
            tenths(d.append(pen ? 'L' : 'M'), lastX).append(' ');
            tenths(d, lastY);
            pen = true;
            drawn++;
        }
        if (drawn == 0) {
            return;
        }
        String dash = l.dashed() ? " stroke-dasharray=\"6 4\"" : "";
        s.append("<path class=\"line\" stroke=\"").append(l.colour()).append('"').append(dash).append(" d=\"")
                .append(d).append("\"/>");
        if (drawn == 1) { // a single point draws no line: mark it
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", lastX, lastY,
                    l.colour()));
        }
    }

    /**
     * Appends {@code v} with one decimal ({@code 272.8}): a tenth of a pixel is finer than any
     * screen. Written without {@link String#format}, whose formatter costs more than the rest of
     * a chart together in this, the one loop over every point.
     */
    static StringBuilder tenths(StringBuilder s, double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        if (v < 0 && tenths != 0) {
            s.append('-');
        }
        return s.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** Legend entries in rows that fit the width, by an estimate of 7 px per character. */
    private static List<List<Line>> legendRows(List<Line> legend) {
        List<List<Line>> rows = new ArrayList<>();
        int used = 0;
        for (Line l : legend) {
            int width = entryWidth(l);
            if (rows.isEmpty() || used + width > WIDTH - LEFT - RIGHT) {
                rows.add(new ArrayList<>());
                used = 0;
            }
            rows.get(rows.size() - 1).add(l);
            used += width;
        }
        return rows;
    }

    private static int entryWidth(Line l) {
        return 34 + 7 * l.label().length();
    }

    private static void legend(StringBuilder s, List<List<Line>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            int x = LEFT;
            int y = HEIGHT + r * LEGEND_ROW + 8;
            for (Line l : rows.get(r)) {
                String dash = l.dashed() ? " stroke-dasharray=\"6 4\"" : "";
                s.append(String.format(Locale.ROOT, "<path class=\"line\" stroke=\"%s\"%s d=\"M%d %dH%d\"/>", l.colour(),
                        dash, x, y - 4, x + 24));
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>", x + 30, y,
                        Html.escape(l.label())));
                x += entryWidth(l);
            }
        }
    }

    /** The data range of x or y over lines and bands, widened where it is a single value; y padded by 4 %. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[][]> pairs = new ArrayList<>();
        lines.forEach(l -> pairs.add(new double[][] {l.x(), l.y()}));
        bands.forEach(b -> {
            pairs.add(new double[][] {b.x(), b.lo()});
            pairs.add(new double[][] {b.x(), b.hi()});
        });
        for (double[][] p : pairs) {
            for (int i = 0; i < p[0].length; i++) {
                if (drawable(p[0][i], p[1][i])) {
                    double v = x ? p[0][i] : p[1][i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) { // nothing to draw
            return logY && !x ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (!x && logY) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            if (b - a < 1e-9) {
                a -= 0.5;
                b += 0.5;
            }
            double pad = 0.04 * (b - a);
            return new double[] {Math.pow(10, a - pad), Math.pow(10, b + pad)};
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double half = Math.max(Math.abs(hi) * 0.05, 0.5);
            return new double[] {lo - half, hi + half};
        }
        double pad = x ? 0 : 0.04 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    private boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    private double y(double value) {
        return logY ? Math.log10(value) : value;
    }

    /** Indices of at most {@value #MAX_POINTS} evenly spread points of {@code n}, first and last included. */
    static int[] thin(int n) {
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            kept[i] = (int) Math.round((double) i * (n - 1) / (MAX_POINTS - 1));
        }
        return kept;
    }

    /** A tick's label: at most three significant digits, no trailing zeros, powers of ten outside [1e-4, 1e6). */
    static String tickLabel(double t) {
        if (t == 0 || Math.abs(t) < 1e-12) {
            return "0";
        }
        double magnitude = Math.abs(t);
        if (magnitude < 1e-4 || magnitude >= 1e6) {
            return String.format(Locale.ROOT, "%.2g", t).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.3g", t)).stripTrailingZeros().toPlainString();
    }

    private static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
    }
}
