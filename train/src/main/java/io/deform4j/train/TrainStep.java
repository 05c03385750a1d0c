package io.deform4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.deform4j.data.Batch;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.engine.Gradients;
import io.deform4j.engine.NoGrad;
import io.deform4j.model.MemoryFormat;
import io.deform4j.optim.tensor.Optimizer;
import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>With gradient accumulation ({@code accumulate} = K &gt; 1) a step computes what
 * {@code torch.nn.DataParallel} over K devices computes from the same batch: the batch is cut into
 * K micro-batches as DataParallel scatters it ({@link MicroBatches}); each goes forward in
 * training mode on its own, so batch norm normalises it with its own statistics (one replica per
 * device); the loss is the cross-entropy of the whole batch, ℓ = Σₖ (nₖ/n)·ℓₖ (DataParallel
 * gathers the outputs and takes one mean), and δ applies to that ℓ once. Because ℓ is known only
 * after the last micro-batch, each micro-batch back-propagates (nₖ/n)·ℓₖ at once, freeing its
 * graph, and the summed gradient ∇ℓ is multiplied by δ'(ℓ) afterwards: ∇δ(ℓ) = δ'(ℓ)·∇ℓ is the
 * chain rule, so the result is DataParallel's gradient (to rounding) with the memory of one
 * micro-batch. The domain check of ℓ then comes after the backward passes but still before any
 * update; a failed check zeroes the gradients. The running statistics of batch norm keep the
 * update of the first micro-batch only, as DataParallel keeps those of the replica on its first
 * device and drops the others'. K = 1 is the plain step above, operation for operation.
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
    /** Micro-batches per step (gradient accumulation); 1: none. */
    private final int accumulate;
    /** The batch-norm running statistics, which only the first micro-batch of a step updates. */
    private final List<Parameter> runningStatistics;

    /** {@code format}: the memory format of the model's parameters, which the inputs then take too. */
    public TrainStep(Block block, Optimizer optimizer, DeformedLoss loss, NDManager manager, MemoryFormat format) {
        this(block, optimizer, loss, manager, format, 1);
    }

    /** A step of {@code accumulate} micro-batches (gradient accumulation; 1: none). */
    public TrainStep(Block block, Optimizer optimizer, DeformedLoss loss, NDManager manager, MemoryFormat format,
            int accumulate) {
        if (accumulate < 1) {
            throw new IllegalArgumentException("accumulate must be >= 1, got " + accumulate);
        }
        this.block = block;
        this.optimizer = optimizer;
        this.loss = loss;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.input = new InputBuffer(format);
        this.accumulate = accumulate;
        this.runningStatistics = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                runningStatistics.add(p.getValue());
            }
        }
    }

    /**
     * One step with learning rate {@code lr}; returns ℓ and adds the batch's plain loss, deformed
     * loss and correct count (times size) to {@code sums}.
     *
     * @throws io.deform4j.expression.OutsideDomainException if ℓ is outside δ's domain
     * @throws ArithmeticException if ℓ or the gradient is not finite
     */
    public double step(Batch batch, double lr, double[] sums) {
        if (accumulate > 1) {
            return accumulated(batch, lr, sums);
        }
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

    /** A step of {@link #accumulate} micro-batches (see the class comment). */
    private double accumulated(Batch batch, double lr, double[] sums) {
        ParameterList parameters = block.getParameters();
        int n = batch.size();
        double weighted = 0; // Σₖ nₖ·ℓₖ
        long correct = 0;
        try (NDManager step = manager.newSubManager()) {
            NDList afterFirst = null;
            for (Batch part : MicroBatches.split(batch, accumulate)) {
                // each micro-batch's arrays die before the next one reuses the input buffer
                try (NDManager micro = step.newSubManager()) {
                    NDArray x = input.images(micro, part);
                    NDArray y = InputBuffer.labels(micro, part);
                    NDArray logits;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                        NDArray ce = CrossEntropy.mean(logits, y);
                        weighted += (double) ce.getFloat() * part.size();
                        collector.backward(ce.mul((float) part.size() / n)); // adds (nₖ/n)·∇ℓₖ to .grad
                    }
                    correct += logits.argMax(1).eq(y).sum().getLong();
                }
                if (afterFirst == null) {
                    afterFirst = copies(runningStatistics, step);
                }
            }
            restore(runningStatistics, afterFirst);
            double plain = weighted / n;
            try {
                loss.checkDomain(plain); // before any update
                float slope = (float) loss.vdm().derivative(plain);
                if (slope != 1f) {
                    Gradients.scale(parameters, step, slope); // ∇δ(ℓ) = δ'(ℓ)·∇ℓ
                }
                Gradients.requireFinite(parameters, step, plain);
            } catch (RuntimeException e) {
                Gradients.zero(parameters); // nothing of this step reaches a later one
                throw e;
            }
            optimizer.step(parameters, lr); // updates in place and zeroes the gradients
            sums[0] += plain * n;
            sums[1] += loss.vdm().value(plain) * n;
            sums[2] += correct;
            return plain;
        }
    }

    /** Copies of the values of {@code parameters}, owned by {@code owner}. */
    private static NDList copies(List<Parameter> parameters, NDManager owner) {
        NDList copies = new NDList(parameters.size());
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Parameter p : parameters) {
                NDArray copy = p.getArray().duplicate();
                copy.attach(owner);
                copies.add(copy);
            }
        }
        return copies;
    }

    /** Writes {@code values} back into {@code parameters}, in place. */
    private static void restore(List<Parameter> parameters, NDList values) {
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).getArray().set(new NDIndex("..."), values.get(i));
            }
        }
    }
}
