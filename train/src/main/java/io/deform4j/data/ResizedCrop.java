package io.deform4j.data;

/**
 * One drawn resizing augmentation of a {@link Picture}: the window
 * {@code [top, top+height) × [left, left+width)} is taken as an image of its own, resized to
 * {@code scaledHeight×scaledWidth} ({@link Bilinear}, Pillow's filter), of which the rows
 * {@code [cropTop, cropTop+cropHeight)} and columns {@code [cropLeft, cropLeft+cropWidth)} are
 * kept, mirrored left-right if {@code flip}. torchvision's {@code RandomResizedCrop} is a random
 * window resized to the crop; {@code Resize(256)} + {@code CenterCrop(224)} is the whole picture
 * resized and a centred crop; only the kept pixels are computed.
 */
public record ResizedCrop(int top, int left, int height, int width, int scaledHeight, int scaledWidth, int cropTop,
        int cropLeft, int cropHeight, int cropWidth, boolean flip) {

    public ResizedCrop {
        if (top < 0 || left < 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("window must lie in the picture and be at least 1x1, got " + height
                    + "x" + width + " at (" + top + ", " + left + ")");
        }
        if (cropTop < 0 || cropLeft < 0 || cropHeight <= 0 || cropWidth <= 0 || cropTop + cropHeight > scaledHeight
                || cropLeft + cropWidth > scaledWidth) {
            throw new IllegalArgumentException("crop " + cropHeight + "x" + cropWidth + " at (" + cropTop + ", "
                    + cropLeft + ") does not fit in the resized " + scaledHeight + "x" + scaledWidth);
        }
    }

    /** The kept pixels as bytes, {@code 3×cropHeight×cropWidth} planes. */
    public byte[] apply(Picture src) {
        byte[] rgb = resized(src);
        int plane = cropHeight * cropWidth;
        byte[] out = new byte[3 * plane];
        for (int y = 0; y < cropHeight; y++) {
            for (int x = 0; x < cropWidth; x++) {
                int s = (y * cropWidth + (flip ? cropWidth - 1 - x : x)) * 3;
                int d = y * cropWidth + x;
                out[d] = rgb[s];
                out[plane + d] = rgb[s + 1];
                out[2 * plane + d] = rgb[s + 2];
            }
        }
        return out;
    }

    /**
     * Writes the kept pixels, normalised, into {@code dst} from {@code offset} in
     * {@code 3×cropHeight×cropWidth} order.
     *
     * @param table per-channel look-up table from {@link Normalization#table()}
     */
    public void render(Picture src, float[][] table, float[] dst, int offset) {
        byte[] rgb = resized(src);
        int plane = cropHeight * cropWidth;
        float[] r = table[0];
        float[] g = table[1];
        float[] b = table[2];
        for (int y = 0; y < cropHeight; y++) {
            int row = offset + y * cropWidth;
            for (int x = 0; x < cropWidth; x++) {
                int s = (y * cropWidth + (flip ? cropWidth - 1 - x : x)) * 3;
                dst[row + x] = r[rgb[s] & 0xFF];
                dst[plane + row + x] = g[rgb[s + 1] & 0xFF];
                dst[2 * plane + row + x] = b[rgb[s + 2] & 0xFF];
            }
        }
    }

    private byte[] resized(Picture src) {
        if (top + height > src.height() || left + width > src.width()) {
            throw new IllegalArgumentException("window " + height + "x" + width + " at (" + top + ", " + left
                    + ") does not fit in a " + src.height() + "x" + src.width() + " picture");
        }
        return Bilinear.resize(src, top, left, height, width, scaledHeight, scaledWidth, cropTop, cropLeft,
                cropHeight, cropWidth);
    }
}
