package io.deform4j.data;

import java.nio.file.Path;

/**
 * What a JPEG's markers say about its colours, read as libjpeg reads them
 * ({@code default_decompress_parms}): 3 components are YCbCr unless an Adobe marker says
 * transform 0 or, without JFIF and Adobe markers, the components are named R, G, B; 4 components
 * are YCCK when an Adobe marker says transform 2 (or any but 0), else CMYK.
 *
 * @param components number of colour components (1, 3 or 4)
 * @param ycc        whether the data is YCbCr (3 components) or YCCK (4) and needs converting
 */
record JpegHeader(int components, boolean ycc) {

    /** Reads the markers up to the first scan. */
    static JpegHeader parse(byte[] data, Path file) {
        boolean jfif = false;
        int adobe = -1;
        int components = -1;
        int[] ids = new int[0];
        int p = 2;
        while (p + 4 <= data.length) {
            if ((data[p] & 0xFF) != 0xFF) {
                throw new DataFormatException(file + ": broken JPEG: no marker at byte " + p);
            }
            int marker = data[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                p += 2;
                continue;
            }
            int length = ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
            int body = p + 4;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            if (marker == 0xE0 && has(data, body, "JFIF")) {
                jfif = true;
            } else if (marker == 0xEE && has(data, body, "Adobe") && body + 11 < data.length) {
                adobe = data[body + 11] & 0xFF;
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
                    && body + 5 < data.length) {
                components = data[body + 5] & 0xFF;
                ids = new int[components];
                for (int i = 0; i < components && body + 6 + 3 * i < data.length; i++) {
                    ids[i] = data[body + 6 + 3 * i] & 0xFF;
                }
            }
            p += 2 + length;
        }
        if (components < 0) {
            throw new DataFormatException(file + ": broken JPEG: no frame header before the image data");
        }
        boolean ycc = switch (components) {
            case 3 -> jfif || (adobe >= 0 ? adobe != 0 : !(ids[0] == 'R' && ids[1] == 'G' && ids[2] == 'B'));
            case 4 -> adobe > 0;
            default -> false;
        };
        return new JpegHeader(components, ycc);
    }

    private static boolean has(byte[] data, int at, String tag) {
        if (at + tag.length() > data.length) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (data[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
