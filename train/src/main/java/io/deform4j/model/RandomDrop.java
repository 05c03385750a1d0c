package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.deform4j.engine.NoGrad;
import java.util.SplittableRandom;

/**
 * Dropout in training mode, deterministic per seed: torchvision's {@code StochasticDepth(p, "row")}
 * (one Bernoulli draw per example, zeroing the whole residual branch) or {@code nn.Dropout(p)} (one
 * draw per element). Kept values are divided by 1 − p, as PyTorch does; in inference mode, or with
 * p = 0, the block is the identity.
 *
 * <p>The masks come from the host, not the engine's random generator, so that a run is the same
 * for every thread count and engine state: the n-th training forward of a block draws from a
 * {@link SplittableRandom} seeded by the block's own seed (set by {@link Initialization} from the
 * model's seed) and n. n is kept in a one-element parameter {@code draws} that needs no gradient,
 * (float32: exact up to 2^24 training steps), so checkpoints ({@link ModelState}) save it like batch norm's running statistics and a resumed run
 * draws the masks an uninterrupted run would have drawn. It has no PyTorch counterpart
 * ({@link TorchNames} leaves it out).
 */
final class RandomDrop extends AbstractBlock {

    /** Which elements share one draw. */
    enum Mode {
        /** One draw per example (axis 0): stochastic depth. */
        ROW,
        /** One draw per element: dropout. */
        ELEMENT
    }

    /** The name of the draw counter, the block's only parameter. */
    static final String DRAWS = "draws";

    private final double p;
    private final Mode mode;
    private final Parameter draws;
    private long seed;

    RandomDrop(double p, Mode mode) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("drop probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.mode = mode;
        this.draws = addParameter(Parameter.builder().setName(DRAWS).setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
    }

    /** The drop probability p. */
    double probability() {
        return p;
    }

    /** Sets the seed of the masks and restarts the draw count (the model's initialisation). */
    void reseed(long newSeed) {
        this.seed = newSeed;
        try (NoGrad noGrad = NoGrad.enter()) {
            draws.getArray().set(new NDIndex("..."), 0f);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (!training || p == 0) {
            return inputs;
        }
        NDArray x = inputs.singletonOrThrow();
        NDArray counter = draws.getArray();
        float n = counter.getFloat(0);
        Shape maskShape = x.getShape();
        if (mode == Mode.ROW) {
            long[] row = new long[maskShape.dimension()];
            java.util.Arrays.fill(row, 1);
            row[0] = maskShape.get(0);
            maskShape = new Shape(row);
        }
        float[] mask = mask(n, Math.toIntExact(maskShape.size()));
        try (NoGrad noGrad = NoGrad.enter()) {
            counter.set(new NDIndex("..."), n + 1);
        }
        // not closed here: autograd saves the mask for the backward pass, and on CPU its storage is
        // the buffer it was created from; it goes with the step's manager
        NDArray m = x.getManager().create(mask, maskShape);
        return new NDList(x.mul(m));
    }

    /** The mask of the {@code n}-th draw: 0 with probability p, else 1 / (1 − p). */
    float[] mask(float n, int size) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * ((long) n + 1)));
        float keep = (float) (1 / (1 - p));
        float[] mask = new float[size];
        for (int i = 0; i < size; i++) {
            mask[i] = random.nextDouble() < p ? 0f : keep;
        }
        return mask;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        // the counter's shape is fixed at construction
    }

    @Override
    public String toString() {
        return "RandomDrop(p=" + p + ", " + mode + ")";
    }
}
