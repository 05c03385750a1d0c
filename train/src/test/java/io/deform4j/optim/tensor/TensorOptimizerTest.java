package io.deform4j.optim.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import io.deform4j.optim.AdamConfig;
import io.deform4j.optim.ArrayOptimizer;
import io.deform4j.optim.OptimizerCases;
import io.deform4j.optim.SgdConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tensor optimizers against the pure references ({@link io.deform4j.optim.SgdMath},
 * {@link io.deform4j.optim.AdamMath}, run by {@link ArrayOptimizer}) on the rows of
 * {@link OptimizerCases}: the worked three steps, and 10 steps with random gradients on a 3×4
 * parameter, float32 against double, element-wise |tensor − reference| ≤ 1e-6·(|reference| + 1)
 * (relative, with an absolute floor of 1e-6 for values near zero). Gradients are produced by a
 * real backward pass of L = Σ w ⊙ G, so ∂L/∂w = G.
 */
class TensorOptimizerTest {

    private static final int STEPS = 10;
    private static final Shape SHAPE = new Shape(3, 4);
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static List<OptimizerCases.Case> cases() {
        return OptimizerCases.ALL;
    }

    /** A float32 parameter "w" with the given values and shape, requiring a gradient. */
    private static ParameterList parameter(NDManager m, float[] values, Shape shape) {
        Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                .optShape(shape).optInitializer(Initializer.ZEROS).build();
        w.initialize(m, DataType.FLOAT32);
        try (NDArray source = m.create(values, shape)) {
            w.getArray().set(new ai.djl.ndarray.index.NDIndex("..."), source);
        }
        return new ParameterList(List.of("w"), List.of(w));
    }

    private static ParameterList parameter(NDManager m, float[] values) {
        return parameter(m, values, SHAPE);
    }

    /** Runs backward on Σ w ⊙ G so that w's gradient is G. */
    private static void backward(ParameterList params, float[] grad) {
        NDArray w = params.get("w").getArray();
        try (NDManager step = w.getManager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = w.mul(step.create(grad, w.getShape())).sum();
            collector.backward(loss);
        }
    }

