package io.deform4j.data;

import java.util.List;
import java.util.Objects;

/**
 * An {@link ImageDataset} whose images are all held in memory, one byte array per image.
 * Readers of the CIFAR binary and IDX formats return this type.
 */
public final class InMemoryDataset extends AbstractImageDataset {

    private final byte[][] images;

    /**
     * Wraps the arrays without copying them.
     *
     * @param images one {@code C×H×W} array per example
     * @param labels one label per example, in {@code [0, classNames.size())}
     * @throws IllegalArgumentException if lengths, shapes or labels do not agree
     */
    public InMemoryDataset(byte[][] images, int[] labels, List<String> classNames,
            int channels, int height, int width) {
        super(labels, classNames, channels, height, width);
        Objects.requireNonNull(images, "images");
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        int pixels = channels * height * width;
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != pixels) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length
                        + " bytes, expected " + pixels + " (" + channels + "x" + height + "x" + width + ")");
            }
        }
        this.images = images;
    }

    @Override
    public byte[] image(int index) {
        return images[index];
    }
}
