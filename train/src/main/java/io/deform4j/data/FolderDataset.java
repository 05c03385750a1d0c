package io.deform4j.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.imageio.ImageIO;

/**
 * An {@link ImageDataset} of image files decoded on access with {@link ImageIO} into 3-channel
 * {@code size×size} bytes; see {@link ImageFolder} for the resizing rule. Decoded images are kept
 * when the whole set fits the cache budget, so later epochs read memory. Safe for concurrent
 * readers.
 */
public final class FolderDataset extends AbstractImageDataset {

    private final List<Path> files;
    private final AtomicReferenceArray<byte[]> cache;

    FolderDataset(List<Path> files, int[] labels, List<String> classNames, int size, boolean cached) {
        super(labels, classNames, 3, size, size);
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(files.size() + " files but " + labels.length + " labels");
        }
        this.files = List.copyOf(files);
        this.cache = cached ? new AtomicReferenceArray<>(files.size()) : null;
    }

    /** The file of example {@code index}. */
    public Path file(int index) {
        return files.get(index);
    }

    /**
     * The decoded image.
     *
     * @throws DataFormatException if the file cannot be read or decoded
     */
    @Override
    public byte[] image(int index) {
        if (cache == null) {
            return decode(files.get(index), height());
        }
        byte[] image = cache.get(index);
        if (image == null) {
            image = decode(files.get(index), height());
            cache.set(index, image);
        }
        return image;
    }

    /** Decodes {@code file} into {@code 3×size×size} bytes (RGB planes). */
    static byte[] decode(Path file, int size) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot decode image: " + e.getMessage());
        }
        if (image == null) {
            throw new DataFormatException(file, "not a readable image (no ImageIO decoder for it)");
        }
        if (image.getWidth() != size || image.getHeight() != size || image.getType() != BufferedImage.TYPE_3BYTE_BGR
                && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            image = resize(image, size);
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int plane = size * size;
        byte[] out = new byte[3 * plane];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            System.arraycopy(data, 0, out, 0, plane);
            System.arraycopy(data, 0, out, plane, plane);
            System.arraycopy(data, 0, out, 2 * plane, plane);
            return out;
        }
        for (int i = 0, j = 0; i < plane; i++, j += 3) {
            out[i] = data[j + 2];
            out[plane + i] = data[j + 1];
            out[2 * plane + i] = data[j];
        }
        return out;
    }

    /** Resizes so the shorter side is {@code size} (bilinear), then centre-crops to a square. */
    private static BufferedImage resize(BufferedImage image, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = (double) size / Math.min(w, h);
        double sw = w * scale;
        double sh = h * scale;
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.translate(-(sw - size) / 2, -(sh - size) / 2);
            g.scale(scale, scale);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
