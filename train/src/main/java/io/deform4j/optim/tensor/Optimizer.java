package io.deform4j.optim.tensor;

import ai.djl.nn.ParameterList;
import io.deform4j.optim.AdamConfig;
import io.deform4j.optim.OptimizerConfig;
import io.deform4j.optim.SgdConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * An optimizer with PyTorch's semantics that updates DJL parameters in place.
 *
 * <p>Use once per batch, after {@code backward}:
 * <pre>{@code
 * Optimizer sgd = Optimizer.of(SgdConfig.nesterov(0.9, 5e-4));
 * ...
 * collector.backward(loss);
 * sgd.step(block.getParameters(), schedule.lr(epoch));   // updates, then zeroes the gradients
 * }</pre>
 *
 * <p>{@link #step} skips parameters that do not require a gradient (batch-norm running
 * statistics) or that have none (unused in the forward pass, as PyTorch skips {@code grad is
 * None}); it runs with grad mode off and in the parameters' dtype (float32), on their device,
 * with no host copies. After updating a parameter it zeroes that parameter's gradient, as
 * DJL's own PyTorch-engine optimizers do, because DJL 0.36's {@code PtGradientCollector} does not
 * zero gradients and PyTorch would otherwise accumulate them across batches.
 *
 * <p>State (momentum buffers, Adam moments and step counts) is keyed by the parameter's name
 * in the {@link ParameterList}, so it survives a restart with a freshly built model, and
 * round-trips bit-exactly through {@link #saveState}/{@link #loadState}. The saved state names
 * the optimizer's kind ({@code sgd}, {@code adam}, {@code adamw}) and hyper-parameters, and
 * loading checks both.
 */
public interface Optimizer extends AutoCloseable {

    /**
     * One update of every parameter that has a gradient, with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException if {@code lr} is not finite and positive
     */
    void step(ParameterList params, double lr);

    /** Writes the optimizer's kind, hyper-parameters and state (exact float bits). */
    void saveState(DataOutputStream out) throws IOException;

    /**
     * Replaces the state with one written by {@link #saveState} for {@code params}: each state
     * array is created like its parameter (same device and memory layout, see
     * {@link io.deform4j.model.MemoryFormat}), so that a resumed run computes exactly what an
     * uninterrupted one would.
     *
     * @throws IllegalArgumentException if the stream holds another kind of optimizer, other
     *     hyper-parameters, or state for a parameter that {@code params} lacks or shapes
     *     differently
     */
    void loadState(DataInputStream in, ParameterList params) throws IOException;

    /** Frees the state arrays. */
    @Override
    void close();

    /**
     * The optimizer of {@code config}: SGD exactly as {@code torch.optim.SGD} for an
     * {@link SgdConfig}, Adam or AdamW exactly as {@code torch.optim.Adam}/{@code AdamW} for an
     * {@link AdamConfig}; the update rules are {@link io.deform4j.optim.SgdMath} and
     * {@link io.deform4j.optim.AdamMath}.
     */
    static Optimizer of(OptimizerConfig config) {
        if (config instanceof SgdConfig sgd) {
            return new Sgd(sgd);
        }
        if (config instanceof AdamConfig adam) {
            return new Adam(adam);
        }
        throw new IllegalArgumentException("no tensor optimizer for " + config);
    }
}
