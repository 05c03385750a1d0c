package io.deform4j.optim;

/**
 * The argument checks of the optimizers and the schedule, in one place for the pure references
 * here and the tensor optimizers of the training module; each message names the offending value.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Returns {@code lr} if it is a usable learning rate.
     *
     * @throws IllegalArgumentException unless lr is finite and &gt; 0
     */
    public static double learningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + lr);
        }
        return lr;
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    static void sameLength(double[] params, double[]... others) {
        for (double[] other : others) {
            if (other != null && other.length != params.length) {
                throw new IllegalArgumentException("arrays differ in length: " + params.length
                        + " parameters, got " + other.length);
            }
        }
    }
}
