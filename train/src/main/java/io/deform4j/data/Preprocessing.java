package io.deform4j.data;

import java.util.Objects;

/**
 * How a data set's images become network input: the normalisation shared by both splits and the
 * augmentation of each split (the paper's CIFAR recipe: pad 4, random crop, flip for training;
 * nothing for test).
 *
 * @param normalization per-channel mean/std
 * @param train         augmentation of training batches
 * @param test          augmentation of test batches (deterministic, e.g. none or a centre crop)
 */
public record Preprocessing(Normalization normalization, Augmentation train, Augmentation test) {

    public Preprocessing {
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(train, "train augmentation");
        Objects.requireNonNull(test, "test augmentation");
        if (test.isRandom()) {
            throw new IllegalArgumentException("test augmentation must be deterministic, got " + test);
        }
    }

    /** Scaling to {@code [0, 1]}, no augmentation. */
    public static Preprocessing plain(int channels) {
        return new Preprocessing(Normalization.unit(channels), Augmentation.NONE, Augmentation.NONE);
    }

    /** CIFAR recipe with the given normalisation: pad-4 random crop and flip for training. */
    public static Preprocessing cifar(Normalization normalization) {
        return new Preprocessing(normalization, Augmentation.CIFAR, Augmentation.NONE);
    }

    /** No augmentation, the given normalisation (MNIST-like data). */
    public static Preprocessing normalizeOnly(Normalization normalization) {
        return new Preprocessing(normalization, Augmentation.NONE, Augmentation.NONE);
    }

    /** This preprocessing with another training augmentation. */
    public Preprocessing withTrain(Augmentation augmentation) {
        return new Preprocessing(normalization, augmentation, test);
    }

    /** This preprocessing with another normalisation. */
    public Preprocessing withNormalization(Normalization other) {
        return new Preprocessing(other, train, test);
    }
}
