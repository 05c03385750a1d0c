package io.deform4j.report;

import io.deform4j.io.AtomicFiles;
import io.deform4j.mapping.Vdm;
import io.deform4j.simulation.Run;
import io.deform4j.simulation.StudyResult;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * λ_max of the original Hessian where the original run ended against where the deformed run
 * from the same start ended, one point per start and one series per mapping, with the
 * diagonal: points below it ended flatter (Fig. 4(a) of the paper, as a scatter). A start
 * where either run diverged has no point here; summary.json lists it.
 */
final class SimulationEigenPlot {

    private SimulationEigenPlot() {
    }

    static void write(StudyResult result, List<Color> colours, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(640)
                .title(result.study().name() + ": largest Hessian eigenvalue of the original surface at the end")
                .xAxisTitle("λ_max, original run").yAxisTitle("λ_max, deformed run").build();
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        List<Run> original = result.runs(Vdm.original());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Vdm> mappings = result.study().mappings();
        for (int m = 0; m < mappings.size(); m++) {
            List<Run> deformed = result.runs(mappings.get(m));
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < deformed.size(); i++) {
                double x = original.get(i).maxEigenvalue();
                double y = deformed.get(i).maxEigenvalue();
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    xs.add(x);
                    ys.add(y);
                    lo = Math.min(lo, Math.min(x, y));
                    hi = Math.max(hi, Math.max(x, y));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(mappings.get(m).toString(), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colours.get(m % colours.size()));
        }
        if (lo > hi) { // nothing to compare (every run diverged): an empty frame, still a picture
            lo = 0;
            hi = 1;
        }
        {
            double pad = 0.05 * Math.max(hi - lo, 1e-9);
            XYSeries diagonal = chart.addSeries("equal flatness", new double[] {lo - pad, hi + pad},
                    new double[] {lo - pad, hi + pad});
            diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            diagonal.setMarker(SeriesMarkers.NONE);
            diagonal.setLineColor(Color.GRAY);
        }
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
