package io.deform4j.train;

/**
 * What a resumed run needs to continue exactly where an epoch ended.
 *
 * <p>The random state is {@code (seed, epoch)}: shuffling and augmentation of epoch {@code e}
 * draw from a generator seeded by {@code seed} and {@code e} alone, so the next epoch's
 * randomness follows from these two numbers; the schedule position is {@code epoch} too
 * (MultiStepLR in closed form).
 *
 * @param epoch         epochs completed (the next epoch to run, 0-based)
 * @param seed          the run's seed
 * @param steps         optimizer steps taken so far
 * @param bestAccuracy  best test accuracy up to {@code epoch}
 * @param bestEpoch     the epoch (1-based) that reached it, 0 if none
 * @param model         the model's parameters, BN running statistics included ({@link io.deform4j.model.ModelState#save})
 * @param optimizer     the optimizer's state (momentum buffers, step counts)
 */
public record Checkpoint(int epoch, long seed, long steps, double bestAccuracy, int bestEpoch, byte[] model,
        byte[] optimizer) {
}
