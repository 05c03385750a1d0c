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
import io.deform4j.engine.CrossEntropy;
import io.deform4j.engine.Gradients;
import io.deform4j.model.MemoryFormat;
import io.deform4j.optim.tensor.Optimizer;

/**
 * One training step, shared by {@link TrainingLoop} and the throughput benchmark
 * ({@code io.deform4j.bench.TrainThroughput}, in the {@code bench} module) so that the benchmark
 * measures the real loop.
 *
 * <p>A step: forward in training mode under a gradient collector; ℓ = mean cross-entropy
 * ({@link CrossEntropy}); ℓ read on the host and checked against δ's domain
 * ({@link DeformedLoss#checkDomain}) before anything else; backward of δ(ℓ); the gradients
 * checked to be finite ({@link Gradients#requireFinite}); the optimizer's in-place update (which
 * zeroes the gradients). Nothing is updated from a step whose loss or gradient fails a check.
 * Intermediates live in a per-step sub-manager.
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

    /**
     * One step with learning rate {@code lr}; returns ℓ and adds the batch's plain loss, deformed
     * loss and correct count (times size) to {@code sums}.
     *
     * @throws io.deform4j.expression.OutsideDomainException if ℓ is outside δ's domain
     * @throws ArithmeticException if ℓ or the gradient is not finite
     */
    public double step(Batch batch, double lr, double[] sums) {
        ParameterList parameters = block.getParameters();
        try (NDManager step = manager.newSubManager()) {
            NDArray x = input.images(step, batch);
            NDArray y = InputBuffer.labels(step, batch);
            double plain;
            NDArray logits;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray ce = CrossEntropy.mean(logits, y);
                plain = ce.getFloat();
                loss.checkDomain(plain); // before any backward pass or update
                collector.backward(loss.deform(ce));
            }
            Gradients.requireFinite(parameters, step, plain);
            optimizer.step(parameters, lr); // updates in place and zeroes the gradients
            long correct = logits.argMax(1).eq(y).sum().getLong();
            sums[0] += plain * batch.size();
            sums[1] += loss.vdm().value(plain) * batch.size();
            sums[2] += correct;
            return plain;
        }
    }
}
