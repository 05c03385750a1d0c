package io.deform4j.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;

/**
 * Gradient bookkeeping the PyTorch engine leaves to the caller: its backward pass accumulates
 * into {@code .grad} (as {@code torch.Tensor.backward} does) and DJL 0.36's gradient collector
 * never clears it, and each {@code getGradient()} is a new handle owned by the parameter's
 * manager unless it is moved.
 *
 * <p>{@link #zero(NDArray)} is the one way the project clears a gradient: libtorch's
 * {@code grad.zero_()}, which writes zeros and so also clears NaN and ±∞ (multiplying by zero,
 * {@code grad.muli(0)}, would keep them and poison every later pass).
 */
public final class Gradients {

    private Gradients() {
    }

    /**
     * The gradients of the parameters that require one and have one, in parameter order, as
     * handles owned by {@code manager} (freed with it).
     */
    public static NDList of(ParameterList parameters, NDManager manager) {
        NDList gradients = new NDList(parameters.size());
        for (Pair<String, Parameter> pair : parameters) {
            NDArray array = pair.getValue().getArray();
            if (pair.getValue().requiresGradient() && array.hasGradient()) {
                NDArray gradient = array.getGradient();
                gradient.attach(manager);
                gradients.add(gradient);
            }
        }
        return gradients;
    }

    /**
     * Throws an {@link ArithmeticException} unless every gradient entry is finite. The test is
     * Σ of all entries (NaN or ±∞ when any entry is not finite): one reduction per parameter, one
     * stack, and a single float copied to the host. Intermediates live in {@code manager}.
     *
     * @param loss the loss the gradients are of, named in the message
     */
    public static void requireFinite(ParameterList parameters, NDManager manager, double loss) {
        NDList gradients = of(parameters, manager);
        if (gradients.isEmpty()) {
            return;
        }
        NDList sums = new NDList(gradients.size());
        for (NDArray gradient : gradients) {
            sums.add(gradient.sum());
        }
        float sum = NDArrays.stack(sums).sum().getFloat();
        if (!Float.isFinite(sum)) {
            throw new ArithmeticException("the gradient is not finite (sum of its entries " + sum + ") at loss " + loss);
        }
    }

    /**
     * Multiplies every gradient by {@code factor} in place, grad mode off; the handles live in
     * {@code manager}. (The chain rule's last factor when it is known only after the backward
     * passes: δ'(ℓ) of a loss accumulated over micro-batches.)
     */
    public static void scale(ParameterList parameters, NDManager manager, float factor) {
        try (NoGrad noGrad = NoGrad.enter()) {
            for (NDArray gradient : of(parameters, manager)) {
                gradient.muli(factor);
            }
        }
    }

    /** Zeroes the gradient of every parameter ({@link #zero(NDArray)}). */
    public static void zero(ParameterList parameters) {
        for (Pair<String, Parameter> pair : parameters) {
            if (pair.getValue().isInitialized()) {
                zero(pair.getValue().getArray());
            }
        }
    }

    /**
     * Sets the gradient of {@code array} to zero in place, NaN and ±∞ included
     * ({@code grad.zero_()}); nothing happens when it has none. The tensor optimizers call this
     * after each parameter's update, the landscape before each gradient pass.
     *
     * @throws IllegalArgumentException if {@code array} is not a PyTorch-engine array
     */
    public static void zero(NDArray array) {
        if (!(array instanceof PtNDArray tensor)) {
            throw new IllegalArgumentException("gradients are zeroed on PyTorch-engine arrays, got a "
                    + array.getClass().getSimpleName());
        }
        // no gradient before the first backward pass, or for a parameter the forward pass did not use
        try (PtNDArray gradient = JniUtils.getGradient(tensor)) {
            if (gradient != null) {
                JniUtils.zeroGrad(tensor);
            }
        }
    }
}
