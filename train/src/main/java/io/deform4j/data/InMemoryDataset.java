package io.deform4j.data;

import java.util.List;
import java.util.Objects;

/**
 * An {@link ImageDataset} whose images are all held in memory, one byte array per image.
 * Readers of the CIFAR binary and IDX formats return this type.
 */
public final class InMemoryDataset implements ImageDataset {

    private final byte[][] images;
    private final int[] labels;
    private final List<String> classNames;
    private final int channels;
    private final int height;
    private final int width;

    /**
     * Wraps the arrays without copying them.
     *
     * @param images one {@code C×H×W} array per example
     * @param labels one label per example, in {@code [0, classNames.size())}
     * @throws IllegalArgumentException if lengths, shapes or labels do not agree
     */
    public InMemoryDataset(byte[][] images, int[] labels, List<String> classNames,
            int channels, int height, int width) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        this.classNames = List.copyOf(classNames);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException("a data set needs at least one class");
        }
        int pixels = channels * height * width;
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != pixels) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length
                        + " bytes, expected " + pixels + " (" + channels + "x" + height + "x" + width + ")");
            }
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i
                        + " is outside [0, " + this.classNames.size() + ")");
            }
        }
        this.images = images;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public byte[] image(int index) {
        return images[index];
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public String toString() {
        return "InMemoryDataset[" + size() + " images " + channels + "x" + height + "x" + width
                + ", " + classes() + " classes]";
    }
}
