package io.deform4j.landscape;

/**
 * Loss and accuracy of a network on a set of examples.
 *
 * @param loss     mean cross-entropy over the examples (natural log)
 * @param accuracy fraction of examples whose arg-max logit is the label, in [0, 1]
 * @param examples how many examples
 */
public record Metrics(double loss, double accuracy, int examples) {
}
