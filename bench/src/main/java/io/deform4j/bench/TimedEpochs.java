package io.deform4j.bench;

import io.deform4j.data.BatchLoader;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.LoaderConfig;

/** The loop both input-pipeline benchmarks time: epochs of a {@link BatchLoader} until a deadline. */
final class TimedEpochs {

    private TimedEpochs() {
    }

    /** Images delivered by epochs 0, 1, … of {@code data} until {@code deadline} ({@link System#nanoTime}). */
    static long images(ImageDataset data, LoaderConfig config, long deadline) {
        long images = 0;
        int epoch = 0;
        while (System.nanoTime() < deadline) {
            try (BatchLoader loader = BatchLoader.open(data, config, epoch++)) {
                while (loader.hasNext() && System.nanoTime() < deadline) {
                    images += loader.next().size();
                }
            }
        }
        return images;
    }
}
