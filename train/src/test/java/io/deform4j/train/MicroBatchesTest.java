package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.deform4j.data.Batch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Micro-batches are DataParallel's scatter: {@code torch.chunk} sizes, consecutive, nothing lost. */
class MicroBatchesTest {

    /** {@code n} examples of 2×1×1 pixels, example i has pixels (i, -i) and label i. */
    private static Batch batch(int n) {
        float[] images = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images[2 * i] = i;
            images[2 * i + 1] = -i;
            labels[i] = i;
        }
        return new Batch(images, labels, n, 2, 1, 1);
    }

    @Test
    void sizesAreThoseOfTorchChunk() {
        // torch.arange(n).chunk(k) sizes
        assertEquals(List.of(8, 8), sizes(16, 2));
        assertEquals(List.of(3, 3, 2), sizes(8, 3));
        assertEquals(List.of(2, 2, 1), sizes(5, 4)); // fewer chunks than k, as torch.chunk
        assertEquals(List.of(1), sizes(1, 2));
        assertEquals(List.of(41, 40), sizes(81, 2));
    }

    @Test
    void theMicroBatchesAreTheBatchInOrder() {
        Batch whole = batch(7);
        List<Batch> parts = MicroBatches.split(whole, 3);
        float[] images = new float[0];
        int[] labels = new int[0];
        for (Batch part : parts) {
            assertEquals(2, part.channels());
            images = concat(images, part.images());
            labels = concat(labels, part.labels());
        }
        assertArrayEquals(whole.images(), images);
        assertArrayEquals(whole.labels(), labels);
        assertSame(whole, MicroBatches.split(whole, 1).get(0));
    }

    private static List<Integer> sizes(int n, int k) {
        return MicroBatches.split(batch(n), k).stream().map(Batch::size).toList();
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
