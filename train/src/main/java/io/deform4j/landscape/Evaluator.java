package io.deform4j.landscape;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.deform4j.data.Batch;
import io.deform4j.model.NoGrad;

/**
 * Forward passes of a block in evaluation mode ({@code training = false}: batch norm uses its
 * running statistics and never updates them), with autograd off, one sub-manager per batch.
 *
 * <p>The loss is the mean cross-entropy over all examples of the set (the training loss ℓ of the
 * paper, without deformation and without weight decay), computed in double precision from the
 * logits; the accuracy is the fraction of arg-max hits.
 */
public final class Evaluator {

    private final Block block;
    private final NDManager manager;
    private final DataType dataType;

    /** Evaluates {@code block}, whose parameters live in {@code manager}. */
    public Evaluator(Block block, NDManager manager, DataType dataType) {
        this.block = block;
        this.manager = manager;
        this.dataType = dataType;
    }

    /** The manager of the block's parameters. */
    public NDManager manager() {
        return manager;
    }

    /** The block evaluated. */
    public Block block() {
        return block;
    }

    /** Loss and accuracy of the block's current parameters on {@code data}. */
    public Metrics evaluate(EvalSet data) {
        double[] lossSum = {0};
        int[] correct = {0};
        int[] seen = {0};
        try (NoGrad noGrad = NoGrad.enter()) {
            ParameterStore store = new ParameterStore(manager, false);
            data.forEach(batch -> {
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = forward(store, step, batch);
                    double[] values = toDoubles(logits);
                    int classes = values.length / batch.size();
                    for (int i = 0; i < batch.size(); i++) {
                        lossSum[0] += crossEntropy(values, i * classes, classes, batch.labels()[i]);
                        if (argMax(values, i * classes, classes) == batch.labels()[i]) {
                            correct[0]++;
                        }
                    }
                    seen[0] += batch.size();
                }
            });
        }
        if (seen[0] == 0) {
            throw new IllegalArgumentException("evaluation set '" + data.name() + "' is empty");
        }
        return new Metrics(lossSum[0] / seen[0], (double) correct[0] / seen[0], seen[0]);
    }

    /** The logits of one batch, created in {@code step}. */
    NDArray forward(ParameterStore store, NDManager step, Batch batch) {
        NDArray x = step.create(batch.images(), new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
        if (dataType != DataType.FLOAT32) {
            x = x.toType(dataType, false);
        }
        return block.forward(store, new NDList(x), false).singletonOrThrow();
    }

    private static double[] toDoubles(NDArray logits) {
        if (logits.getDataType() == DataType.FLOAT64) {
            return logits.toDoubleArray();
        }
        try (NDArray widened = logits.toType(DataType.FLOAT64, true)) {
            return widened.toDoubleArray();
        }
    }

    static double crossEntropy(double[] logits, int from, int classes, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[from + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[from + c] - max);
        }
        return max + Math.log(sum) - logits[from + label];
    }

    private static int argMax(double[] logits, int from, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[from + c] > logits[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
