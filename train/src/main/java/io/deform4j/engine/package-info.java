/**
 * What the project needs from the PyTorch engine beyond DJL's API, each in one place: autograd
 * off for a scope ({@link io.deform4j.engine.NoGrad}, {@code torch.no_grad()}), the engine's CPU
 * threads ({@link io.deform4j.engine.EngineThreads}), the device setting and the device it
 * resolves to ({@link io.deform4j.engine.Devices}), values read to the host from any device
 * ({@link io.deform4j.engine.HostCopies}), gradient bookkeeping
 * ({@link io.deform4j.engine.Gradients}: the NaN-safe zeroing and the finite-gradient check), and
 * the softmax cross-entropy ({@link io.deform4j.engine.CrossEntropy}) that training, evaluation and
 * the landscape instruments share.
 *
 * <p>The package depends on DJL alone, so that every other package ({@code model}, {@code optim},
 * {@code train}, {@code landscape}) can use it without a cycle.
 */
package io.deform4j.engine;
