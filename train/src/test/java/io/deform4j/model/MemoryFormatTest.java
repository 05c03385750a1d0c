package io.deform4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Channels-last changes where the values live, not what they are: same values, same parameter
 * objects, and logits and gradients that match a float64 reference within the accuracy of the
 * NHWC kernels.
 */
class MemoryFormatTest extends EngineTest {

    /** Logits of either layout against a float64 reference, relative to their largest magnitude (measured: 1.5e-6). */
    private static final double LOGITS_TOLERANCE = 1e-5;
    /**
     * The contiguous model's gradients against a float64 reference: largest error of each
     * parameter's gradient relative to its largest magnitude (measured: up to 7e-6), and the
     * error of all gradients together relative to their norm (measured: 9e-7).
     */
    private static final double CONTIGUOUS_TOLERANCE = 1e-4;
    /**
     * The channels-last model's gradients against the float64 reference, relative to the norm of
     * all gradients together (measured: 5.4e-3 on this input; 2.7e-4 and 5.0e-4 on two others).
     * Libtorch's NHWC batch-norm kernels accumulate their sums over N·H·W in float32 where the
     * contiguous ones accumulate in double, and batch-norm gradients cancel heavily; PyTorch 1.13
     * in Python behaves the same on this model (channels-last 1.9e-3 to 4.1e-3, contiguous 2e-6 to
     * 2e-3 on three inputs). A layout mistake would give errors of order 1.
     */
    private static final double CHANNELS_LAST_TOLERANCE = 2e-2;

    @Test
    void copiesKeepShapeAndValuesAndChangeOnlyTheStrides() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
            NDArray last = MemoryFormat.CHANNELS_LAST.copy(x);
            assertEquals(x.getShape(), last.getShape());
            assertArrayEquals(x.toFloatArray(), last.toFloatArray());
            assertTrue(Strides.isContiguous(x));
            assertFalse(Strides.isContiguous(last), "channels-last strides are not row-major");
            NDArray back = MemoryFormat.CONTIGUOUS.copy(last);
            assertTrue(Strides.isContiguous(back));
            assertArrayEquals(x.toFloatArray(), back.toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> MemoryFormat.CHANNELS_LAST.copy(m.ones(new Shape(3))));
        }
    }

    @Test
    void namesParseAndAnUnknownOneSuggestsTheClosest() {
        assertSame(MemoryFormat.CHANNELS_LAST, MemoryFormat.parse("Channels-Last"));
        assertSame(MemoryFormat.CONTIGUOUS, MemoryFormat.parse("contiguous"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryFormat.parse("channels_last"));
        assertTrue(e.getMessage().contains("channels-last"), e.getMessage());
    }

    @Test
    void channelsLastModelComputesWhatTheContiguousOneDoes() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = gaussian(m, new Shape(8, 3, 32, 32), 11);
            Block contiguous = Models.create("resnet20", 10, 3);
            Models.initialize(contiguous, m, Models.inputShape(3), 5L);
            Block last = Models.create("resnet20", 10, 3);
            Models.initialize(last, m, Models.inputShape(3), 5L);
            List<Parameter> before = new ArrayList<>();
            last.getParameters().forEach(p -> before.add(p.getValue()));
            List<NDArray> arrays = new ArrayList<>();
            last.getParameters().forEach(p -> arrays.add(p.getValue().getArray()));
            MemoryFormat.CHANNELS_LAST.apply(last);

            int i = 0;
            int channelsLast = 0;
            for (Pair<String, Parameter> p : last.getParameters()) {
                NDArray array = p.getValue().getArray();
                assertSame(before.get(i), p.getValue());
                assertSame(arrays.get(i), array, "the parameter keeps its NDArray object");
                i++;
                assertArrayEquals(contiguous.getParameters().get(p.getKey()).getArray().toFloatArray(),
                        array.toFloatArray(), p.getKey());
                assertEquals(p.getValue().requiresGradient(), array.hasGradient(), p.getKey());
                if (array.getShape().dimension() == 4 && array.getShape().get(2) > 1) {
                    assertFalse(Strides.isContiguous(array), p.getKey());
                    channelsLast++;
                }
            }
            assertEquals(19, channelsLast, "every 3×3 convolution of ResNet-20");

            Block reference = Models.create("resnet20", 10, 3);
            reference.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            reference.initialize(m, DataType.FLOAT64, Models.inputShape(3));
            Models.initialize(reference, m, Models.inputShape(3), 5L);

            List<String> names = new ArrayList<>();
            last.getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    names.add(p.getKey());
                }
            });
            float[][] exact = logitsAndGradients(reference, x.toType(DataType.FLOAT64, true));
            float[][] a = logitsAndGradients(contiguous, x);
            float[][] b = logitsAndGradients(last, MemoryFormat.CHANNELS_LAST.copy(x));
            double[] squares = new double[3]; // exact, contiguous error, channels-last error
            for (int k = 0; k < a.length; k++) {
                String what = k == 0 ? "logits" : "gradient of " + names.get(k - 1);
                double scale = maxAbs(exact[k]);
                double contiguousError = maxError(exact[k], a[k]);
                double channelsLastError = maxError(exact[k], b[k]);
                double tolerance = k == 0 ? LOGITS_TOLERANCE : CONTIGUOUS_TOLERANCE;
                assertTrue(contiguousError <= tolerance * scale,
                        what + ": contiguous error " + contiguousError + ", scale " + scale);
                if (k == 0) {
                    assertTrue(channelsLastError <= LOGITS_TOLERANCE * scale,
                            what + ": channels-last error " + channelsLastError + ", scale " + scale);
                } else {
                    squares[0] += sumOfSquares(exact[k], null);
                    squares[1] += sumOfSquares(exact[k], a[k]);
                    squares[2] += sumOfSquares(exact[k], b[k]);
                }
            }
            double contiguousError = Math.sqrt(squares[1] / squares[0]);
            double channelsLastError = Math.sqrt(squares[2] / squares[0]);
            assertTrue(contiguousError <= CONTIGUOUS_TOLERANCE, "contiguous gradient error " + contiguousError);
            assertTrue(channelsLastError <= CHANNELS_LAST_TOLERANCE, "channels-last gradient error " + channelsLastError);
        }
    }

    private static float[][] logitsAndGradients(Block block, NDArray x) {
        List<float[]> out = new ArrayList<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
                    .singletonOrThrow();
            out.add(logits.toType(DataType.FLOAT32, false).toFloatArray());
            collector.backward(logits.mul(logits).sum());
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue().getArray().getGradient().toType(DataType.FLOAT32, false).toFloatArray());
            }
        }
        return out.toArray(new float[0][]);
    }

    /** Seeded N(0, 1) values (the engine's generator is not seeded). */
    private static NDArray gaussian(NDManager m, Shape shape, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return m.create(values, shape);
    }

    /** Σ (exact − approximate)², or Σ exact² when {@code approximate} is null. */
    private static double sumOfSquares(float[] exact, float[] approximate) {
        double sum = 0;
        for (int i = 0; i < exact.length; i++) {
            double d = approximate == null ? exact[i] : (double) exact[i] - approximate[i];
            sum += d * d;
        }
        return sum;
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double maxError(float[] exact, float[] approximate) {
        assertEquals(exact.length, approximate.length);
        double max = 0;
        for (int i = 0; i < exact.length; i++) {
            max = Math.max(max, Math.abs((double) exact[i] - approximate[i]));
        }
        return max;
    }
}
