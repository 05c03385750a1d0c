package io.deform4j.landscape;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deform4j.engine.Gradients;
import io.deform4j.engine.HostCopies;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainable parameters of an initialised DJL block seen as one flat {@code double[]} in the
 * order of {@link Block#getParameters()}, laid out by {@link #layout()}.
 *
 * <p>Only parameters that require a gradient belong to the vector: weights, biases, batch norm's
 * γ and β. Batch norm's running mean and variance are not parameters of the loss surface; no
 * instrument changes them. Values cross between host and engine with {@code NDArray.set}, which
 * costs a copy of the parameters: negligible next to one forward pass.
 */
public final class FlatParameters {

    private final List<Parameter> parameters;
    private final Layout layout;

    /** The trainable parameters of {@code block}, which must be initialised (or loaded). */
    public FlatParameters(Block block) {
        this(block, true);
    }

    /**
     * The buffers of {@code block}: the arrays that need no gradient, batch norm's running mean
     * and variance. Only an interpolation between two checkpoints moves them (so that both ends
     * are exactly the two trained networks).
     */
    public static FlatParameters buffers(Block block) {
        return new FlatParameters(block, false);
    }

    private FlatParameters(Block block, boolean trainable) {
        List<Parameter> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("parameter " + p.getKey() + " is not initialised");
            }
            if (parameter.requiresGradient() == trainable) {
                list.add(parameter);
                names.add(p.getKey());
                shapes.add(parameter.getArray().getShape().getShape());
            }
        }
        this.parameters = List.copyOf(list);
        this.layout = Layout.of(names, shapes);
    }

    /** Where each tensor lies in the flat vector. */
    public Layout layout() {
        return layout;
    }

    /** The number of trainable values. */
    public int dimension() {
        return layout.dimension();
    }

    /** The current values θ. */
    public double[] get() {
        double[] flat = new double[dimension()];
        for (int i = 0; i < parameters.size(); i++) {
            copy(parameters.get(i).getArray(), flat, layout.tensors().get(i).offset());
        }
        return flat;
    }

    /** Sets the parameters to {@code values} (rounded to the parameters' type). */
    public void set(double[] values) {
        Vectors.requireLength(values, dimension());
        for (int i = 0; i < parameters.size(); i++) {
            NDArray array = parameters.get(i).getArray();
            Layout.Tensor t = layout.tensors().get(i);
            if (array.getDataType() == DataType.FLOAT64) {
                double[] part = new double[t.size()];
                System.arraycopy(values, t.offset(), part, 0, part.length);
                array.set(part);
            } else {
                float[] part = new float[t.size()];
                for (int j = 0; j < part.length; j++) {
                    part[j] = (float) values[t.offset() + j];
                }
                array.set(part);
            }
        }
    }

    /**
     * Sets negative entries of running-variance tensors in {@code values} to zero, in place (a
     * linear extrapolation of two variances can fall below zero; batch norm adds its ε).
     */
    public double[] clampVariances(double[] values) {
        Vectors.requireLength(values, dimension());
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).getType() == Parameter.Type.RUNNING_VAR) {
                Layout.Tensor t = layout.tensors().get(i);
                for (int j = t.offset(); j < t.offset() + t.size(); j++) {
                    values[j] = Math.max(0, values[j]);
                }
            }
        }
        return values;
    }

    /** Sets the parameters to θ + α·d. */
    public void setAlong(double[] theta, double alpha, double[] direction) {
        set(Vectors.plus(theta, alpha, direction));
    }

    /** The gradients accumulated on the parameters, flat; zero where none was computed. */
    double[] gradient() {
        double[] flat = new double[dimension()];
        for (int i = 0; i < parameters.size(); i++) {
            try (NDArray gradient = parameters.get(i).getArray().getGradient()) {
                copy(gradient, flat, layout.tensors().get(i).offset());
            }
        }
        return flat;
    }

    /** Sets the accumulated gradients to zero, NaN-safe (PyTorch accumulates them across backward passes). */
    void zeroGradients() {
        for (Parameter parameter : parameters) {
            Gradients.zero(parameter.getArray());
        }
    }

    /** The data type of the parameters (of the first one; a block has one type). */
    public DataType dataType() {
        return parameters.isEmpty() ? DataType.FLOAT32 : parameters.get(0).getArray().getDataType();
    }

    private static void copy(NDArray array, double[] flat, int offset) {
        if (array.getDataType() == DataType.FLOAT64) {
            double[] values = HostCopies.doubles(array);
            System.arraycopy(values, 0, flat, offset, values.length);
        } else if (array.getDataType() == DataType.FLOAT32) {
            float[] values = HostCopies.floats(array);
            for (int j = 0; j < values.length; j++) {
                flat[offset + j] = values[j];
            }
        } else {
            throw new IllegalStateException("parameters of type " + array.getDataType() + " are not supported");
        }
    }
}
