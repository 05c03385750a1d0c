package io.deform4j.bench;

import io.deform4j.data.BuiltInSample;
import io.deform4j.data.DataOptions;
import io.deform4j.data.DataSources;
import io.deform4j.data.DataSplits;
import io.deform4j.data.Idx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the {@link BuiltInSample}: reads Fashion-MNIST from IDX files, keeps a seeded
 * class-balanced subset ({@link DataSplits#limit}) of each split and writes it as gzip IDX files.
 * The output is byte-for-byte reproducible, and {@code BuiltInSampleWriterTest} checks that the
 * shipped files are what this writes from Debian's {@code dataset-fashion-mnist}.
 *
 * <p>Usage, from the repository root (see {@code bench/README.md}):
 * <pre>
 * apt-get install dataset-fashion-mnist
 * ./mvnw -q -B -pl cli,bench -am package -DskipTests
 * java -cp cli/target/deform4j.jar:bench/target/deform4j-bench.jar io.deform4j.bench.BuiltInSampleWriter \
 *     [SOURCE_DIR [OUT_DIR [TRAIN_N [TEST_N [SEED]]]]]
 * </pre>
 * Defaults: {@value DataOptions#FASHION_MNIST_DIR}, {@value #DEFAULT_OUT},
 * {@value BuiltInSample#TRAIN_SIZE}, {@value BuiltInSample#TEST_SIZE}, seed {@value #DEFAULT_SEED}.
 */
public final class BuiltInSampleWriter {

    /** Where the sample lives in the source tree, relative to the repository root. */
    public static final String DEFAULT_OUT = "train/src/main/resources/io/deform4j/data/fashion-mnist-sample";
    /** Seed of the subset choice. */
    public static final long DEFAULT_SEED = 20200523L;

    private BuiltInSampleWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : DataOptions.FASHION_MNIST_DIR);
        Path out = Path.of(args.length > 1 ? args[1] : DEFAULT_OUT);
        int trainN = args.length > 2 ? Integer.parseInt(args[2]) : BuiltInSample.TRAIN_SIZE;
        int testN = args.length > 3 ? Integer.parseInt(args[3]) : BuiltInSample.TEST_SIZE;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : DEFAULT_SEED;
        write(source, out, trainN, testN, seed);
        System.out.println("wrote " + trainN + " training and " + testN + " test images to " + out);
    }

    /** Writes the sample of {@code source} into {@code out}. */
    public static void write(Path source, Path out, int trainN, int testN, long seed) throws IOException {
        DataSplits full = Idx.readFolder(source, DataSources.FASHION_MNIST_CLASSES);
        DataSplits sample = full.limit(trainN, testN, seed);
        Files.createDirectories(out);
        Idx.write(sample.train(), out.resolve("train-images-idx3-ubyte.gz"), out.resolve("train-labels-idx1-ubyte.gz"),
                true);
        Idx.write(sample.test(), out.resolve("t10k-images-idx3-ubyte.gz"), out.resolve("t10k-labels-idx1-ubyte.gz"),
                true);
    }
}
