package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.engine.Gradients;
import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** On ResNet-20 from the registry and a batch of 16 random 3×8×8 images: ∇δ(ℓ) = δ'(ℓ)·∇ℓ. */
class DeformedLossTest {

    /** Relative error allowed between ∇δ(ℓ) and δ'(ℓ)·∇ℓ in float32. */
    static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"LE(1,0.99)", "AP(18/pi,1,2,1)", "0.5*l^2", "LE(2,0.5)"})
    void gradientOfDeformedLossIsDerivativeTimesPlainGradient(String spec) {
        Vdm vdm = Vdm.parse(spec);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.create("resnet20", 10, 3);
            Models.initialize(block, manager, new Shape(1, 3, 8, 8), 7);
            Random random = new Random(11);
            float[] pixels = new float[16 * 3 * 8 * 8];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            long[] labels = new long[16];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = random.nextInt(10);
            }
            NDArray x = manager.create(pixels, new Shape(16, 3, 8, 8));
            NDArray y = manager.create(labels);

            List<float[]> plain = new ArrayList<>();
            double loss = gradients(block, new DeformedLoss(Vdm.original()), x, y, plain);
            List<float[]> deformed = new ArrayList<>();
            double deformedValue = gradients(block, new DeformedLoss(vdm), x, y, deformed);

            double factor = vdm.derivative(loss);
            assertEquals(vdm.value(loss), deformedValue, 1e-5 * Math.max(1, Math.abs(vdm.value(loss))));
            double diff = 0;
            double norm = 0;
            for (int p = 0; p < plain.size(); p++) {
                for (int i = 0; i < plain.get(p).length; i++) {
                    double expected = factor * plain.get(p)[i];
                    diff += Math.pow(deformed.get(p)[i] - expected, 2);
                    norm += expected * expected;
                }
            }
            double relative = Math.sqrt(diff / norm);
            assertTrue(norm > 0);
            System.out.printf("%s: l = %.6f, d'(l) = %.6f, relative error of the gradient %.2e%n", spec, loss, factor,
                    relative);
            assertTrue(relative <= TOLERANCE, spec + ": relative error " + relative + " at l=" + loss + ", d'=" + factor);
        }
    }

    private static double gradients(Block block, DeformedLoss loss, NDArray x, NDArray y, List<float[]> out) {
        try (NDManager step = x.getManager().newSubManager()) {
            ParameterStore store = new ParameterStore(step, false);
            double value;
            double plain;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray ce = CrossEntropy.mean(logits, y);
                NDArray deformed = loss.deform(ce);
                plain = ce.getFloat();
                value = deformed.getFloat();
                // DJL's Loss API: the same δ(mean cross-entropy)
                assertEquals(value, loss.evaluate(new NDList(y), new NDList(logits)).getFloat());
                collector.backward(deformed);
            }
            NDList gradients = Gradients.of(block.getParameters(), step);
            for (NDArray g : gradients) {
                out.add(g.toFloatArray());
            }
            block.getParameters().forEach(p -> Gradients.zero(p.getValue().getArray()));
            return loss.vdm().equals(Vdm.original()) ? plain : value;
        }
    }

    @Test
    void lossBelowTheDomainRaisesTheMappingError() {
        DeformedLoss loss = new DeformedLoss(Vdm.parse("LE(1,1.9)"));
        OutsideDomainException e = assertThrows(OutsideDomainException.class, () -> loss.checkDomain(0.5));
        assertTrue(e.getMessage().contains("LE"), e.getMessage());
        loss.checkDomain(1.0); // ln 1.9 ≈ 0.642
        assertThrows(ArithmeticException.class, () -> loss.checkDomain(Double.NaN));
    }
}
