/**
 * Flatness instruments for trained networks (paper Section 4.1, Fig. 5).
 *
 * <p>Filter-normalised random directions after Li et al. 2018 ({@link io.deform4j.landscape.Directions}),
 * 1-D loss curves θ + α·d and the interpolation θ₁ + α(θ₂ − θ₁) ({@link io.deform4j.landscape.LossCurve}),
 * 2-D surfaces θ + x·d₁ + y·d₂ ({@link io.deform4j.landscape.LossSurface}), and the Hessian spectrum of the
 * mean training loss: the top eigenvalues by power iteration with deflation and the trace by
 * Hutchinson's estimator, as PyHessian computes them ({@link io.deform4j.landscape.PowerIteration},
 * {@link io.deform4j.landscape.Hutchinson}).
 *
 * <p>The maths works on an abstract {@link io.deform4j.landscape.HessianVectorProduct} over flat
 * {@code double[]} vectors and is tested on explicit matrices without the engine; the engine side
 * ({@link io.deform4j.landscape.FlatParameters}, {@link io.deform4j.landscape.LossGradient},
 * {@link io.deform4j.landscape.FiniteDifferenceHvp}) evaluates a DJL block in evaluation mode with
 * training's own evaluation ({@link io.deform4j.train.Evaluator} on an
 * {@link io.deform4j.train.EvalSet}), so a curve at α = 0 reports a run's last test loss and
 * accuracy: batch norm uses its running statistics, which no instrument ever changes.
 */
package io.deform4j.landscape;
