package io.deform4j.data;

import java.util.Arrays;

/**
 * One drawn augmentation: the window {@code [top, top+height) × [left, left+width)} of the source
 * image, where rows and columns outside the source are zero padding, optionally mirrored
 * left-right after cropping.
 *
 * @param top    first source row (negative inside the top padding)
 * @param left   first source column (negative inside the left padding)
 * @param height output height
 * @param width  output width
 * @param flip   whether output column {@code x} shows crop column {@code width−1−x}
 */
public record Crop(int top, int left, int height, int width, boolean flip) {

    public Crop {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("crop must be at least 1x1, got " + height + "x" + width);
        }
    }

    /** The identity crop of an {@code height×width} image. */
    public static Crop whole(int height, int width) {
        return new Crop(0, 0, height, width, false);
    }

    /**
     * Writes the cropped, flipped and normalised image into {@code dst} from {@code offset}, in
     * {@code C×height×width} order. Padding pixels are byte 0, normalised like any other.
     *
     * @param src   {@code C×srcHeight×srcWidth} bytes
     * @param table per-channel look-up table from {@link Normalization#table()}
     */
    public void render(byte[] src, int channels, int srcHeight, int srcWidth, float[][] table, float[] dst,
            int offset) {
        int plane = srcHeight * srcWidth;
        int o = offset;
        for (int c = 0; c < channels; c++) {
            float[] lut = table[c];
            float pad = lut[0];
            int base = c * plane;
            for (int y = 0; y < height; y++) {
                int sy = top + y;
                if (sy < 0 || sy >= srcHeight) {
                    Arrays.fill(dst, o, o + width, pad);
                    o += width;
                    continue;
                }
                int row = base + sy * srcWidth;
                if (!flip && left >= 0 && left + width <= srcWidth) {
                    for (int x = 0; x < width; x++) {
                        dst[o++] = lut[src[row + left + x] & 0xFF];
                    }
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    int sx = flip ? left + width - 1 - x : left + x;
                    dst[o++] = sx < 0 || sx >= srcWidth ? pad : lut[src[row + sx] & 0xFF];
                }
            }
        }
    }

    /** The cropped and flipped image as bytes ({@code C×height×width}), padding = 0. */
    public byte[] apply(byte[] src, int channels, int srcHeight, int srcWidth) {
        byte[] out = new byte[channels * height * width];
        int plane = srcHeight * srcWidth;
        int o = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int sy = top + y;
                for (int x = 0; x < width; x++, o++) {
                    int sx = flip ? left + width - 1 - x : left + x;
                    if (sy >= 0 && sy < srcHeight && sx >= 0 && sx < srcWidth) {
                        out[o] = src[c * plane + sy * srcWidth + sx];
                    }
                }
            }
        }
        return out;
    }
}
