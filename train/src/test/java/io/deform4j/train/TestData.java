package io.deform4j.train;

import io.deform4j.data.DataSplits;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.InMemoryDataset;
import io.deform4j.data.Normalization;
import io.deform4j.data.Preprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small learnable in-memory image sets: class k is a noisy image of brightness ~ k. */
final class TestData {

    private TestData() {
    }

    static DataSplits splits(int train, int test, int classes, int channels, int size, long seed) {
        return new DataSplits(set(train, classes, channels, size, seed), set(test, classes, channels, size, seed + 1),
                Preprocessing.cifar(Normalization.unit(channels)));
    }

    static ImageDataset set(int n, int classes, int channels, int size, long seed) {
        Random random = new Random(seed);
        byte[][] images = new byte[n][channels * size * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            int base = 30 + labels[i] * 190 / Math.max(1, classes - 1);
            for (int p = 0; p < images[i].length; p++) {
                images[i][p] = (byte) Math.max(0, Math.min(255, base + (int) (random.nextGaussian() * 40)));
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("c" + k);
        }
        return new InMemoryDataset(images, labels, names, channels, size, size);
    }
}
