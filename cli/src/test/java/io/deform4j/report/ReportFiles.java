package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.landscape.CurveFiles;
import io.deform4j.landscape.HessianReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** The files of {@code landscape}, {@code hessian} and {@code simulate}, written with made-up numbers for tests. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * A landscape output: {@code curve.csv} with 5 points α ∈ {−1, −0.5, 0, 0.5, 1} per model,
     * train loss 1 + (k+1)·α² for the k-th model, and with {@code surfaces} a 3×3
     * {@code surface-MODEL.csv} and a picture for each.
     */
    public static Path landscape(Path dir, List<String> models, boolean surfaces) throws IOException {
        Files.createDirectories(dir);
        List<CurveFiles.CurvePoint> curve = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            for (double alpha = -1; alpha <= 1; alpha += 0.5) {
                double loss = 1 + (k + 1) * alpha * alpha;
                curve.add(new CurveFiles.CurvePoint(models.get(k), alpha, loss, 0.9 - 0.1 * loss, 1.1 * loss,
                        0.8 - 0.1 * loss));
            }
        }
        Csv.write(dir.resolve("curve.csv"), CurveFiles.CurvePoint.class, curve);
        if (surfaces) {
            for (String model : models) {
                List<CurveFiles.SurfacePoint> points = new ArrayList<>();
                for (double y = -1; y <= 1; y++) {
                    for (double x = -1; x <= 1; x++) {
                        points.add(new CurveFiles.SurfacePoint(x, y, 1 + x * x + y * y, 0.5, 1.2, 0.4));
                    }
                }
                Csv.write(dir.resolve("surface-" + model + ".csv"), CurveFiles.SurfacePoint.class, points);
                png(dir.resolve("surface-" + model + ".png"), 60, 40);
            }
        }
        return dir;
    }

    /** A {@code hessian.json} of run {@code model} with these eigenvalues and a trace of 3000 ± 150. */
    public static Path hessian(Path dir, String model, double... eigenvalues) throws IOException {
        Files.createDirectories(dir);
        boolean[] converged = new boolean[eigenvalues.length];
        java.util.Arrays.fill(converged, true);
        Json.write(dir.resolve("hessian.json"), new HessianReport(model, "resnet20", eigenvalues,
                new int[eigenvalues.length], converged, new HessianReport.Trace(3000, 150, 40),
                HessianReport.FINITE_DIFFERENCE, 1e-3, 256, 272_474, 100, 1.5));
        return dir;
    }

    /**
     * A {@code simulate fig4} output: {@code summary.json} with the original (median λ_max 13.1)
     * and {@code LE(1,0.99)} (1.27, flatter from 76 of 100 starts), {@code trajectories.csv} and
     * a {@code contour.png}.
     */
    public static Path simulation(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("study", "fig4");
        summary.put("surface", Map.of("name", "fig4", "formula", "p1^2 + p2^2"));
        summary.put("optimizer", "GD");
        summary.put("schedule", "lr 0.2 x 0.1 at [150, 225]");
        summary.put("steps", 300);
        summary.put("seed", 0);
        summary.put("seconds", 0.2);
        summary.put("runs", List.of());
        summary.put("summary", List.of(
                Map.of("vdm", "original", "runs", 100, "diverged", 0, "median_max_eigenvalue", 13.1,
                        "mean_max_eigenvalue", 10.5, "median_loss", 0.0819),
                Map.of("vdm", "LE(1,0.99)", "runs", 100, "diverged", 0, "median_max_eigenvalue", 1.27,
                        "mean_max_eigenvalue", 2.88, "median_loss", 0.0770, "flatter_than_original", 76,
                        "compared", 100)));
        Json.write(dir.resolve("summary.json"), summary);
        Files.writeString(dir.resolve("trajectories.csv"), "vdm,start,step,p1,p2,loss,lr\n");
        png(dir.resolve("contour.png"), 80, 60);
        return dir;
    }

    /** A grey PNG picture of {@code width} × {@code height} pixels. */
    public static void png(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x808080 + x);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