    private static float[] random(Random r) {
        float[] v = new float[(int) SHAPE.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-6 * (Math.abs(expected[i]) + 1);
            assertEquals(expected[i], actual[i], tol, what + " element " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void workedCasesMatchTheReferenceAndTheHandNumbers(OptimizerCases.Case c) {
        ArrayOptimizer reference = new ArrayOptimizer(c.config());
        double[] expected = OptimizerCases.START.clone();
        try (NDManager m = manager.newSubManager(); Optimizer opt = Optimizer.of(c.config())) {
            ParameterList params = parameter(m, toFloat(expected), new Shape(expected.length));
            for (int t = 0; t < 3; t++) {
                backward(params, toFloat(OptimizerCases.GRADS[t]));
                opt.step(params, OptimizerCases.LR);
                reference.step(expected, OptimizerCases.GRADS[t], OptimizerCases.LR);
                float[] actual = params.get("w").getArray().toFloatArray();
                assertClose(expected, actual, "reference, step " + (t + 1));
                assertClose(c.expected()[t], actual, "by hand, step " + (t + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tenRandomStepsMatchTheReference(OptimizerCases.Case c) {
        Random r = new Random(11);
        float[] p0 = random(r);
        double[] expected = toDouble(p0);
        ArrayOptimizer reference = new ArrayOptimizer(c.config());
        try (NDManager m = manager.newSubManager(); Optimizer opt = Optimizer.of(c.config())) {
            ParameterList params = parameter(m, p0);
            for (int t = 1; t <= STEPS; t++) {
                float[] grad = random(r);
                double lr = t <= 5 ? 0.1 : 0.01;
                backward(params, grad);
                opt.step(params, lr);
                reference.step(expected, toDouble(grad), lr);
                assertClose(expected, params.get("w").getArray().toFloatArray(), "step " + t);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ofBuildsTheOptimizerOfTheSettings(OptimizerCases.Case c) {
        try (Optimizer opt = Optimizer.of(c.config())) {
            assertEquals(c.config().kind(), ((TensorOptimizer) opt).kind());
        }
    }

    @Test
    void stepZeroesGradientsAndRestoresGradMode() {
        try (NDManager m = manager.newSubManager(); Optimizer opt = Optimizer.of(SgdConfig.nesterov(0.9, 0))) {
            ParameterList params = parameter(m, new float[12]);
            float[] ones = new float[12];
            java.util.Arrays.fill(ones, 1f);
            // step called inside the collector (grad mode on) must work and leave grad mode on
            NDArray w = params.get("w").getArray();
            try (NDManager step = m.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(w.mul(step.create(ones, SHAPE)).sum());
                opt.step(params, 0.1);
                assertTrue(JniUtils.isGradMode());
            }
            assertArrayEquals(new float[12], w.getGradient().toFloatArray());
            float[] expected = new float[12];
            java.util.Arrays.fill(expected, -0.19f); // Nesterov first step: −η(1 + μ)·1
            assertArrayEquals(expected, w.toFloatArray(), 1e-7f);
            // a second backward sees only its own gradient, not an accumulated one
            backward(params, ones);
            assertArrayEquals(ones, w.getGradient().toFloatArray());
        }
    }

    @Test
    void stepsLeaveNoIntermediateArraysBehind() {
        for (Supplier<Optimizer> kind : List.<Supplier<Optimizer>>of(
                () -> Optimizer.of(new SgdConfig(0.9, 0.1, 1e-3, false)),
                () -> Optimizer.of(SgdConfig.nesterov(0.9, 5e-4)),
                () -> Optimizer.of(AdamConfig.adam(0.9, 0.999, 1e-8, 1e-3)),
                () -> Optimizer.of(AdamConfig.adamW()))) {
            try (NDManager m = manager.newSubManager(); Optimizer opt = kind.get()) {
                ParameterList params = parameter(m, new float[12]);
                Random r = new Random(1);
                backward(params, random(r));
                opt.step(params, 0.1); // creates the state
                for (int t = 0; t < 5; t++) {
                    backward(params, random(r));
                    int before = m.getManagedArrays().size();
                    opt.step(params, 0.1);
                    assertEquals(before, m.getManagedArrays().size(), opt + " step " + t);
                }
            }
        }
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        try (NDManager m = manager.newSubManager(); Optimizer opt = Optimizer.of(AdamConfig.adamW())) {
            Parameter stat = Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                    .optShape(SHAPE).build();
            stat.initialize(m, DataType.FLOAT32);
            ParameterList unused = parameter(m, new float[12]); // requires grad, never used: grad undefined
            ParameterList both = new ParameterList(List.of("s", "w"), List.of(stat, unused.get("w")));
            opt.step(both, 0.1);
            assertArrayEquals(new float[12], stat.getArray().toFloatArray());
            assertArrayEquals(new float[12], unused.get("w").getArray().toFloatArray());
            assertEquals(0, ((TensorOptimizer) opt).stateSize());
        }
    }

    @Test
    void stateRoundTripsBitExactly() throws IOException {
        for (Supplier<Optimizer> kind : List.<Supplier<Optimizer>>of(
                () -> Optimizer.of(SgdConfig.nesterov(0.9, 5e-4)), () -> Optimizer.of(AdamConfig.adam()),
                () -> Optimizer.of(AdamConfig.adamW(0.9, 0.999, 1e-8, 0.05)))) {
            Random r = new Random(3);
            float[] p0 = random(r);
            float[][] grads = new float[STEPS][];
            for (int t = 0; t < STEPS; t++) {
                grads[t] = random(r);
            }
            try (NDManager m = manager.newSubManager(); Optimizer straight = kind.get();
                    Optimizer first = kind.get(); Optimizer resumed = kind.get()) {
                ParameterList a = parameter(m, p0);
                ParameterList b = parameter(m, p0);
                ByteArrayOutputStream saved = new ByteArrayOutputStream();
                for (int t = 0; t < STEPS; t++) {
                    backward(a, grads[t]);
                    straight.step(a, 0.1);
                    Optimizer current = t < STEPS / 2 ? first : resumed;
                    backward(b, grads[t]);
                    current.step(b, 0.1);
                    if (t == STEPS / 2 - 1) {
                        first.saveState(new DataOutputStream(saved));
                        resumed.loadState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())), b);
                    }
                }
                assertArrayEquals(a.get("w").getArray().toFloatArray(), b.get("w").getArray().toFloatArray(),
                        "resumed " + straight + " must equal uninterrupted bit for bit");
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                straight.saveState(new DataOutputStream(again));
                ByteArrayOutputStream resumedState = new ByteArrayOutputStream();
                resumed.saveState(new DataOutputStream(resumedState));
                assertArrayEquals(again.toByteArray(), resumedState.toByteArray());
            }
        }
    }

    private static byte[] saved(Optimizer opt) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        opt.saveState(new DataOutputStream(bytes));
        assertFalse(bytes.size() == 0);
        return bytes.toByteArray();
    }

    private static void load(Optimizer opt, byte[] state) throws IOException {
        opt.loadState(new DataInputStream(new ByteArrayInputStream(state)), new ParameterList());
    }

    @Test
    void loadingAnotherKindOrOtherHyperParametersFails() throws IOException {
        try (Optimizer sgd = Optimizer.of(SgdConfig.nesterov(0.9, 5e-4));
                Optimizer adam = Optimizer.of(AdamConfig.adam(0.9, 0.999, 1e-8, 0.01));
                Optimizer adamW = Optimizer.of(AdamConfig.adamW());
                Optimizer other = Optimizer.of(SgdConfig.nesterov(0.9, 1e-4));
                Optimizer otherAdamW = Optimizer.of(AdamConfig.adamW(0.9, 0.99, 1e-8, 0.01))) {
            byte[] sgdState = saved(sgd);
            assertThatThrownBy(() -> load(adam, sgdState)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'sgd'").hasMessageContaining("'adam'");
            assertThatThrownBy(() -> load(other, sgdState)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("5.0E-4").hasMessageContaining("1.0E-4");
            // Adam and AdamW with the same numbers are still different optimizers
            byte[] adamState = saved(adam);
            assertThatThrownBy(() -> load(adamW, adamState)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'adam'").hasMessageContaining("'adamw'");
            byte[] adamWState = saved(adamW);
            assertThatThrownBy(() -> load(adam, adamWState)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'adamw'").hasMessageContaining("'adam'");
            assertThatThrownBy(() -> load(otherAdamW, adamWState)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0.999").hasMessageContaining("0.99");
            load(adamW, adamWState);
            assertThatThrownBy(() -> sgd.step(new ParameterList(), Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate")
                    .hasMessageContaining("NaN");
        }
    }
}
