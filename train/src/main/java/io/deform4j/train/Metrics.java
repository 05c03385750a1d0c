package io.deform4j.train;

/**
 * Loss and accuracy of a network on a set of examples ({@link Evaluator}).
 *
 * @param loss     mean cross-entropy over the examples (natural log), undeformed
 * @param accuracy fraction of examples whose arg-max logit is the label, in [0, 1]
 * @param examples how many examples
 */
public record Metrics(double loss, double accuracy, int examples) {

    /** No set evaluated: NaN loss and accuracy, no examples (e.g. a curve without a test set). */
    public static final Metrics NONE = new Metrics(Double.NaN, Double.NaN, 0);
}
