package io.deform4j.train;

import java.util.Objects;

/**
 * What a resumed run needs to continue exactly where it left off: at the end of an epoch, or
 * inside one after an interruption ({@code StopSignals}).
 *
 * <p>The random state is {@code (seed, epoch, step)}: shuffling and augmentation of epoch
 * {@code e} draw from generators seeded by {@code seed}, {@code e} and each example's index alone,
 * so the next batches follow from these numbers ({@link io.deform4j.data.BatchLoader} starts at
 * batch {@code soFar.step()}); the schedule position is {@code epoch} too (MultiStepLR in closed
 * form).
 *
 * @param epoch         epochs completed (the epoch to run next, or the one {@code soFar} is inside, 0-based)
 * @param seed          the run's seed
 * @param steps         optimizer steps taken so far
 * @param bestAccuracy  best test accuracy up to {@code epoch}
 * @param bestEpoch     the epoch (1-based) that reached it, 0 if none
 * @param soFar         how far epoch {@code epoch} (0-based) got: {@link EpochSoFar#NONE} at an epoch's end
 * @param model         the model's parameters (BN running statistics included; {@link io.deform4j.model.ModelState#save})
 * @param optimizer     the optimizer's state (momentum buffers, step counts)
 */
public record Checkpoint(int epoch, long seed, long steps, double bestAccuracy, int bestEpoch, EpochSoFar soFar,
        byte[] model, byte[] optimizer) {

    public Checkpoint {
        if (epoch < 0) {
            throw new IllegalArgumentException("checkpoint epoch must be >= 0, got " + epoch);
        }
        Objects.requireNonNull(soFar, "soFar");
    }

    /** Whether this checkpoint lies inside an epoch (written by an interruption) rather than at its end. */
    public boolean insideEpoch() {
        return soFar.step() > 0;
    }

    /**
     * The part of an epoch done before an interruption: the sums its {@code metrics.csv} row is
     * made of, so that the resumed epoch ends with the row of an uninterrupted one.
     *
     * @param step         batches of the epoch trained on (0 = none; the next batch is this 0-based index)
     * @param loss         Σ ℓ_b·n_b over those batches (plain batch-mean cross-entropy ℓ_b times batch size n_b)
     * @param deformedLoss Σ δ(ℓ_b)·n_b
     * @param correct      correct predictions (a count, kept as the double it is summed in)
     * @param examples     Σ n_b
     * @param trainSeconds wall-clock seconds spent training on them
     */
    public record EpochSoFar(int step, double loss, double deformedLoss, double correct, int examples,
            double trainSeconds) {

        /** Nothing done: an epoch's start. */
        public static final EpochSoFar NONE = new EpochSoFar(0, 0, 0, 0, 0, 0);

        public EpochSoFar {
            if (step < 0 || examples < 0) {
                throw new IllegalArgumentException("an epoch's progress needs step >= 0 and examples >= 0, got step "
                        + step + " and " + examples + " examples");
            }
        }
    }
}
