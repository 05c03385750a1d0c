package io.deform4j.optim.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import io.deform4j.engine.Gradients;
import io.deform4j.engine.HostCopies;
import io.deform4j.engine.NoGrad;
import io.deform4j.optim.Checks;
import io.deform4j.optim.OptimizerConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every tensor optimizer shares: grad mode off during the update, the walk over the
 * parameters, per-parameter state slots keyed by name, and the state's binary format.
 *
 * <p>Format: int magic {@code "D4JO"}, int version, UTF kind, int n and n doubles of
 * hyper-parameters, int count, then per parameter: UTF name, long step count, int slots, and per
 * slot: int rank, rank longs of shape, then the float32 values as raw int bits.
 */
abstract class TensorOptimizer implements Optimizer {

    private static final int MAGIC = 0x44344A4F;
    private static final int VERSION = 1;

    /** Per-parameter state: the step count and the state arrays. */
    static final class State {
        long steps;
        final NDArray[] slots;

        State(long steps, NDArray[] slots) {
            this.steps = steps;
            this.slots = slots;
        }
    }

    private final OptimizerConfig config;
    private final Map<String, State> states = new LinkedHashMap<>();
    private NDManager stateManager;

    TensorOptimizer(OptimizerConfig config) {
        this.config = config;
    }

    /** Short name written in the state: {@link OptimizerConfig#kind()}, e.g. {@code sgd}. */
    final String kind() {
        return config.kind();
    }

    /** The hyper-parameters written in the state and checked on load. */
    abstract double[] hyperParameters();

    /** Number of state arrays per parameter (0 for plain SGD). */
    abstract int slotCount();

    /**
     * Updates {@code weight} in place from {@code grad} with learning rate {@code lr} (checked;
     * in double, so that derived step sizes are computed as PyTorch computes them from its Python
     * float, and rounded to float32 where they meet a tensor). {@code state} is {@code null} on a
     * parameter's first step: create it with {@link #newState}. Grad mode is off.
     */
    abstract void update(String name, NDArray weight, NDArray grad, double lr, State state);

    /** Registers the state of parameter {@code name}; its arrays now belong to the optimizer. */
    final State newState(String name, NDArray... slots) {
        if (stateManager == null) {
            stateManager = slots.length > 0 ? slots[0].getManager().newSubManager() : null;
        }
        for (NDArray slot : slots) {
            slot.attach(stateManager);
        }
        State state = new State(0, slots);
        states.put(name, state);
        return state;
    }

    @Override
    public final void step(ParameterList params, double lr) {
        Checks.learningRate(lr);
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Pair<String, Parameter> entry : params) {
                Parameter parameter = entry.getValue();
                if (!parameter.requiresGradient() || !parameter.isInitialized()) {
                    continue;
                }
                if (!(parameter.getArray() instanceof PtNDArray weight)) {
                    throw new IllegalStateException("deform4j optimizers need the PyTorch engine; parameter '"
                            + entry.getKey() + "' is a " + parameter.getArray().getClass().getSimpleName());
                }
                try (PtNDArray grad = JniUtils.getGradient(weight)) {
                    if (grad == null) {
                        continue;
                    }
                    State state = states.get(entry.getKey());
                    update(entry.getKey(), weight, grad, lr, state);
                    State after = states.get(entry.getKey());
                    if (after != null) {
                        after.steps++;
                    }
                }
                Gradients.zero(weight);
            }
        }
    }

    @Override
    public final void saveState(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(kind());
        double[] hyper = hyperParameters();
        out.writeInt(hyper.length);
        for (double h : hyper) {
            out.writeLong(Double.doubleToRawLongBits(h));
        }
        out.writeInt(states.size());
        for (Map.Entry<String, State> e : states.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().steps);
            out.writeInt(e.getValue().slots.length);
            for (NDArray slot : e.getValue().slots) {
                long[] shape = slot.getShape().getShape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float f : HostCopies.floats(slot)) {
                    out.writeInt(Float.floatToRawIntBits(f));
                }
            }
        }
        out.flush();
    }

    @Override
    public final void loadState(DataInputStream in, ParameterList params) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("not a deform4j optimizer state (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported optimizer state version " + version
                    + ", expected " + VERSION);
        }
        String kind = in.readUTF();
        if (!kind.equals(kind())) {
            throw new IllegalArgumentException("optimizer state is for '" + kind + "', not '" + kind() + "'");
        }
        double[] hyper = new double[in.readInt()];
        for (int i = 0; i < hyper.length; i++) {
            hyper[i] = Double.longBitsToDouble(in.readLong());
        }
        if (!Arrays.equals(hyper, hyperParameters())) {
            throw new IllegalArgumentException("optimizer state has hyper-parameters "
                    + Arrays.toString(hyper) + ", this " + kind() + " has " + Arrays.toString(hyperParameters()));
        }
        Map<String, State> read = new LinkedHashMap<>();
        NDManager loaded = null;
        try (NoGrad noGrad = NoGrad.enter()) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                Parameter parameter = params.get(name);
                if (parameter == null || !parameter.isInitialized()) {
                    throw new IllegalArgumentException("optimizer state has parameter '" + name
                            + "', which the model does not have (or has not initialised)");
                }
                NDArray like = parameter.getArray();
                if (loaded == null) {
                    loaded = like.getManager().newSubManager();
                }
                long steps = in.readLong();
                int slotCount = in.readInt();
                if (slotCount != slotCount()) {
                    throw new IllegalArgumentException("optimizer state of '" + name + "' has " + slotCount
                            + " arrays, " + kind() + " expects " + slotCount());
                }
                NDArray[] slots = new NDArray[slotCount];
                for (int s = 0; s < slots.length; s++) {
                    long[] shape = new long[in.readInt()];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.readLong();
                    }
                    if (!new Shape(shape).equals(like.getShape())) {
                        throw new IllegalArgumentException("optimizer state of '" + name + "' has shape "
                                + new Shape(shape) + ", the parameter " + like.getShape());
                    }
                    float[] values = new float[Math.toIntExact(new Shape(shape).size())];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = Float.intBitsToFloat(in.readInt());
                    }
                    // zerosLike keeps the parameter's strides; the element-wise copy then fills it
                    slots[s] = like.zerosLike();
                    slots[s].attach(loaded);
                    try (NDArray source = loaded.create(values, like.getShape())) {
                        slots[s].set(new NDIndex("..."), source);
                    }
                }
                read.put(name, new State(steps, slots));
            }
        } catch (IOException | RuntimeException e) {
            if (loaded != null) {
                loaded.close();
            }
            throw e;
        }
        close();
        stateManager = loaded;
        states.putAll(read);
    }

    /** Number of parameters with state (for tests). */
    final int stateSize() {
        return states.size();
    }

    /** The state of parameter {@code name}, or {@code null} (for tests). */
    final State state(String name) {
        return states.get(name);
    }

    /** The settings, e.g. {@code AdamConfig[beta1=0.9, …, decoupled=true]}. */
    @Override
    public final String toString() {
        return config.toString();
    }

    @Override
    public final void close() {
        states.clear();
        if (stateManager != null) {
            stateManager.close();
            stateManager = null;
        }
    }
}
