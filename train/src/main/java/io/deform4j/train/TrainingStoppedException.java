package io.deform4j.train;

/**
 * Training could not go on: the loss left the mapping's domain (the cause is the mappings
 * library's {@link io.deform4j.expression.OutsideDomainException}) or became NaN/∞. The
 * message names the epoch and step and the last good checkpoint, which is kept; no update was
 * applied from the bad step.
 */
public class TrainingStoppedException extends RuntimeException {

    private final int epoch;
    private final int step;

    public TrainingStoppedException(String message, int epoch, int step, Throwable cause) {
        super(message, cause);
        this.epoch = epoch;
        this.step = step;
    }

    /** The epoch (1-based) in which training stopped. */
    public int epoch() {
        return epoch;
    }

    /** The step (1-based, within the epoch) at which training stopped. */
    public int step() {
        return step;
    }
}
