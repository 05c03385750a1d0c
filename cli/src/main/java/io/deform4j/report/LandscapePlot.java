package io.deform4j.report;

import io.deform4j.io.AtomicFiles;
import io.deform4j.landscape.LossCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The 1-D loss curves of one or more trained networks on one chart, as in the paper's Fig. 5:
 * loss on the left axis (train solid, test dashed), accuracy in percent on the right axis (train
 * and test dotted), one colour per model.
 *
 * <p>XChart's logarithmic scale applies to every y axis at once, so with {@code logLoss} the
 * accuracy is drawn on a log axis too, clamped below at {@value #LOG_ACCURACY_FLOOR}%.
 */
public final class LandscapePlot {

    /** Lowest accuracy (percent) drawn on a logarithmic axis. */
    static final double LOG_ACCURACY_FLOOR = 0.1;

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private LandscapePlot() {
    }

    /** Writes the chart of {@code points} (grouped by model, in order) to {@code file} (PNG). */
    public static void write(List<LossCurve.Point> points, String xTitle, boolean logLoss, Path file) throws IOException {
        XYChart chart = chart(points, xTitle, logLoss);
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    static XYChart chart(List<LossCurve.Point> points, String xTitle, boolean logLoss) {
        XYChart chart = new XYChartBuilder().width(1050).height(600).title("Loss curves (filter-normalised)")
                .xAxisTitle(xTitle).yAxisTitle(logLoss ? "loss (log scale)" : "loss").build();
        Styler styler = chart.getStyler();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setYAxisLogarithmic(logLoss);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, logLoss ? "loss (log scale)" : "loss");
        chart.setYAxisGroupTitle(1, "accuracy (%)");
        chart.getStyler().setYAxisMax(1, 100.0);
        chart.getStyler().setYAxisMin(1, logLoss ? LOG_ACCURACY_FLOOR : 0.0);
        styler.setToolTipsEnabled(false);
        if (logLoss) {
            // Whole decades: XChart labels a log axis only at powers of ten inside its range.
            double[] losses = points.stream()
                    .flatMapToDouble(p -> java.util.stream.DoubleStream.of(p.train().loss(), p.test().loss()))
                    .filter(l -> l > 0 && Double.isFinite(l)).toArray();
            if (losses.length > 0) {
                chart.getStyler().setYAxisMin(0, Math.pow(10, Math.floor(Math.log10(Arrays.stream(losses).min().getAsDouble()))));
                chart.getStyler().setYAxisMax(0, Math.pow(10, Math.ceil(Math.log10(Arrays.stream(losses).max().getAsDouble()))));
            }
        }
        Map<String, List<LossCurve.Point>> byModel = new LinkedHashMap<>();
        for (LossCurve.Point p : points) {
            byModel.computeIfAbsent(p.model(), k -> new java.util.ArrayList<>()).add(p);
        }
        int i = 0;
        for (var entry : byModel.entrySet()) {
            Color colour = COLOURS[i++ % COLOURS.length];
            List<LossCurve.Point> curve = entry.getValue();
            double[] alpha = curve.stream().mapToDouble(LossCurve.Point::alpha).toArray();
            add(chart, entry.getKey() + " train loss", alpha, curve.stream().mapToDouble(p -> p.train().loss()).toArray(),
                    colour, 0, null, logLoss);
            boolean hasTest = curve.stream().anyMatch(p -> p.test().examples() > 0);
            if (hasTest) {
                add(chart, entry.getKey() + " test loss", alpha, curve.stream().mapToDouble(p -> p.test().loss()).toArray(),
                        colour, 0, new float[] {8, 5}, logLoss);
            }
            add(chart, entry.getKey() + " train acc", alpha,
                    curve.stream().mapToDouble(p -> percent(p.train().accuracy(), logLoss)).toArray(), colour, 1,
                    new float[] {2, 3}, false);
            if (hasTest) {
                add(chart, entry.getKey() + " test acc", alpha,
                        curve.stream().mapToDouble(p -> percent(p.test().accuracy(), logLoss)).toArray(), colour, 1,
                        new float[] {2, 3, 8, 3}, false);
            }
        }
        return chart;
    }

    private static double percent(double accuracy, boolean log) {
        return log ? Math.max(LOG_ACCURACY_FLOOR, 100 * accuracy) : 100 * accuracy;
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, Color colour, int group, float[] dash,
            boolean positive) {
        if (positive) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.max(y[i], 1e-12);
            }
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setYAxisGroup(group);
        series.setLineStyle(dash == null ? new BasicStroke(2f)
                : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
    }
}
