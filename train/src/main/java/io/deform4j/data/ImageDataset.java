package io.deform4j.data;

import java.util.List;

/**
 * A labelled set of images held as raw bytes: the seam between the readers of real formats
 * (CIFAR binary, IDX, image folders) and the batch pipeline that feeds training.
 *
 * <p>Images are 8-bit, channel-major ({@code C×H×W}); every image of a data set has the same
 * shape. A data set of pictures of different sizes (ImageNet) gives them at their own size
 * through {@link #picture(int)}, and as {@link #image(int)} a fixed-size view of each. Labels lie
 * in {@code [0, classes())}.
 */
public interface ImageDataset {

    /** Number of examples. */
    int size();

    /** Number of classes, one per class name; labels lie in {@code [0, classes())}. */
    default int classes() {
        return classNames().size();
    }

    /** Class names, index = label. */
    List<String> classNames();

    /** Channels per image (3 for CIFAR, 1 for Fashion-MNIST). */
    int channels();

    /** Image height in pixels. */
    int height();

    /** Image width in pixels. */
    int width();

    /**
     * The pixels of example {@code index}, {@code C×H×W} unsigned bytes. Callers must not
     * modify the array.
     */
    byte[] image(int index);

    /**
     * Example {@code index} at its own size, for the resizing augmentations
     * ({@link Augmentation#scales()}). Data sets of files decode the file (ImageNet: every picture
     * has its own size, and {@link #image(int)} is its test-time view); the default is
     * {@link #image(int)} as a picture, for 3-channel sets.
     */
    default Picture picture(int index) {
        return Picture.ofPlanar(image(index), channels(), height(), width());
    }

    /** The label of example {@code index}. */
    int label(int index);
}
