package io.deform4j.report;

import java.awt.image.BufferedImage;

/**
 * Colour-mapped rasters of a {@link SurfaceGrid}: filled contours (level bands with
 * iso-lines) for the trajectory plots of Figs. 1 and 7, and a shaded landscape seen from above
 * for Fig. 4(b).
 *
 * <p>Hand-rolled because XChart, the plotting library of this project, draws lines, scatters
 * and bars but no contour plot, and its heat map has one rectangle per cell with neither
 * iso-lines nor hill shading. A raster of the surface sampled at every pixel is simpler and
 * exact: the level bands are quantiles of the sampled values (so sharp wells do not flatten
 * the rest of the picture), and an iso-line is drawn wherever two neighbouring pixels fall in
 * different bands (the pixel form of marching squares).
 */
final class ContourRaster {

    /** Number of level bands of a contour map when none is given: {@value}. */
    static final int DEFAULT_LEVELS = 16;

    private ContourRaster() {
    }

    /** Filled contours with {@code levels} bands of equal share of the window, and dark iso-lines between them. */
    static BufferedImage filledContours(SurfaceGrid grid, int levels) {
        int[] band = new int[grid.values.length];
        for (int i = 0; i < band.length; i++) {
            double r = grid.rank(grid.values[i]);
            band[i] = Double.isNaN(r) ? -1 : Math.min(levels - 1, (int) Math.floor(r * levels));
        }
        BufferedImage image = new BufferedImage(grid.width, grid.height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < grid.height; row++) {
            for (int col = 0; col < grid.width; col++) {
                int b = band[row * grid.width + col];
                int rgb = b < 0 ? SurfaceColours.UNDEFINED.getRGB() & 0xffffff
                        : SurfaceColours.viridis((b + 0.5) / levels);
                boolean edge = b >= 0 && ((col + 1 < grid.width && band[row * grid.width + col + 1] != b)
                        || (row + 1 < grid.height && band[(row + 1) * grid.width + col] != b));
                image.setRGB(col, row, edge ? SurfaceColours.shade(rgb, 0.55) : rgb);
            }
        }
        return image;
    }

    /**
     * The surface seen from above: height by rank on a terrain colour map, lit from the
     * north-west so that ridges and wells stand out, as the landscape of Fig. 4(b).
     */
    static BufferedImage landscape(SurfaceGrid grid) {
        int w = grid.width;
        int h = grid.height;
        double[] height = new double[w * h];
        for (int i = 0; i < height.length; i++) {
            height[i] = grid.rank(grid.values[i]);
        }
        double relief = 0.35 * Math.max(w, h); // how steep one full colour range looks over the picture
        double lx = -1 / Math.sqrt(3);
        double ly = -1 / Math.sqrt(3);
        double lz = 1 / Math.sqrt(3);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                double z = height[row * w + col];
                if (Double.isNaN(z)) {
                    image.setRGB(col, row, SurfaceColours.UNDEFINED.getRGB());
                    continue;
                }
                double dx = slope(height, w, col, row, col > 0 ? col - 1 : col, row, col + 1 < w ? col + 1 : col, row);
                double dy = slope(height, w, col, row, col, row > 0 ? row - 1 : row, col, row + 1 < h ? row + 1 : row);
                double nx = -dx * relief;
                double ny = -dy * relief;
                double norm = Math.sqrt(nx * nx + ny * ny + 1);
                double light = Math.max(0, (nx * lx + ny * ly + lz) / norm);
                image.setRGB(col, row, SurfaceColours.shade(SurfaceColours.terrain(z), 0.45 + 0.75 * light));
            }
        }
        return image;
    }

    /** Central difference of the height between two neighbours of (col, row), per pixel. */
    private static double slope(double[] height, int w, int col, int row, int c0, int r0, int c1, int r1) {
        double a = height[r0 * w + c0];
        double b = height[r1 * w + c1];
        int span = Math.max(1, Math.abs(c1 - c0) + Math.abs(r1 - r0));
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return 0;
        }
        return (b - a) / span;
    }
}
