package io.deform4j.optim;

/** A learning rate as a pure function of the (0-based) epoch: resuming needs no hidden state. */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate for the epoch with 0-based index {@code epoch}. */
    double lr(int epoch);
}
