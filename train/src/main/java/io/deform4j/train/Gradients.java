package io.deform4j.train;

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
 * into {@code .grad} (as {@code torch.Tensor.backward} does) and nothing clears it, and each
 * {@code getGradient()} is a new handle owned by the parameter's manager unless it is moved.
 */
final class Gradients {

    private Gradients() {
    }

    /** The gradients of the trainable parameters, as handles owned by {@code step} (freed with it). */
    static NDList of(ParameterList parameters, NDManager step) {
        NDList gradients = new NDList(parameters.size());
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() && parameter.getArray().hasGradient()) {
                NDArray gradient = parameter.getArray().getGradient();
                gradient.attach(step);
                gradients.add(gradient);
            }
        }
        return gradients;
    }

    /** Sets every gradient to zero in place ({@code optimizer.zero_grad()}; NaN-safe). */
    static void zero(ParameterList parameters) {
        for (Pair<String, Parameter> pair : parameters) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient() && parameter.getArray().hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) parameter.getArray());
            }
        }
    }

    /**
     * Σ of all gradient entries as one host float: NaN or ±∞ when any entry is not finite. One
     * reduction per parameter, one stack, and a single copy of one float to the host.
     */
    static float sum(NDList gradients) {
        if (gradients.isEmpty()) {
            return 0f;
        }
        NDList sums = new NDList(gradients.size());
        for (NDArray gradient : gradients) {
            sums.add(gradient.sum());
        }
        return NDArrays.stack(sums).sum().getFloat();
    }
}
