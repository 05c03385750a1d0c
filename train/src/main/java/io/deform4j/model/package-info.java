/**
 * The CNNs of the paper's CIFAR and ImageNet experiments, created by name from one registry
 * ({@link io.deform4j.model.Models}), each with its training defaults from the paper's Table 4 or 5
 * stored as data beside it ({@link io.deform4j.model.TrainingDefaults}). The EfficientNets, the
 * SE-ResNeXts and the ImageNet ResNets follow torchvision and CIFAR-ZOO with PyTorch's module names,
 * so that PyTorch weights load by name ({@link io.deform4j.model.TorchWeights}).
 *
 * <p>The architectures follow CIFAR-ZOO (BIGBALLON/CIFAR-ZOO, {@code models/resnet.py} and
 * {@code models/preresnet.py}), the baselines the paper trained: He et al.'s CIFAR ResNets with
 * 3 stages of basic blocks at 16/32/64 channels. Blocks are DJL blocks; the sequential and
 * residual containers are DJL's {@link ai.djl.nn.SequentialBlock} and
 * {@link ai.djl.nn.ParallelBlock} that free each intermediate as soon as it is used
 * ({@code ReleasingBlocks}; same results and parameter names, less memory traffic); batch norm uses
 * PyTorch's conventions (momentum 0.1, eps 1e-5). Initialisation is deterministic and seeded,
 * see {@link io.deform4j.model.Models#initialize}; {@link io.deform4j.model.ModelState} saves the
 * parameters and restores them in place (checkpoints), and {@link io.deform4j.model.MemoryFormat}
 * lays the convolution weights out channels-last.
 */
package io.deform4j.model;
