package io.deform4j.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/** Power iteration and Hutchinson on explicit symmetric matrices, without the engine. */
class HessianMathTest {

    /** Q·diag(λ)·Qᵀ for a random orthogonal Q. */
    static double[][] withSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        Random random = new Random(seed);
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        var q = new org.apache.commons.math3.linear.QRDecomposition(MatrixUtils.createRealMatrix(a)).getQ();
        return q.multiply(MatrixUtils.createRealDiagonalMatrix(lambda)).multiply(q.transpose()).getData();
    }

    @Test
    void powerIterationFindsTheTopEigenvaluesInDescendingOrder() {
        double[] lambda = {50, 20, 10, 5, 3, 2, 1, 0.5, 0.1, -0.2};
        HessianVectorProduct h = DenseHessian.of(withSpectrum(lambda, 1));
        PowerIteration.Result r = new PowerIteration(3, 1000, 1e-10, 7).run(h);
        assertThat(r.eigenvalues()).containsExactly(new double[] {50, 20, 10}, within(1e-6));
        for (int i = 0; i < 3; i++) {
            assertThat(r.converged()[i]).isTrue();
            double[] hv = h.apply(r.eigenvectors().get(i));
            double[] residual = Vectors.plus(hv, -r.eigenvalues()[i], r.eigenvectors().get(i));
            assertThat(Vectors.norm(residual)).isLessThan(1e-3);
        }
        assertThat(r.products()).isEqualTo(Arrays.stream(r.iterations()).sum());
    }

    @Test
    void powerIterationAgreesWithADenseDecompositionOnARandomMatrix() {
        Random random = new Random(3);
        int n = 30;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian() + (i == j ? 0.5 * i : 0);
            }
        }
        double[] dense = new EigenDecomposition(MatrixUtils.createRealMatrix(a)).getRealEigenvalues();
        Arrays.sort(dense);
        PowerIteration.Result r = new PowerIteration(2, 5000, 1e-12, 1).run(DenseHessian.of(a));
        assertThat(r.eigenvalues()[0]).isCloseTo(dense[n - 1], within(1e-6 * Math.abs(dense[n - 1])));
        assertThat(r.eigenvalues()[1]).isCloseTo(dense[n - 2], within(1e-6 * Math.abs(dense[n - 1])));
    }

    @Test
    void powerIterationStopsAtTheCapAndSaysSo() {
        double[] lambda = {1.0, 0.999, 0.5};
        PowerIteration.Result r = new PowerIteration(1, 3, 0, 1).run(DenseHessian.of(withSpectrum(lambda, 2)));
        assertThat(r.iterations()[0]).isEqualTo(3);
        assertThat(r.converged()[0]).isFalse();
    }

    @Test
    void hutchinsonIsExactForADiagonalMatrixAndUnbiasedOtherwise() {
        double[][] diagonal = new double[5][5];
        for (int i = 0; i < 5; i++) {
            diagonal[i][i] = i + 1;
        }
        Hutchinson.Estimate exact = new Hutchinson(20, 20, 0, 1).run(DenseHessian.of(diagonal));
        assertThat(exact.mean()).isCloseTo(15, within(1e-12));
        assertThat(exact.stderr()).isCloseTo(0, within(1e-12));
        assertThat(exact.samples()).isEqualTo(20);

        double[] lambda = {4, 3, 2, 1, 0.5, -1};
        Hutchinson.Estimate estimate = new Hutchinson(4000, 4000, 0, 5).run(DenseHessian.of(withSpectrum(lambda, 4)));
        assertThat(estimate.mean()).isCloseTo(9.5, within(4 * estimate.stderr()));
        assertThat(estimate.stderr()).isGreaterThan(0).isLessThan(0.2);
    }

    @Test
    void hutchinsonStopsEarlyAtTheTolerance() {
        Hutchinson.Estimate e = new Hutchinson(1000, 10, 0.5, 1).run(DenseHessian.of(withSpectrum(new double[] {3, 2, 1}, 1)));
        assertThat(e.samples()).isBetween(10, 999);
    }

    @Test
    void badSettingsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> new PowerIteration(0, 10, 1e-3, 1)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new PowerIteration(1, 10, -1, 1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new Hutchinson(5, 6, 0, 1)).hasMessageContaining("6");
        assertThatThrownBy(() -> new PowerIteration(4, 10, 0, 1).run(DenseHessian.of(new double[3][3])))
                .hasMessageContaining("exceeds the dimension 3");
    }

    @Test
    void rademacherVectorsAreSignsFromTheSeed() {
        double[] a = Vectors.rademacher(100, new Random(9));
        assertThat(a).containsOnly(1.0, -1.0);
        assertThat(Vectors.rademacher(100, new Random(9))).containsExactly(a);
    }
}
