package io.deform4j.landscape;

/**
 * A symmetric linear operator v ↦ H·v on flat vectors of a fixed dimension, usually the Hessian of
 * a loss with respect to a network's parameters.
 */
public interface HessianVectorProduct {

    /** The dimension n of the vectors. */
    int dimension();

    /** H·v for a vector of length {@link #dimension()}; must not modify {@code v}. */
    double[] apply(double[] v);
}
