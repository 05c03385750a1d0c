package io.deform4j.train;

import io.deform4j.data.Batch;
import java.util.Iterator;

/**
 * The batches of one split, epoch by epoch. For a given epoch the batches must be the same on
 * every call (shuffling and augmentation seeded by the run's seed and the epoch), which is what
 * makes a resumed run continue exactly.
 */
public interface BatchSource {

    /** The batches of epoch {@code epoch} (0-based), in order. */
    Iterator<Batch> epoch(int epoch);

    /** Number of batches per epoch. */
    int batches();

    /** Number of examples per epoch. */
    int examples();
}
