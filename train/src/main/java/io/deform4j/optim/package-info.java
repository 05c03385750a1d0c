/**
 * Optimizers with PyTorch's semantics and learning-rate schedules, written for this project
 * because DJL's own {@code Sgd} differs from {@code torch.optim.SGD} and its {@code Nag} is not
 * implemented on the PyTorch engine.
 *
 * <p>Each update rule lives twice: as pure maths on {@code double[]} ({@link
 * io.deform4j.optim.SgdMath}, {@link io.deform4j.optim.AdamMath}), the reference the tests check
 * against hand-worked numbers, and as a thin stateful {@link io.deform4j.optim.Optimizer} that
 * updates DJL parameters in place with float32 NDArray operations, grad mode off. Weight decay
 * lives here, in the optimizer, so a deformation mapping δ scales only the data-loss gradient
 * (docs/architecture.md). Schedules ({@link io.deform4j.optim.MultiStepLR}) are closed forms of the epoch,
 * so resuming needs no hidden state.
 */
package io.deform4j.optim;
