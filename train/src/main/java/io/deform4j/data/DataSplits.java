package io.deform4j.data;

import java.util.Objects;

/**
 * A training and a test set of the same shape and classes, with the preprocessing that goes
 * with them.
 *
 * @param train         training examples
 * @param test          test examples
 * @param preprocessing normalisation and per-split augmentation
 */
public record DataSplits(ImageDataset train, ImageDataset test, Preprocessing preprocessing) {

    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("training images are " + shape(train) + " but test images are "
                    + shape(test));
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("training and test sets have different classes: "
                    + train.classNames() + " and " + test.classNames());
        }
        if (preprocessing.normalization().channels() != train.channels()) {
            throw new IllegalArgumentException("normalisation has " + preprocessing.normalization().channels()
                    + " channels but the images have " + train.channels());
        }
    }

    /** The splits with {@link Preprocessing#plain} (scaling to [0, 1], no augmentation). */
    public DataSplits(ImageDataset train, ImageDataset test) {
        this(train, test, Preprocessing.plain(train.channels()));
    }

    /** Number of classes. */
    public int classes() {
        return train.classes();
    }

    /** The same data with another preprocessing. */
    public DataSplits withPreprocessing(Preprocessing other) {
        return new DataSplits(train, test, other);
    }

    /**
     * Class-balanced seeded subsets ({@link Subsets#balanced}) of at most {@code trainLimit}
     * training and {@code testLimit} test examples; 0 means no limit.
     *
     * @throws IllegalArgumentException if a limit is negative
     */
    public DataSplits limit(int trainLimit, int testLimit, long seed) {
        if (trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 = no limit), got train " + trainLimit
                    + " and test " + testLimit);
        }
        ImageDataset tr = trainLimit == 0 ? train : Subsets.balanced(train, trainLimit, seed);
        ImageDataset te = testLimit == 0 ? test : Subsets.balanced(test, testLimit, seed + 1);
        return new DataSplits(tr, te, preprocessing);
    }

    private static String shape(ImageDataset d) {
        return d.channels() + "x" + d.height() + "x" + d.width();
    }
}
