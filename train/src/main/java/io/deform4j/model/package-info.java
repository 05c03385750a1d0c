/**
 * The CNNs of the paper's CIFAR experiments, created by name from one registry
 * ({@link io.deform4j.model.Models}), each with its training defaults from the paper's Table 4
 * stored as data beside it ({@link io.deform4j.model.TrainingDefaults}).
 *
 * <p>The architectures follow CIFAR-ZOO (BIGBALLON/CIFAR-ZOO, {@code models/resnet.py} and
 * {@code models/preresnet.py}), the baselines the paper trained: He et al.'s CIFAR ResNets with
 * 3 stages of basic blocks at 16/32/64 channels. Blocks are plain DJL blocks
 * ({@link ai.djl.nn.SequentialBlock}, {@link ai.djl.nn.ParallelBlock}); batch norm uses
 * PyTorch's conventions (momentum 0.1, eps 1e-5). Initialisation is deterministic and seeded,
 * see {@link io.deform4j.model.Models#initialize}.
 */
package io.deform4j.model;
