package io.deform4j.landscape;

/** The operator v ↦ H·v of an explicit symmetric matrix, the reference the instruments are tested against. */
final class DenseHessian {

    private DenseHessian() {
    }

    /** The operator of {@code matrix} (row-major {@code n×n}). */
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
