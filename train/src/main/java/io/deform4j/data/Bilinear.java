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
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

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
        int[] tmp = scratch(rows * tmpStride);
        int[] offsets = new int[outWidth];
        for (int x = 0; x < outWidth; x++) {
            offsets[x] = (left + horizontal.start[x]) * 3;
        }
        for (int r = 0; r < rows; r++) {
            horizontalRow(s, (top + firstRow + r) * srcStride, offsets, horizontal.count, horizontal.weights,
                    horizontal.size, tmp, r * tmpStride);
        }
        byte[] out = new byte[outHeight * tmpStride];
        int[] acc = new int[tmpStride];
        for (int y = 0; y < outHeight; y++) {
            verticalRow(tmp, (vertical.start[y] - firstRow) * tmpStride, vertical.count[y], vertical.weights,
                    y * vertical.size, tmpStride, acc, out, y * tmpStride);
        }
        return out;
    }

    /** One row of the horizontal pass: {@code offsets.length} RGB outputs from the row at {@code rowBase}. */
    private static void horizontalRow(byte[] s, int rowBase, int[] offsets, int[] count, int[] weights, int size,
            int[] tmp, int o) {
        for (int x = 0, kBase = 0; x < offsets.length; x++, kBase += size) {
            int p = rowBase + offsets[x];
            int s0 = HALF;
            int s1 = HALF;
            int s2 = HALF;
            for (int k = 0, n = count[x]; k < n; k++, p += 3) {
                int w = weights[kBase + k];
                s0 += (s[p] & 0xFF) * w;
                s1 += (s[p + 1] & 0xFF) * w;
                s2 += (s[p + 2] & 0xFF) * w;
            }
            tmp[o++] = clip8(s0);
            tmp[o++] = clip8(s1);
            tmp[o++] = clip8(s2);
        }
    }

    /** One row of the vertical pass: {@code n} rows of {@code tmp} from {@code base}, weighted, into {@code out}. */
    private static void verticalRow(int[] tmp, int base, int n, int[] weights, int kBase, int stride, int[] acc,
            byte[] out, int o) {
        Arrays.fill(acc, HALF);
        for (int k = 0; k < n; k++) {
            int w = weights[kBase + k];
            int b = base + k * stride;
            for (int i = 0; i < stride; i++) {
                acc[i] += tmp[b + i] * w;
            }
        }
        for (int i = 0; i < stride; i++) {
            out[o + i] = (byte) clip8(acc[i]);
        }
    }

    /** Pillow's {@code clip8}: the fixed-point sum as a byte value in [0, 255]. */
    private static int clip8(int v) {
        return Math.max(0, Math.min(255, v >> PRECISION_BITS));
    }

    /**
     * The calling thread's buffer for the horizontal pass's result, at least {@code n} long. Held
     * as ints (byte values), so that the vertical pass is plain int arithmetic, which the JIT
     * vectorises, and reused, which saves clearing a fresh array per picture: together about 30 %
     * of the resizing time.
     */
    private static int[] scratch(int n) {
        int[] buffer = SCRATCH.get();
        if (buffer.length < n) {
            buffer = new int[n];
            SCRATCH.set(buffer);
        }
        return buffer;
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
