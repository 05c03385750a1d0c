package io.deform4j.report;

import java.awt.Color;

/** Colour maps for surface pictures: a viridis-like map for contours and a terrain map for landscapes. */
final class SurfaceColours {

    /** Anchors of matplotlib's viridis, from 0 (low) to 1 (high). */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779,
        0x6ece58, 0xb5de2b, 0xfde725};

    /** A terrain map: deep blue lows, green and sand, brown highs, white peaks. */
    private static final int[] TERRAIN = {0x1a237e, 0x1565c0, 0x26a69a, 0x66bb6a, 0xc5e1a5, 0xe6d690, 0xb08850,
        0x7a5230, 0xd7ccc8, 0xffffff};

    /** The colour of an undefined point. */
    static final Color UNDEFINED = new Color(0xd0d0d0);

    private SurfaceColours() {
    }

    static int viridis(double t) {
        return interpolate(VIRIDIS, t);
    }

    static int terrain(double t) {
        return interpolate(TERRAIN, t);
    }

    private static int interpolate(int[] anchors, double t) {
        double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(x));
        double f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** {@code rgb} darkened or lightened by {@code shade} (1 = unchanged). */
    static int shade(int rgb, double shade) {
        int r = clamp(((rgb >> 16) & 0xff) * shade);
        int g = clamp(((rgb >> 8) & 0xff) * shade);
        int b = clamp((rgb & 0xff) * shade);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double c) {
        return (int) Math.max(0, Math.min(255, Math.round(c)));
    }
}
