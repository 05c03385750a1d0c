/**
 * Optimizers with PyTorch's semantics that update DJL parameters in place, float32, grad mode
 * off: {@code torch.optim.SGD}, {@code Adam} and {@code AdamW}, built from one settings value
 * with {@link io.deform4j.optim.tensor.Optimizer#of}. Written for this project because DJL's own
 * {@code Sgd} differs from {@code torch.optim.SGD} and its {@code Nag} is not implemented on the
 * PyTorch engine.
 *
 * <p>The settings, the update rules on {@code double[]} (the reference these tensor versions are
 * tested against) and the learning-rate schedule live in the core module's
 * {@link io.deform4j.optim} package; this package adds only the tensor form, the per-parameter
 * state and its bit-exact save and load.
 */
package io.deform4j.optim.tensor;
