package io.deform4j.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deform4j.mapping.Vdm;
import io.deform4j.optim.AdamConfig;
import io.deform4j.optim.MultiStepLR;
import io.deform4j.optim.SgdConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first three steps of each optimizer on ℓ = (p1² + p2²)/2 (so ∇ℓ = p) from (1, 2),
 * against values worked out by hand from the update rules of {@code torch.optim}: the
 * simulation feeds the optimizer δ'(ℓ)·∇ℓ and step k's learning rate, one epoch = one step.
 */
class SurfaceOptimizerTest {

    private static final Surface BOWL = Surface.parse("(p1^2 + p2^2)/2");
    private static final Point START = new Point(1, 2);

    private static double[] point(Run run, int i) {
        Point p = run.trajectory().point(i);
        return new double[] {p.p1(), p.p2()};
    }

    private static Run run(Vdm vdm, SurfaceOptimizer optimizer, MultiStepLR schedule) {
        return Simulation.run(BOWL, vdm, optimizer, schedule, 3, START, 0);
    }

    @Test
    void gradientDescent() {
        Run r = run(Vdm.original(), SurfaceOptimizer.gd(), MultiStepLR.constant(0.1));
        // p ← p − 0.1·p = 0.9·p
        assertArrayEquals(new double[] {0.9, 1.8}, point(r, 1), 1e-15);
        assertArrayEquals(new double[] {0.81, 1.62}, point(r, 2), 1e-15);
        assertArrayEquals(new double[] {0.729, 1.458}, point(r, 3), 1e-15);
    }

    @Test
    void momentumBufferStartsAtTheGradient() {
        Run r = run(Vdm.original(), SurfaceOptimizer.momentum(0.9), MultiStepLR.constant(0.1));
        // 1: b = g = (1,2);                      p = (1,2) − 0.1·(1,2)       = (0.9, 1.8)
        // 2: b = 0.9·(1,2) + (0.9,1.8) = (1.8,3.6); p = (0.9,1.8) − (0.18,0.36) = (0.72, 1.44)
        // 3: b = 0.9·(1.8,3.6) + (0.72,1.44) = (2.34,4.68); p = (0.72,1.44) − (0.234,0.468)
        assertArrayEquals(new double[] {0.9, 1.8}, point(r, 1), 1e-15);
        assertArrayEquals(new double[] {0.72, 1.44}, point(r, 2), 1e-15);
        assertArrayEquals(new double[] {0.486, 0.972}, point(r, 3), 1e-15);
    }

    @Test
    void nesterov() {
        Run r = run(Vdm.original(), new SurfaceOptimizer(SgdConfig.nesterov(0.9, 0)), MultiStepLR.constant(0.1));
        // 1: b = (1,2); d = g + 0.9b = (1.9,3.8); p = (0.81, 1.62)
        // 2: g = (0.81,1.62); b = 0.9·(1,2) + g = (1.71,3.42); d = g + 0.9b = (2.349,4.698); p = (0.5751, 1.1502)
        // 3: g = (0.5751,1.1502); b = 0.9·(1.71,3.42) + g = (2.1141,4.2282); d = g + 0.9b = (2.47779,4.95558)
        assertArrayEquals(new double[] {0.81, 1.62}, point(r, 1), 1e-15);
        assertArrayEquals(new double[] {0.5751, 1.1502}, point(r, 2), 1e-15);
        assertArrayEquals(new double[] {0.5751 - 0.247779, 1.1502 - 0.495558}, point(r, 3), 1e-15);
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        Run r = run(Vdm.original(), new SurfaceOptimizer(new SgdConfig(0, 0, 0.5, false)), MultiStepLR.constant(0.1));
        // g + 0.5p = 1.5p: p ← 0.85·p
        assertArrayEquals(new double[] {0.85, 1.7}, point(r, 1), 1e-15);
        assertArrayEquals(new double[] {0.85 * 0.85 * 0.85, 1.7 * 0.85 * 0.85}, point(r, 3), 1e-15);
    }

