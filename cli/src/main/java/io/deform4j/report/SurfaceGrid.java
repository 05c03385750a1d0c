package io.deform4j.report;

import io.deform4j.simulation.Surface;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A surface sampled on a regular pixel grid of a window: row 0 is the top (largest p2), as in
 * an image. Points where the surface is undefined are NaN here (the grid is only drawn), and
 * the values are also ranked, so colours can follow quantiles: the paper's surfaces have sharp
 * wells whose depth would otherwise squeeze every other feature into one colour.
 */
final class SurfaceGrid {

    final Surface.Window window;
    final int width;
    final int height;
    final double[] values;
    private final double[] sorted;

    private SurfaceGrid(Surface.Window window, int width, int height, double[] values) {
        this.window = window;
        this.width = width;
        this.height = height;
        this.values = values;
        this.sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }

    /** Samples {@code surface} at the centre of each of {@code width × height} pixels, rows in parallel. */
    static SurfaceGrid sample(Surface surface, Surface.Window window, int width, int height) {
        double[] values = new double[width * height];
        IntStream.range(0, height).parallel().forEach(row -> {
            double p2 = window.max2() - (row + 0.5) * (window.max2() - window.min2()) / height;
            for (int col = 0; col < width; col++) {
                double p1 = window.min1() + (col + 0.5) * (window.max1() - window.min1()) / width;
                double v;
                try {
                    v = surface.value(p1, p2);
                } catch (IllegalArgumentException outsideDomain) {
                    v = Double.NaN;
                }
                values[row * width + col] = Double.isFinite(v) ? v : Double.NaN;
            }
        });
        return new SurfaceGrid(window, width, height, values);
    }

    /**
     * A grid of values already computed ({@code width × height}, row 0 at the top, NaN where
     * undefined): the loss surfaces of trained networks come as numbers, not formulas.
     */
    static SurfaceGrid of(Surface.Window window, int width, int height, double[] values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " grid needs " + width * height + " values, got "
                    + values.length);
        }
        return new SurfaceGrid(window, width, height, values.clone());
    }

    double at(int col, int row) {
        return values[row * width + col];
    }

    /** The fraction of finite grid values below {@code v}, in [0, 1]; NaN for NaN. */
    double rank(double v) {
        if (Double.isNaN(v) || sorted.length == 0) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(sorted, v);
        int position = i >= 0 ? i : -i - 1;
        return sorted.length == 1 ? 0.5 : Math.min(1, position / (double) (sorted.length - 1));
    }

    /** The value below which a fraction {@code q} of the grid lies. */
    double quantile(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    /** The pixel column of p1 (may lie outside the image). */
    double column(double p1) {
        return (p1 - window.min1()) / (window.max1() - window.min1()) * width;
    }

    /** The pixel row of p2 (may lie outside the image). */
    double row(double p2) {
        return (window.max2() - p2) / (window.max2() - window.min2()) * height;
    }
}
