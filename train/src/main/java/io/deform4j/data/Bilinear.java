package io.deform4j.data;

import java.util.Arrays;

/**
 * Pillow's bilinear resampling ({@code Image.resize(size, BILINEAR)}, Pillow 9's
 * {@code Resample.c}), bit for bit: separable, horizontal pass first; a triangle filter widened by
 * the scale when shrinking (antialiasing), weights normalised per output pixel and held in 22-bit
 * fixed point; the intermediate rounded to bytes. torchvision's {@code Resize} and
 * {@code RandomResizedCrop} call exactly this on PIL images.
 *
 * <p>Only a window of the output may be computed: its pixels equal those of the full output.
 */
final class Bilinear {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private Bilinear() {
    }

    /**
     * Resizes the window {@code [top, top+height) × [left, left+width)} of {@code src} (treated as
     * the whole image: the filter does not reach outside it) to {@code scaledHeight×scaledWidth}
     * and returns rows {@code [outTop, outTop+outHeight)} and columns {@code [outLeft, …)} of the
     * result, RGB interleaved.
     */
    static byte[] resize(Picture src, int top, int left, int height, int width, int scaledHeight, int scaledWidth,
            int outTop, int outLeft, int outHeight, int outWidth) {
        Taps horizontal = Taps.of(width, scaledWidth, outLeft, outWidth);
        Taps vertical = Taps.of(height, scaledHeight, outTop, outHeight);
        int firstRow = vertical.start[0];
        int lastRow = vertical.start[outHeight - 1] + vertical.count[outHeight - 1];
        byte[] s = src.pixels();
        int srcStride = src.width() * 3;
        int rows = lastRow - firstRow;
        int tmpStride = outWidth * 3;
        byte[] tmp = new byte[rows * tmpStride];
        int ks = horizontal.size;
        int[] hk = horizontal.weights;
        for (int r = 0; r < rows; r++) {
            int rowBase = (top + firstRow + r) * srcStride + left * 3;
            int o = r * tmpStride;
            for (int x = 0; x < outWidth; x++) {
                int p = rowBase + horizontal.start[x] * 3;
                int kBase = x * ks;
                int s0 = HALF;
                int s1 = HALF;
                int s2 = HALF;
                for (int k = 0, n = horizontal.count[x]; k < n; k++, p += 3) {
                    int w = hk[kBase + k];
                    s0 += (s[p] & 0xFF) * w;
                    s1 += (s[p + 1] & 0xFF) * w;
                    s2 += (s[p + 2] & 0xFF) * w;
                }
                tmp[o++] = clip8(s0);
                tmp[o++] = clip8(s1);
                tmp[o++] = clip8(s2);
            }
        }
        byte[] out = new byte[outHeight * tmpStride];
        int vs = vertical.size;
        int[] vk = vertical.weights;
        int[] acc = new int[tmpStride];
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(acc, HALF);
            int kBase = y * vs;
            int rowStart = vertical.start[y] - firstRow;
            for (int k = 0, n = vertical.count[y]; k < n; k++) {
                int w = vk[kBase + k];
                int base = (rowStart + k) * tmpStride;
                for (int i = 0; i < tmpStride; i++) {
                    acc[i] += (tmp[base + i] & 0xFF) * w;
                }
            }
            int o = y * tmpStride;
            for (int i = 0; i < tmpStride; i++) {
                out[o + i] = clip8(acc[i]);
            }
        }
        return out;
    }

    private static byte clip8(int v) {
        int x = v >> PRECISION_BITS;
        return (byte) (x < 0 ? 0 : Math.min(x, 255));
    }

    /**
     * Pillow's {@code precompute_coeffs} for outputs {@code [first, first+n)} of a resize from
     * {@code inSize} to {@code outSize}: for output {@code i}, input pixels
     * {@code start[i] … start[i]+count[i]−1} with weights {@code weights[i·size …]}.
     */
    private record Taps(int[] start, int[] count, int[] weights, int size) {

        static Taps of(int inSize, int outSize, int first, int n) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[n];
            int[] count = new int[n];
            int[] weights = new int[n * size];
            double[] w = new double[size];
            double ss = 1.0 / filterScale;
            for (int i = 0; i < n; i++) {
                double center = (first + i + 0.5) * scale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
                double total = 0;
                for (int x = 0; x < xmax; x++) {
                    double t = Math.abs((x + xmin - center + 0.5) * ss);
                    w[x] = t < 1.0 ? 1.0 - t : 0.0;
                    total += w[x];
                }
                for (int x = 0; x < xmax; x++) {
                    double k = total != 0.0 ? w[x] / total : w[x];
                    weights[i * size + x] = k < 0 ? (int) (-0.5 + k * (1 << PRECISION_BITS))
                            : (int) (0.5 + k * (1 << PRECISION_BITS));
                }
                start[i] = xmin;
                count[i] = xmax;
            }
            return new Taps(start, count, weights, size);
        }
    }
}
