/**
 * Training on a deformed loss surface (Algorithm 1 of Chen et al.): {@link io.deform4j.train.DeformedLoss}
 * applies a vertical deformation mapping δ to the batch-mean cross-entropy with tensor operations
 * ({@link io.deform4j.train.NDArrayArithmetic}); {@link io.deform4j.train.Runs} starts and resumes runs
 * configured by a validated {@link io.deform4j.train.TrainConfig} (Table 4 defaults, YAML, command
 * line), writing {@code metrics.csv}, {@code run.json} and atomic, checksummed checkpoints
 * ({@link io.deform4j.train.Checkpoints}) under one run directory; {@link io.deform4j.train.Comparison}
 * trains the original and a deformed model side by side; {@link io.deform4j.train.Evaluator} is the
 * one evaluation of a network on a fixed set of examples ({@link io.deform4j.train.EvalSet}), for the
 * test set after each epoch and for the landscape instruments; {@link io.deform4j.train.TrainStep} is the
 * one training step, which the throughput benchmark of the {@code bench} module measures.
 *
 * <p>A resumed run reproduces the uninterrupted one bit for bit on CPU (same seed, same thread
 * count): parameters, batch-norm statistics and optimizer state are restored exactly, and the
 * epoch's shuffling and augmentation depend only on (seed, epoch). {@code SIGTERM} and
 * {@code SIGUSR1} stop a run at the next step boundary ({@code StopSignals}) with a
 * mid-epoch checkpoint that resumes just as exactly ({@link io.deform4j.train.TrainingInterruptedException}).
 */
package io.deform4j.train;
