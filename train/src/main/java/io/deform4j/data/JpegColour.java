package io.deform4j.data;

/**
 * Colour conversions that a JPEG decoder may leave to the caller, written as libjpeg and Pillow
 * compute them so that a decoded picture is the one torchvision's loader sees.
 */
final class JpegColour {

    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        // libjpeg's jdcolor.c tables (build_ycc_rgb_table), integer arithmetic bit for bit.
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private JpegColour() {
    }

    private static int fix(double x) {
        return (int) (x * (1 << SCALEBITS) + 0.5);
    }

    /**
     * RGB of Adobe-style CMYK pixels (4 interleaved bytes, inverted: 255 = no ink), the form
     * libjpeg decodes CMYK and YCCK JPEGs to, with Pillow's {@code cmyk2rgb}:
     * {@code R = k − k·(255 − c)/255}, rounded as Pillow's {@code MULDIV255}.
     */
    static Picture cmykToRgb(byte[] cmyk, int height, int width) {
        int n = height * width;
        byte[] rgb = new byte[n * 3];
        for (int i = 0, j = 0; i < n; i++, j += 4) {
            int nk = cmyk[j + 3] & 0xFF;
            for (int c = 0; c < 3; c++) {
                int v = nk - mulDiv255(255 - (cmyk[j + c] & 0xFF), nk);
                rgb[i * 3 + c] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new Picture(rgb, height, width);
    }

    /** Pillow's {@code MULDIV255(a, b)}: {@code a·b/255} rounded. */
    static int mulDiv255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }

    /** libjpeg's {@code ycck_cmyk_convert}, in place on 4 interleaved bytes per pixel. */
    static void ycckToCmyk(byte[] pixels) {
        for (int j = 0; j < pixels.length; j += 4) {
            int y = pixels[j] & 0xFF;
            int cb = pixels[j + 1] & 0xFF;
            int cr = pixels[j + 2] & 0xFF;
            pixels[j] = clamp(255 - (y + CR_R[cr]));
            pixels[j + 1] = clamp(255 - (y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS)));
            pixels[j + 2] = clamp(255 - (y + CB_B[cb]));
        }
    }

    /** libjpeg's {@code ycc_rgb_convert} of 3 interleaved bytes per pixel, in place. */
    static void yccToRgb(byte[] pixels) {
        for (int j = 0; j < pixels.length; j += 3) {
            int y = pixels[j] & 0xFF;
            int cb = pixels[j + 1] & 0xFF;
            int cr = pixels[j + 2] & 0xFF;
            pixels[j] = clamp(y + CR_R[cr]);
            pixels[j + 1] = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS));
            pixels[j + 2] = clamp(y + CB_B[cb]);
        }
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
