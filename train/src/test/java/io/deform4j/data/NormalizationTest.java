package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void presetsArePinned() {
        assertArrayEquals(new float[] {0.4914f, 0.4822f, 0.4465f}, Normalization.CIFAR10.mean());
        assertArrayEquals(new float[] {0.2470f, 0.2435f, 0.2616f}, Normalization.CIFAR10.std());
        assertArrayEquals(new float[] {0.5071f, 0.4865f, 0.4409f}, Normalization.CIFAR100.mean());
        assertArrayEquals(new float[] {0.2673f, 0.2564f, 0.2762f}, Normalization.CIFAR100.std());
        assertArrayEquals(new float[] {0.2860f}, Normalization.FASHION_MNIST.mean());
        assertArrayEquals(new float[] {0.3530f}, Normalization.FASHION_MNIST.std());
    }

    @Test
    void tableIsToTensorThenNormalize() {
        float[][] t = Normalization.CIFAR10.table();
        assertEquals((1f - 0.4914f) / 0.2470f, t[0][255], 1e-6);
        assertEquals(-0.4465f / 0.2616f, t[2][0], 1e-6);
        assertEquals(128 / 255f, Normalization.unit(1).table()[0][128], 0);
    }

    @Test
    void estimateMatchesKnownStatistics() {
        // two one-channel images 1x2: pixels 0, 255, 0, 255 -> mean 0.5, std 0.5
        byte[][] images = {{0, (byte) 255}, {0, (byte) 255}};
        InMemoryDataset d = new InMemoryDataset(images, new int[] {0, 0}, ClassNames.numbered(1), 1, 1, 2);
        Normalization n = Normalization.estimate(d, 10, 0);
        assertEquals(0.5f, n.mean()[0], 1e-6);
        assertEquals(0.5f, n.std()[0], 1e-6);
    }

    @Test
    void badStatisticsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new float[] {0, 0}, new float[] {1}));
    }
}
