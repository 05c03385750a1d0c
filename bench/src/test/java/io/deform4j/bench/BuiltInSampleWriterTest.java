package io.deform4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deform4j.data.BuiltInSample;
import io.deform4j.data.DataOptions;
import io.deform4j.data.DataSources;
import io.deform4j.data.DataSplits;
import io.deform4j.data.Idx;
import io.deform4j.data.InMemoryDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInSampleWriterTest {

    private static final String[] FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    @TempDir
    Path dir;

    @Test
    void writesABalancedReproducibleSample() throws IOException {
        Path source = dir.resolve("source");
        Files.createDirectories(source);
        InMemoryDataset data = indexed(300, 10);
        Idx.write(data, source.resolve("train-images-idx3-ubyte.gz"), source.resolve("train-labels-idx1-ubyte.gz"), true);
        Idx.write(data, source.resolve("t10k-images-idx3-ubyte"), source.resolve("t10k-labels-idx1-ubyte"), false);
        BuiltInSampleWriter.write(source, dir.resolve("a"), 40, 20, 5);
        BuiltInSampleWriter.write(source, dir.resolve("b"), 40, 20, 5);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f);
        }
        DataSplits sample = Idx.readFolder(dir.resolve("a"), DataSources.FASHION_MNIST_CLASSES);
        assertEquals(40, sample.train().size());
        assertEquals(20, sample.test().size());
        int[] counts = new int[10];
        for (int i = 0; i < 40; i++) {
            counts[sample.train().label(i)]++;
        }
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, counts);
    }

    /**
     * Provenance: the shipped sample is what the writer makes from the Fashion-MNIST files of
     * Debian's {@code dataset-fashion-mnist} ({@value DataOptions#FASHION_MNIST_DIR}), which lies
     * outside the repository: CI installs the package ({@code .ci/run}), so the test always runs
     * there; elsewhere it is skipped with a message that says how to install it.
     */
    @Test
    void shippedSampleMatchesTheDebianPackage() throws IOException {
        Path debian = Path.of(DataOptions.FASHION_MNIST_DIR);
        assumeTrue(Files.isDirectory(debian), debian + " is absent: install it with "
                + "'apt-get install dataset-fashion-mnist' to check the shipped sample byte for byte");
        BuiltInSampleWriter.write(debian, dir, BuiltInSample.TRAIN_SIZE, BuiltInSample.TEST_SIZE,
                BuiltInSampleWriter.DEFAULT_SEED);
        for (String f : FILES) {
            try (InputStream shipped = BuiltInSample.class.getResourceAsStream(BuiltInSample.RESOURCE_DIR + f)) {
                assertArrayEquals(shipped.readAllBytes(), Files.readAllBytes(dir.resolve(f)), f);
            }
        }
    }

    /** {@code n} blank 28×28 grey images whose first two pixels hold the index; label = index mod classes. */
    private static InMemoryDataset indexed(int n, int classes) {
        byte[][] images = new byte[n][28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images[i][0] = (byte) i;
            images[i][1] = (byte) (i >> 8);
            labels[i] = i % classes;
        }
        return new InMemoryDataset(images, labels, DataSources.FASHION_MNIST_CLASSES, 1, 28, 28);
    }
}
