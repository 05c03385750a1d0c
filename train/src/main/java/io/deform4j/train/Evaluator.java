package io.deform4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.deform4j.data.Batch;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.engine.NoGrad;
import io.deform4j.model.MemoryFormat;

/**
 * The one evaluation of a network on a set of examples: the test set after every training epoch,
 * and every point of the landscape instruments. Forward passes in evaluation mode
 * ({@code training = false}: batch norm uses its running statistics and never updates them),
 * autograd off, one sub-manager per batch:
 *
 * <pre>
 *   loss     = (1/N) Σ_b n_b · CrossEntropy.mean(logits_b in float64, labels_b)
 *   accuracy = (1/N) #{i : argmax zᵢ = yᵢ}
 * </pre>
 *
 * <p>The loss is the plain (undeformed) mean cross-entropy, without weight decay. The logits are
 * widened to float64 before the cross-entropy, so that the small losses of a well-fitted network
 * keep their digits on a logarithmic plot (in float32, −log softmax of a confident prediction
 * rounds to 0 below about 6e-8); the network itself runs in its parameters' type. The inputs are
 * laid out in the network's memory format ({@link InputBuffer}), as in training.
 */
public final class Evaluator {

    private final Block block;
    private final NDManager manager;
    private final DataType dataType;
    private final InputBuffer input;

    /**
     * Evaluates {@code block}, whose parameters live in {@code manager} and whose convolution
     * weights are laid out in {@code format}.
     */
    public Evaluator(Block block, NDManager manager, MemoryFormat format) {
        this.block = block;
        this.manager = manager;
        this.dataType = parameterType(block);
        this.input = new InputBuffer(format);
    }

    /** The manager of the block's parameters. */
    public NDManager manager() {
        return manager;
    }

    /** Loss and accuracy of the block's current parameters on {@code data}. */
    public Metrics evaluate(EvalSet data) {
        double[] lossSum = {0};
        long[] correct = {0};
        int[] seen = {0};
        try (NoGrad noGrad = NoGrad.enter()) {
            ParameterStore store = new ParameterStore(manager, false);
            data.forEach(batch -> {
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = logits(store, step, batch);
                    NDArray labels = InputBuffer.labels(step, batch);
                    NDArray wide = logits.toType(DataType.FLOAT64, false);
                    lossSum[0] += CrossEntropy.mean(wide, labels).getDouble() * batch.size();
                    correct[0] += logits.argMax(1).eq(labels).sum().getLong();
                    seen[0] += batch.size();
                }
            });
        }
        if (seen[0] == 0) {
            throw new IllegalArgumentException("evaluation set '" + data.name() + "' is empty");
        }
        return new Metrics(lossSum[0] / seen[0], (double) correct[0] / seen[0], seen[0]);
    }

    /**
     * The logits of one batch in evaluation mode, created in {@code step}; recorded by autograd
     * when grad mode is on (the landscape's gradients). The images go through this evaluator's
     * reused input buffer, so the logits must be dead before the next call.
     */
    public NDArray logits(ParameterStore store, NDManager step, Batch batch) {
        NDArray x = input.images(step, batch);
        if (dataType != DataType.FLOAT32) {
            x = x.toType(dataType, false);
        }
        return block.forward(store, new NDList(x), false).singletonOrThrow();
    }

    private static DataType parameterType(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                return p.getValue().getArray().getDataType();
            }
        }
        throw new IllegalArgumentException("block is not initialised: nothing to evaluate");
    }
}
