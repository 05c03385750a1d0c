package io.deform4j.train;

import io.deform4j.data.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loader batch cut into the micro-batches of one accumulated step, as
 * {@code torch.nn.DataParallel} scatters a batch over {@code k} devices ({@code tensor.chunk(k)}):
 * consecutive slices of ⌈n/k⌉ examples, the last one smaller when k does not divide n, and fewer
 * than k slices when n is small (a batch of 5 over 4 devices is 2 + 2 + 1). A full batch of
 * {@code k × batch-size} examples gives k micro-batches of {@code batch-size}.
 */
final class MicroBatches {

    private MicroBatches() {
    }

    /** The micro-batches of {@code batch}, in order; the batch itself when {@code k} is 1. */
    static List<Batch> split(Batch batch, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("micro-batches per step must be >= 1, got " + k);
        }
        if (k == 1) {
            return List.of(batch);
        }
        int n = batch.size();
        int chunk = (n + k - 1) / k;
        int pixels = batch.channels() * batch.height() * batch.width();
        List<Batch> parts = new ArrayList<>(k);
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            parts.add(new Batch(Arrays.copyOfRange(batch.images(), from * pixels, to * pixels),
                    Arrays.copyOfRange(batch.labels(), from, to), to - from, batch.channels(), batch.height(),
                    batch.width()));
        }
        return parts;
    }
}
