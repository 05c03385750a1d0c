package io.deform4j.landscape;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * The gradient ∇L(θ) of the mean cross-entropy L over a fixed evaluation set, with the block in
 * evaluation mode (batch norm on running statistics, so L is a deterministic function of θ).
 *
 * <p>Batch b contributes (n_b / N)·mean_b; PyTorch accumulates the backward passes, so one pass
 * over the set gives ∇L exactly. Costs about one forward and one backward pass over the set.
 */
public final class LossGradient {

    private final Evaluator evaluator;
    private final FlatParameters parameters;
    private final NDManager manager;

    public LossGradient(Evaluator evaluator, FlatParameters parameters, NDManager manager) {
        this.evaluator = evaluator;
        this.parameters = parameters;
        this.manager = manager;
    }

    /** ∇L at the block's current parameters on {@code data}, in {@link FlatParameters}' layout. */
    public double[] at(EvalSet data) {
        parameters.zeroGradients();
        int total = data.examples();
        ParameterStore store = new ParameterStore(manager, false);
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            data.forEach(batch -> {
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = evaluator.forward(store, step, batch);
                    NDArray labels = step.create(batch.labels()).oneHot((int) logits.getShape().get(1))
                            .toType(logits.getDataType(), false);
                    NDArray loss = logits.logSoftmax(1).mul(labels).sum().neg().div(total);
                    collector.backward(loss);
                }
            });
        }
        return parameters.gradient();
    }
}
