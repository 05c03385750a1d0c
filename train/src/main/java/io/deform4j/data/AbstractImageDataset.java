package io.deform4j.data;

import java.util.List;
import java.util.Objects;

/**
 * What a data set that stores its examples has besides the pixels: one label per example, the
 * class names and the one image shape, checked once here. A subclass supplies
 * {@link #image(int)}: from memory ({@link InMemoryDataset}) or decoded from files
 * ({@link FolderDataset}).
 */
abstract class AbstractImageDataset implements ImageDataset {

    private final int[] labels;
    private final List<String> classNames;
    private final int channels;
    private final int height;
    private final int width;

    /**
     * Keeps {@code labels} without copying it.
     *
     * @throws IllegalArgumentException if the shape is not positive, there is no class, or a
     *                                  label lies outside {@code [0, classNames.size())}
     */
    AbstractImageDataset(int[] labels, List<String> classNames, int channels, int height, int width) {
        Objects.requireNonNull(labels, "labels");
        this.classNames = List.copyOf(classNames);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException("a data set needs at least one class");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i
                        + " is outside [0, " + this.classNames.size() + ")");
            }
        }
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    @Override
    public final int size() {
        return labels.length;
    }

    @Override
    public final List<String> classNames() {
        return classNames;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int label(int index) {
        return labels[index];
    }

    /** E.g. {@code InMemoryDataset[2000 images 1x28x28, 10 classes]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + size() + " images " + channels + "x" + height + "x" + width + ", "
                + classes() + " classes]";
    }
}
