package io.deform4j.landscape;

/**
 * A symmetric linear operator v ↦ H·v on flat vectors of a fixed dimension, usually the Hessian of
 * a loss with respect to a network's parameters.
 */
public interface HessianVectorProduct {

    /** The dimension n of the vectors. */
    int dimension();

    /** H·v for a vector of length {@link #dimension()}; must not modify {@code v}. */
    double[] apply(double[] v);

    /** The operator of an explicit symmetric matrix (row-major {@code n×n}), for tests and small problems. */
    static HessianVectorProduct of(double[][] matrix) {
        int n = matrix.length;
        for (double[] row : matrix) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix must be square, got a row of " + row.length + " in " + n + " rows");
            }
        }
        return new HessianVectorProduct() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double[] apply(double[] v) {
                Vectors.requireLength(v, n);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Vectors.dot(matrix[i], v);
                }
                return out;
            }
        };
    }
}
