package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import io.deform4j.engine.NoGrad;
import java.util.Random;

/**
 * Seeded, deterministic initialisation by the rules of the reference implementation
 * ({@link InitScheme}: CIFAR-ZOO unless the block is a {@link Network} that names another). For
 * CIFAR-ZOO:
 * <ul>
 *   <li>Conv2d weight: {@code nn.init.kaiming_normal_(w)} with PyTorch's defaults (mode
 *       {@code fan_in}, gain √2 for ReLU): w ~ N(0, 2 / fan_in), fan_in = in·kh·kw. (CIFAR-ZOO
 *       calls it without arguments; torchvision's ImageNet ResNets use {@code fan_out}.)</li>
 *   <li>BatchNorm: γ = 1, β = 0, running mean 0, running variance 1.</li>
 *   <li>Linear: PyTorch's default ({@code kaiming_uniform_(a=√5)} for the weight and the bias
 *       rule), i.e. weight and bias ~ U(−1/√fan_in, 1/√fan_in).</li>
 * </ul>
 * Values come from one {@link java.util.Random} seeded with the given seed, drawn in block
 * order (depth first, children in registration order), so the same seed gives bit-identical
 * parameters on every machine and thread count; the engine's random state is not used. Each
 * {@link RandomDrop} takes the next {@code long} of the stream as the seed of its masks.
 */
final class Initialization {

    private Initialization() {
    }

    /** Initialises {@code block} (if it is not yet) and overwrites every parameter from the seed. */
    static void apply(Block block, NDManager manager, Shape inputShape, long seed) {
        if (!block.isInitialized()) {
            // Placeholder values (cheap, no engine RNG); overwritten below.
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, inputShape);
        }
        InitScheme scheme = block instanceof Network network ? network.scheme() : InitScheme.CIFAR_ZOO;
        try (NoGrad noGrad = NoGrad.enter()) {
            visit(block, new Random(seed), scheme);
        }
    }

    private static void visit(Block block, Random random, InitScheme scheme) {
        ParameterList params = block.getDirectParameters();
        if (block instanceof Conv2d) {
            Parameter weight = params.get("weight");
            Shape s = weight.getArray().getShape();
            long fanIn = s.size() / s.get(0); // in/groups·kh·kw
            long fan = scheme.convFanOut ? s.get(0) * (s.size() / (s.get(0) * s.get(1))) : fanIn; // out·kh·kw
            fill(weight, gaussian(random, s.size(), Math.sqrt(2.0 / fan)));
            Parameter bias = params.get("bias");
            if (bias != null) {
                long n = bias.getArray().size();
                fill(bias, scheme.zeroConvBias ? constant(n, 0f) : uniform(random, n, 1.0 / Math.sqrt(fanIn)));
            }
            if (params.size() != (bias == null ? 1 : 2)) {
                throw new IllegalStateException("unexpected parameters in Conv2d: " + params.keys());
            }
        } else if (block instanceof RandomDrop drop) {
            drop.reseed(random.nextLong());
        } else if (block instanceof BatchNorm) {
            for (Pair<String, Parameter> p : params) {
                Parameter.Type type = p.getValue().getType();
                float value = type == Parameter.Type.GAMMA || type == Parameter.Type.RUNNING_VAR ? 1f : 0f;
                fill(p.getValue(), constant(p.getValue().getArray().size(), value));
            }
        } else if (block instanceof Linear) {
            Parameter weight = params.get("weight");
            Shape s = weight.getArray().getShape();
            double bound = 1.0 / Math.sqrt(scheme.linearByOutFeatures ? s.get(0) : s.get(1));
            fill(weight, uniform(random, s.size(), bound));
            Parameter bias = params.get("bias");
            if (bias != null) {
                long n = bias.getArray().size();
                fill(bias, scheme.linearByOutFeatures ? constant(n, 0f) : uniform(random, n, bound));
            }
        } else if (!params.isEmpty()) {
            throw new IllegalStateException("no initialisation rule for "
                    + block.getClass().getSimpleName() + " with parameters " + params.keys());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            visit(child.getValue(), random, scheme);
        }
    }

    /**
     * Copies the values into the parameter's array in place (grad mode is off), keeping its
     * NDArray, storage and gradient attachment. (Not {@code intern}: on CPU a created array's
     * storage is the Java buffer it was made from, which must not outlive its NDArray.)
     */
    private static void fill(Parameter parameter, float[] values) {
        NDArray target = parameter.getArray();
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.set(new NDIndex("..."), source);
        }
    }

    private static float[] gaussian(Random random, long n, double std) {
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return v;
    }

    private static float[] uniform(Random random, long n, double bound) {
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return v;
    }

    private static float[] constant(long n, float value) {
        float[] v = new float[Math.toIntExact(n)];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
