package io.deform4j.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.deform4j.data.Batch;
import io.deform4j.model.MemoryFormat;
import io.deform4j.train.EvalSet;
import io.deform4j.train.Evaluator;
import io.deform4j.train.Metrics;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Hessian instruments on a 43-parameter tanh MLP in float64, against a dense Hessian built
 * by second differences of an independent pure-Java loss.
 *
 * <p>Tolerances: the reference is accurate to ~1e-7 absolute (h = 1e-4 in double); the
 * finite-difference HVP in float64 (relative step 1e-6) to ~1e-8 relative (measured: the two
 * Hessians differ by 5e-8·max|λ|). Entries, dense eigenvalues and the trace on the same Rademacher
 * vectors are compared at 1e-6·max|λ|; power-iteration eigenvalues (tolerance 1e-9) at 1e-5·max|λ|;
 * Hutchinson's mean against the exact trace within 4 standard errors; float32 products within
 * 5e-3 relative (4e-5 measured).
 */
class HessianEngineTest {

    static NDManager manager;
    static Block block;
    static FlatParameters parameters;
    static Evaluator evaluator;
    static LossGradient gradient;
    static List<Batch> batches = TinyNet.data(20, 8, 11);
    static EvalSet data = EvalSet.of("train", batches);
    static double[] theta = TinyNet.parameters(5);
    static double[][] dense;
    static double scale;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        block = TinyNet.block(manager, DataType.FLOAT64);
        parameters = new FlatParameters(block);
        parameters.set(theta);
        evaluator = new Evaluator(block, manager, MemoryFormat.CONTIGUOUS);
        gradient = new LossGradient(evaluator, parameters);
        dense = TinyNet.denseHessian(theta, batches, 1e-4);
        scale = Arrays.stream(eigenvalues(dense)).map(Math::abs).max().orElseThrow();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    static double[] eigenvalues(double[][] m) {
        return new EigenDecomposition(MatrixUtils.createRealMatrix(m)).getRealEigenvalues();
    }

    @Test
    void layoutFollowsTheBlockAndTheLossMatchesThePureJavaLoss() {
        assertThat(parameters.dimension()).isEqualTo(TinyNet.DIMENSION);
        assertThat(parameters.layout().tensors()).extracting(t -> Arrays.toString(t.shape()))
                .containsExactly("[5, 4]", "[5]", "[3, 5]", "[3]");
        assertThat(parameters.get()).containsExactly(theta, within(1e-15));
        assertThat(evaluator.evaluate(data).loss()).isCloseTo(TinyNet.loss(theta, batches), within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheLoss() {
        double[] g = gradient.at(data);
        double[] again = gradient.at(data); // gradients do not accumulate across calls
        for (int i = 0; i < theta.length; i++) {
            double[] p = theta.clone();
            double[] m = theta.clone();
            p[i] += 1e-6;
            m[i] -= 1e-6;
            double fd = (TinyNet.loss(p, batches) - TinyNet.loss(m, batches)) / 2e-6;
            assertThat(g[i]).as("∂L/∂θ_" + i).isCloseTo(fd, within(1e-8));
            assertThat(again[i]).isEqualTo(g[i]);
        }
    }

    @Test
    void hessianBuiltColumnByColumnFromProductsMatchesTheDenseHessian() {
        FiniteDifferenceHvp hvp = new FiniteDifferenceHvp(parameters, gradient, data, 0);
        int n = theta.length;
        double[][] columns = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            columns[j] = hvp.apply(e);
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                max = Math.max(max, Math.abs(columns[j][i] - dense[i][j]));
            }
        }
        System.out.printf("float64 Hessian from products vs second differences: max entry difference %.2e of max|λ| %.3g%n",
                max / scale, scale);
        assertThat(max).as("max |H_hvp − H_dense|").isLessThan(1e-6 * scale);
        double[] a = eigenvalues(columns);
        double[] b = eigenvalues(dense);
        Arrays.sort(a);
        Arrays.sort(b);
        assertThat(a).containsExactly(b, within(1e-6 * scale));
        assertThat(parameters.get()).as("θ restored").containsExactly(theta, within(0.0));
        assertThat(hvp.products()).isEqualTo(n);
    }

    @Test
    void powerIterationAndHutchinsonAgreeWithTheDenseSpectrum() {
        FiniteDifferenceHvp hvp = new FiniteDifferenceHvp(parameters, gradient, data, 0);
        PowerIteration.Result top = new PowerIteration(3, 2000, 1e-9, 1).run(hvp);
        double[] expected = Arrays.stream(eigenvalues(dense)).boxed()
                .sorted(Comparator.comparingDouble((Double v) -> -Math.abs(v))).limit(3)
                .sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
        assertThat(top.eigenvalues()).containsExactly(expected, within(1e-5 * scale));

        Hutchinson hutchinson = new Hutchinson(200, 200, 0, 3);
        Hutchinson.Estimate estimate = hutchinson.run(hvp);
        double trace = IntStream.range(0, dense.length).mapToDouble(i -> dense[i][i]).sum();
        assertThat(estimate.mean()).isCloseTo(trace, within(4 * estimate.stderr()));
        // Same seed, same Rademacher vectors: the estimate on the dense matrix agrees to HVP accuracy.
        assertThat(estimate.mean()).isCloseTo(hutchinson.run(DenseHessian.of(dense)).mean(), within(1e-6 * scale));
    }

    @Test
    void float32ProductsHaveTheDocumentedAccuracy() {
        try (NDManager m32 = NDManager.newBaseManager()) {
            Block b32 = TinyNet.block(m32, DataType.FLOAT32);
            FlatParameters p32 = new FlatParameters(b32);
            p32.set(theta);
            Evaluator e32 = new Evaluator(b32, m32, MemoryFormat.CONTIGUOUS);
            FiniteDifferenceHvp hvp = new FiniteDifferenceHvp(p32, new LossGradient(e32, p32), data, 0);
            HessianVectorProduct exact = DenseHessian.of(dense);
            Random random = new Random(1);
            double worst = 0;
            for (int k = 0; k < 5; k++) {
                double[] v = Vectors.gaussian(theta.length, random);
                double[] approx = hvp.apply(v);
                double[] reference = exact.apply(v);
                double error = Vectors.norm(Vectors.plus(approx, -1, reference)) / Vectors.norm(reference);
                assertThat(error).as("relative error of H·v in float32").isLessThan(5e-3);
                worst = Math.max(worst, error);
            }
            System.out.printf("float32 finite-difference H·v: worst relative error %.2e over 5 vectors%n", worst);
        }
    }

    @Test
    void curveAtZeroIsThePlainEvaluationAndThetaIsRestored() {
        Metrics plain = evaluator.evaluate(data);
        double[] d = Directions.filterNormalized(parameters.layout(), theta, 1, false);
        LossCurve.Result curve = LossCurve.scan("tiny", evaluator, parameters, d, new Grid(-1, 1, 5), data, data, null);
        assertThat(curve.points()).hasSize(5);
        LossCurve.Point zero = curve.points().get(2);
        assertThat(zero.alpha()).isEqualTo(0.0);
        assertThat(zero.train()).isEqualTo(plain);
        assertThat(zero.test()).isEqualTo(plain);
        assertThat(curve.points().get(0).train().loss()).isCloseTo(TinyNet.loss(Vectors.plus(theta, -1, d), batches), within(1e-12));
        assertThat(parameters.get()).containsExactly(theta, within(0.0));
        assertThat(curve.images()).isEqualTo(5 * 2 * 20);
    }
}
