package io.deform4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.deform4j.data.Batch;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.LoaderConfig;
import io.deform4j.model.MemoryFormat;
import io.deform4j.model.NoGrad;
import io.deform4j.optim.tensor.Optimizer;

/**
 * One training step and one evaluation pass, shared by {@link TrainingLoop} and the throughput
 * benchmark ({@code io.deform4j.bench.TrainThroughput}, in the {@code bench} module) so that the
 * benchmark measures the real loop.
 *
 * <p>A step: forward in training mode under a gradient collector; ℓ = mean cross-entropy;
 * ℓ read on the host and checked against δ's domain ({@link DeformedLoss#checkDomain}) before
 * anything else; backward of δ(ℓ); the sum of all gradients read on the host and checked to be
 * finite; the optimizer's in-place update (which zeroes the gradients). Intermediates live in a
 * per-step sub-manager.
 */
public final class TrainStep {

    private final Block block;
    private final Optimizer optimizer;
    private final DeformedLoss loss;
    private final NDManager manager;
    /** Hands the parameters' own arrays to the blocks (no copies); one for the whole run. */
    private final ParameterStore store;
    /** The pixels of each batch, in one reused native buffer. */
    private final InputBuffer input;

    /** {@code format}: the memory format of the model's parameters, which the inputs then take too. */
    public TrainStep(Block block, Optimizer optimizer, DeformedLoss loss, NDManager manager, MemoryFormat format) {
        this.block = block;
        this.optimizer = optimizer;
        this.loss = loss;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.input = new InputBuffer(format);
    }

    /** One step with learning rate {@code lr}; returns ℓ and adds the batch's plain loss, deformed loss and correct count (times size) to {@code sums}. */
    public double step(Batch batch, double lr, double[] sums) {
        ParameterList parameters = block.getParameters();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = input.images(step, batch);
            NDArray y = labels(step, batch);
            double plain;
            NDArray logits;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray ce = DeformedLoss.crossEntropy(logits, y);
                plain = ce.getFloat();
                loss.checkDomain(plain); // before any backward pass or update
                collector.backward(loss.deform(ce));
            }
            NDList gradients = Gradients.of(parameters, step);
            float gradientSum = Gradients.sum(gradients);
            if (!Float.isFinite(gradientSum)) {
                throw new ArithmeticException("the gradient is not finite (sum " + gradientSum + ") at loss " + plain);
            }
            optimizer.step(parameters, lr); // updates in place and zeroes the gradients
            long correct = logits.argMax(1).eq(y).sum().getLong();
            sums[0] += plain * batch.size();
            sums[1] += loss.vdm().value(plain) * batch.size();
            sums[2] += correct;
            return plain;
        }
    }

    /**
     * Mean plain cross-entropy and accuracy of {@code block} on {@code data}, in inference mode
     * (batch norm uses running statistics) without autograd.
     */
    static double[] evaluate(Block block, ImageDataset data, LoaderConfig loader, NDManager manager,
            MemoryFormat format) {
        try (NoGrad noGrad = NoGrad.enter(); BatchLoader batches = BatchLoader.open(data, loader, 0)) {
            InputBuffer input = new InputBuffer(format);
            double[] sums = new double[2];
            int examples = 0;
            while (batches.hasNext()) {
                Batch batch = batches.next();
                evaluate(block, batch, manager, sums, input);
                examples += batch.size();
            }
            return new double[] {sums[0] / examples, sums[1] / examples};
        }
    }

    /**
     * Adds the batch's summed cross-entropy and correct count to {@code sums}; inference mode,
     * call with grad mode off. The images go through {@code input}'s reused buffer.
     */
    public static void evaluate(Block block, Batch batch, NDManager manager, double[] sums, InputBuffer input) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = input.images(step, batch);
            NDArray y = labels(step, batch);
            NDArray logits = block.forward(new ParameterStore(step, false), new NDList(x), false).singletonOrThrow();
            sums[0] += DeformedLoss.crossEntropy(logits, y).getFloat() * batch.size();
            sums[1] += logits.argMax(1).eq(y).sum().getLong();
        }
    }

    static NDArray labels(NDManager manager, Batch batch) {
        long[] labels = new long[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = batch.labels()[i];
        }
        return manager.create(labels);
    }

}
