package io.deform4j.landscape;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.deform4j.model.MemoryFormat;
import io.deform4j.train.EvalSet;
import io.deform4j.train.Evaluator;

/**
 * A trained network ready for the instruments: its block in evaluation mode, its flat trainable
 * parameters θ, and the examples to evaluate on.
 *
 * @param name       how curves and files call it (the run directory's name)
 * @param block      the network
 * @param parameters its trainable parameters
 * @param evaluator  forward passes in evaluation mode
 * @param theta      the trained values θ (the block holds them whenever no scan is running)
 * @param train      the training examples, without augmentation
 * @param test       the test examples
 */
public record TrainedModel(String name, Block block, FlatParameters parameters, Evaluator evaluator, double[] theta,
        EvalSet train, EvalSet test) {

    /**
     * Wraps a block whose parameters are the trained ones, live in {@code manager} and are laid out
     * in {@code format} (the run's memory format).
     */
    public static TrainedModel of(String name, Block block, NDManager manager, MemoryFormat format, EvalSet train,
            EvalSet test) {
        FlatParameters parameters = new FlatParameters(block);
        return new TrainedModel(name, block, parameters, new Evaluator(block, manager, format), parameters.get(), train,
                test);
    }

    /** The layout of θ. */
    public Layout layout() {
        return parameters.layout();
    }

    /** The filter-normalised random direction of {@code seed} for this model's weights. */
    public double[] direction(long seed, boolean includeVectors) {
        return Directions.filterNormalized(layout(), theta, seed, includeVectors);
    }
}
