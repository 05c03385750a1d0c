package io.deform4j.landscape;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.train.EvalSet;
import io.deform4j.train.Evaluator;

/**
 * The gradient ∇L(θ) of the mean cross-entropy L over a fixed evaluation set, with the block in
 * evaluation mode (batch norm on running statistics, so L is a deterministic function of θ): the
 * loss that {@link Evaluator} reports, differentiated.
 *
 * <p>Batch b contributes (n_b / N)·{@link CrossEntropy#mean}; PyTorch accumulates the backward
 * passes, so one pass over the set gives ∇L exactly. Costs about one forward and one backward
 * pass over the set.
 *
 * @param evaluator  evaluates the loss L (its block, manager and input pipeline)
 * @param parameters the parameters θ the gradient is taken with respect to
 */
public record LossGradient(Evaluator evaluator, FlatParameters parameters) {

    /** ∇L at the block's current parameters on {@code data}, in {@link FlatParameters}' layout. */
    public double[] at(EvalSet data) {
        parameters.zeroGradients();
        double total = data.examples();
        NDManager manager = evaluator.manager();
        ParameterStore store = new ParameterStore(manager, false);
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            data.forEach(batch -> {
                try (NDManager step = manager.newSubManager()) {
                    NDArray logits = evaluator.logits(store, step, batch);
                    NDArray labels = step.create(batch.labels());
                    collector.backward(CrossEntropy.mean(logits, labels).mul(batch.size() / total));
                }
            });
        }
        return parameters.gradient();
    }
}
