package io.deform4j.data;

/**
 * An image at its own size, as decoded: {@code height × width} pixels of 3 interleaved 8-bit
 * channels (R, G, B), row after row. Variable-size data sets such as ImageNet hand these to the
 * resizing augmentations ({@link Augmentation#scales()}); fixed-size sets keep their planar
 * {@link ImageDataset#image(int)}.
 *
 * @param pixels {@code height·width·3} bytes, {@code pixels[(y·width + x)·3 + c]}
 * @param height rows, positive
 * @param width  columns, positive
 */
public record Picture(byte[] pixels, int height, int width) {

    /** Channels per pixel. */
    public static final int CHANNELS = 3;

    public Picture {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("picture must be at least 1x1, got " + height + "x" + width);
        }
        if (pixels.length != (long) height * width * CHANNELS) {
            throw new IllegalArgumentException("a " + height + "x" + width + " RGB picture needs "
                    + (long) height * width * CHANNELS + " bytes, got " + pixels.length);
        }
    }

    /**
     * The picture of a planar {@code C×H×W} image with 1 channel (repeated as R, G and B) or 3.
     *
     * @throws IllegalArgumentException for another number of channels
     */
    public static Picture ofPlanar(byte[] planes, int channels, int height, int width) {
        if (channels != 1 && channels != CHANNELS) {
            throw new IllegalArgumentException("a picture has 1 or 3 channels, got " + channels);
        }
        int plane = height * width;
        byte[] out = new byte[plane * CHANNELS];
        for (int i = 0, o = 0; i < plane; i++) {
            for (int c = 0; c < CHANNELS; c++) {
                out[o++] = planes[(channels == 1 ? 0 : c) * plane + i];
            }
        }
        return new Picture(out, height, width);
    }

    /** The pixels as {@code 3×H×W} planes (R, G, B), the layout of {@link ImageDataset#image(int)}. */
    public byte[] planar() {
        int plane = height * width;
        byte[] out = new byte[plane * CHANNELS];
        for (int i = 0, j = 0; i < plane; i++, j += CHANNELS) {
            out[i] = pixels[j];
            out[plane + i] = pixels[j + 1];
            out[2 * plane + i] = pixels[j + 2];
        }
        return out;
    }
}
