/**
 * The optimizers' mathematics with PyTorch's semantics, pure Java: the settings
 * ({@link io.deform4j.optim.SgdConfig}, {@link io.deform4j.optim.AdamConfig}, both an
 * {@link io.deform4j.optim.OptimizerConfig}), the update rules of {@code torch.optim.SGD},
 * {@code Adam} and {@code AdamW} on {@code double[]} ({@link io.deform4j.optim.SgdMath},
 * {@link io.deform4j.optim.AdamMath}, with their state kept by
 * {@link io.deform4j.optim.ArrayOptimizer}) and the learning-rate schedule
 * {@link io.deform4j.optim.MultiStepLR} in closed form.
 *
 * <p>Each update rule is written here once. The 2-parameter simulations run it directly; the
 * tensor optimizers of the training module ({@code io.deform4j.optim.tensor}), which update DJL
 * parameters in place in float32, are tested against it. Weight decay belongs to the optimizer,
 * so a deformation mapping δ scales only the data-loss gradient.
 */
package io.deform4j.optim;
