/**
 * The paper's 2-parameter experiments (Figs. 1, 4 and 7 of Chen et al.): analytic loss
 * surfaces ℓ(p1, p2) with exact gradients and Hessians ({@link io.deform4j.expression.Jet2},
 * second-order forward-mode automatic differentiation), optimizers with {@code torch.optim}
 * semantics run on the original and on the deformed surface δ(ℓ), and studies that compare
 * where they end: loss and Hessian eigenvalues of the <em>original</em> surface at the end
 * point, as the paper computes them. Pure Java: usable without the command line.
 */
package io.deform4j.simulation;
