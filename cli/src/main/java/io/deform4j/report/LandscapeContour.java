package io.deform4j.report;

import io.deform4j.landscape.LossSurface;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Surface;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The contour map of a 2-D loss surface of a trained network (Li et al. 2018, Fig. 1): the
 * training loss at θ + x·d₁ + y·d₂, interpolated bilinearly from the computed grid to one value
 * per pixel and drawn with the simulations' {@link ContourRaster} (filled bands of equal share
 * of the picture, iso-lines between them) and {@link SurfaceFigure} (axes, title, colour bar of
 * loss values); the trained θ is marked at the origin.
 */
public final class LandscapeContour {

    /** Side of the square raster in pixels. */
    static final int PIXELS = 480;

    private LandscapeContour() {
    }

    /** Writes the map of {@code surface}'s training loss to {@code file} (PNG). */
    public static void write(LossSurface.Result surface, String title, Path file) throws IOException {
        Surface.Window window = new Surface.Window(surface.xs().from(), surface.xs().to(), surface.ys().from(),
                surface.ys().to());
        double[][] z = surface.trainLoss(); // [y index][x index]
        double[] pixels = new double[PIXELS * PIXELS];
        for (int row = 0; row < PIXELS; row++) {
            double y = window.max2() - (row + 0.5) * (window.max2() - window.min2()) / PIXELS;
            for (int col = 0; col < PIXELS; col++) {
                double x = window.min1() + (col + 0.5) * (window.max1() - window.min1()) / PIXELS;
                pixels[row * PIXELS + col] = bilinear(z, fraction(x, window.min1(), window.max1(), z[0].length),
                        fraction(y, window.min2(), window.max2(), z.length));
            }
        }
        SurfaceGrid grid = SurfaceGrid.of(window, PIXELS, PIXELS, pixels);
        List<SurfaceFigure.Overlay> marks = List.of(new SurfaceFigure.Overlay("trained θ", Color.RED,
                List.of(new Point(0, 0)), false, 1));
        int levels = ContourRaster.DEFAULT_LEVELS;
        SurfaceFigure.ColourBar bar = new SurfaceFigure.ColourBar(
                r -> SurfaceColours.viridis((Math.min(levels - 1, Math.floor(r * levels)) + 0.5) / levels), grid::quantile);
        SurfaceFigure.write(ContourRaster.filledContours(grid, levels), window, SurfaceFigure.AxisNames.DIRECTIONS,
                title, marks, bar, file);
    }

    /** The position of v in grid units, in [0, n − 1]. */
    private static double fraction(double v, double lo, double hi, int n) {
        return Math.max(0, Math.min(n - 1, (v - lo) / (hi - lo) * (n - 1)));
    }

    static double bilinear(double[][] z, double fx, double fy) {
        int x0 = Math.min((int) Math.floor(fx), z[0].length - 2);
        int y0 = Math.min((int) Math.floor(fy), z.length - 2);
        double tx = fx - x0;
        double ty = fy - y0;
        return (1 - ty) * ((1 - tx) * z[y0][x0] + tx * z[y0][x0 + 1]) + ty * ((1 - tx) * z[y0 + 1][x0] + tx * z[y0 + 1][x0 + 1]);
    }
}
