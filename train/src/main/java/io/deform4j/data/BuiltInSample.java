package io.deform4j.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * A small class-balanced sample of Fashion-MNIST shipped on the classpath, so a demo runs
 * offline on a fresh clone: {@value #TRAIN_SIZE} training and {@value #TEST_SIZE} test images of
 * 28×28×1, 10 classes, gzip IDX files under {@value #RESOURCE_DIR}. See the README there for
 * where it comes from and how to rebuild it byte for byte ({@code io.deform4j.bench.BuiltInSampleWriter}
 * in the {@code bench} module).
 */
public final class BuiltInSample {

    /** Classpath folder of the sample files. */
    public static final String RESOURCE_DIR = "/io/deform4j/data/fashion-mnist-sample/";
    /** Number of training images (200 per class). */
    public static final int TRAIN_SIZE = 2000;
    /** Number of test images (50 per class). */
    public static final int TEST_SIZE = 500;

    private BuiltInSample() {
    }

    /** The sample, with Fashion-MNIST's normalisation and no augmentation. */
    public static DataSplits load() throws IOException {
        ImageDataset train = read("train");
        ImageDataset test = read("t10k");
        return new DataSplits(train, test, Preprocessing.normalizeOnly(Normalization.FASHION_MNIST));
    }

    private static ImageDataset read(String prefix) throws IOException {
        String images = prefix + "-images-idx3-ubyte.gz";
        String labels = prefix + "-labels-idx1-ubyte.gz";
        try (InputStream img = open(images); InputStream lab = open(labels)) {
            return Idx.read(img, images, lab, labels, DataSources.FASHION_MNIST_CLASSES);
        }
    }

    private static InputStream open(String name) {
        InputStream in = BuiltInSample.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("built-in sample file " + RESOURCE_DIR + name
                    + " is missing from the classpath; the deform4j-train jar is incomplete");
        }
        return in;
    }
}