    @Test
    void deformationScalesTheGradientByDeltaPrime() {
        // δ = 0.5ℓ², δ' = ℓ: p ← p − 0.1·ℓ(p)·p, with ℓ(p) = (p1² + p2²)/2
        Run r = run(Vdm.parse("0.5*l^2"), SurfaceOptimizer.gd(), MultiStepLR.constant(0.1));
        // 1: ℓ = 2.5: p = (1,2)·(1 − 0.25) = (0.75, 1.5)
        // 2: ℓ = (0.5625 + 2.25)/2 = 1.40625: p = (0.75,1.5)·(1 − 0.140625) = (0.64453125, 1.2890625)
        assertArrayEquals(new double[] {0.75, 1.5}, point(r, 1), 1e-15);
        assertArrayEquals(new double[] {0.64453125, 1.2890625}, point(r, 2), 1e-15);
        double l = (0.64453125 * 0.64453125 + 1.2890625 * 1.2890625) / 2;
        assertArrayEquals(new double[] {0.64453125 * (1 - 0.1 * l), 1.2890625 * (1 - 0.1 * l)}, point(r, 3), 1e-15);
        assertEquals(BOWL.value(r.end()), r.loss(), 0, "the loss reported is the original one");
    }

    @Test
    void adamAsPyTorchWritesIt() {
        Run r = run(Vdm.original(), new SurfaceOptimizer(AdamConfig.adam()), MultiStepLR.constant(0.1));
        double[] p = {1, 2};
        double[] m = {0, 0};
        double[] v = {0, 0};
        for (int t = 1; t <= 3; t++) {
            double[] g = {p[0], p[1]};
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            assertArrayEquals(p, point(r, t), 1e-14, "step " + t);
        }
        // step 1 moves each coordinate by η·g/|g| = 0.1 (up to ε)
        assertArrayEquals(new double[] {0.9, 1.9}, point(r, 1), 1e-8);
    }

    @Test
    void adamWDecaysTheParametersBeforeTheStep() {
        Run r = run(Vdm.original(), new SurfaceOptimizer(AdamConfig.adamW(0.9, 0.999, 1e-8, 0.5)),
                MultiStepLR.constant(0.1));
        // p ← 0.95·p, then Adam's first step moves each coordinate by η·g/(|g| + ε), g = ∇ℓ(1, 2) = (1, 2)
        assertArrayEquals(new double[] {0.95 - 0.1 / (1 + 1e-8), 1.9 - 0.1 * 2 / (2 + 1e-8)}, point(r, 1), 1e-15);
    }

    @Test
    void eachStepIsOneEpochOfTheSchedule() {
        Run r = Simulation.run(BOWL, Vdm.original(), SurfaceOptimizer.gd(), new MultiStepLR(0.1, List.of(2), 0.5), 3,
                START, 0);
        // steps 0 and 1 with η = 0.1, step 2 with η = 0.05
        assertArrayEquals(new double[] {0.81 * 0.95, 1.62 * 0.95}, point(r, 3), 1e-15);
        assertEquals(0.1, r.trajectory().learningRate(1), 0);
        assertEquals(0.05, r.trajectory().learningRate(2), 0);
    }

    @Test
    void describesTheOptimizerInWords() {
        assertEquals("GD", SurfaceOptimizer.gd().describe());
        assertEquals("SGD(momentum=0.9)", SurfaceOptimizer.momentum(0.9).describe());
        assertEquals("SGD(momentum=0.9, nesterov) weight decay 0.1",
                new SurfaceOptimizer(SgdConfig.nesterov(0.9, 0.1)).describe());
        assertEquals("GD weight decay 0.5", new SurfaceOptimizer(new SgdConfig(0, 0, 0.5, false)).describe());
        assertEquals("Adam(betas=(0.9, 0.999), eps=1.0E-8)", new SurfaceOptimizer(AdamConfig.adam()).describe());
        assertEquals("AdamW(betas=(0.9, 0.999), eps=1.0E-8) weight decay 0.01",
                new SurfaceOptimizer(AdamConfig.adamW()).describe());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SurfaceOptimizer.momentum(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new SurfaceOptimizer(null));
    }
}
