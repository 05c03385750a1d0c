package io.deform4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;

/**
 * What the training loop needs of an optimizer: one in-place step from the gradients held by
 * the parameters, and its state as bytes for checkpoints.
 */
public interface UpdateRule {

    /** Updates every trainable parameter in place from its gradient, with learning rate {@code lr}. */
    void step(ParameterList parameters, double lr);

    /** The state (momentum buffers, step count) as bytes. */
    byte[] saveState();

    /** Restores a state written by {@link #saveState()}; buffers are created in {@code manager}. */
    void loadState(byte[] state, ParameterList parameters, NDManager manager);
}
