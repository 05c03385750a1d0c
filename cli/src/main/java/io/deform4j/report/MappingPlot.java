package io.deform4j.report;

import io.deform4j.io.AtomicFiles;
import io.deform4j.io.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws δ'(ℓ) of several mappings on one chart, legend in the paper's notation, like Fig. 2(a)
 * and 2(b), and writes the sampled curves as CSV beside the image ({@code fig.png} →
 * {@code fig.csv}: {@code l} then one column per mapping, empty where it is undefined).
 */
public final class MappingPlot {

    private MappingPlot() {
    }

    /**
     * The CSV written beside {@code image} ({@code fig.png} → {@code fig.csv}).
     *
     * @throws IllegalArgumentException if {@code image} is not named .png or .svg
     */
    public static Path csvOf(Path image) {
        extension(image);
        String name = image.getFileName().toString();
        return image.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".csv");
    }

    private static String extension(Path image) {
        String name = image.getFileName() == null ? "" : image.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!extension.equals("png") && !extension.equals("svg")) {
            throw new IllegalArgumentException("--plot: expected a file name ending in .png or .svg, got '" + image + "'");
        }
        return extension;
    }

    /**
     * Writes the image (PNG or SVG, by extension) and the CSV; returns the CSV's path.
     *
     * @param yMax the top of the δ' axis, or null to fit every curve (a steep LE near its bound
     *     would otherwise flatten the rest)
     */
    public static Path write(MappingCurves curves, Path image, Double yMax) throws IOException {
        String extension = extension(image);
        XYChart chart = chart(curves, yMax);
        if (extension.equals("png")) {
            AtomicFiles.write(image, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } else {
            AtomicFiles.write(image, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        }
        Path csv = csvOf(image);
        writeCsv(curves, csv);
        return csv;
    }

    static XYChart chart(MappingCurves curves, Double yMax) {
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title("Derivatives of deformation mappings").xAxisTitle("loss ℓ").yAxisTitle("δ'(ℓ)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        if (yMax != null) {
            chart.getStyler().setYAxisMax(yMax);
        }
        for (MappingCurves.Curve curve : curves.curves()) {
            if (curve.losses().length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(curve.vdm().toString(), curve.losses(), curve.derivatives());
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Writes the sampled curves: {@code l}, then δ' of each mapping, empty where it is undefined. */
    static void writeCsv(MappingCurves curves, Path file) throws IOException {
        List<String> columns = new ArrayList<>(List.of("l"));
        curves.curves().forEach(curve -> columns.add(curve.vdm().toString()));
        List<Map<Double, Double>> byLoss = curves.curves().stream().map(MappingPlot::index).toList();
        List<List<Double>> rows = new ArrayList<>();
        for (double l : curves.grid()) {
            List<Double> row = new ArrayList<>(List.of(l));
            byLoss.forEach(curve -> row.add(curve.get(l)));
            rows.add(row);
        }
        Csv.write(file, columns, rows);
    }

    private static Map<Double, Double> index(MappingCurves.Curve curve) {
        Map<Double, Double> map = new HashMap<>();
        for (int i = 0; i < curve.losses().length; i++) {
            map.put(curve.losses()[i], curve.derivatives()[i]);
        }
        return map;
    }
}
