package io.deform4j.landscape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The top eigenvalues of a symmetric operator by power iteration with deflation, as PyHessian's
 * {@code hessian.eigenvalues(maxIter, tol, top_n)} computes them.
 *
 * <pre>
 * for i in 1..k:
 *     v ← normalise(N(0, I))                       (from the seed)
 *     λ ← none
 *     repeat at most maxIterations times:
 *         v ← normalise(v − Σ_{j&lt;i} (v·u_j) u_j)  (deflation: stay orthogonal to the pairs found)
 *         w ← H·v;  λ' ← v·w;  v ← normalise(w)
 *         stop if λ is set and |λ − λ'| / (|λ| + 1e-6) &lt; tolerance
 *         λ ← λ'
 *     (λ_i, u_i) ← (λ', v)
 * </pre>
 *
 * <p>Power iteration converges to the eigenvalues of largest <em>magnitude</em>; at a minimum of a
 * trained network these are the largest positive ones. The result lists them in descending order.
 * Each iteration costs one Hessian-vector product.
 *
 * @param topK          how many eigenvalues, ≥ 1 ({@value #DEFAULT_TOP_K} by default)
 * @param maxIterations iteration cap per eigenvalue, ≥ 1 (PyHessian's default {@value #DEFAULT_MAX_ITERATIONS})
 * @param tolerance     relative change that stops the iteration, ≥ 0 (PyHessian's default {@value #DEFAULT_TOLERANCE})
 * @param seed          seed of the starting vectors
 */
public record PowerIteration(int topK, int maxIterations, double tolerance, long seed) {

    /** Default number of eigenvalues. */
    public static final int DEFAULT_TOP_K = 1;
    /** Default iteration cap (PyHessian: 100). */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /** Default relative tolerance (PyHessian: 1e-3). */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    public PowerIteration {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be >= 1, got " + topK);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max-iterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
        }
    }

    /**
     * The eigenpairs found.
     *
     * @param eigenvalues  descending
     * @param eigenvectors unit vectors, in the order of {@code eigenvalues}
     * @param iterations   iterations (= Hessian-vector products) spent on each, in the order of {@code eigenvalues}
     * @param converged    whether each met the tolerance before the cap
     */
    public record Result(double[] eigenvalues, List<double[]> eigenvectors, int[] iterations, boolean[] converged) {

        /** Hessian-vector products spent in all. */
        public int products() {
            return Arrays.stream(iterations).sum();
        }
    }

    /** Runs the iteration on {@code hessian}. */
    public Result run(HessianVectorProduct hessian) {
        int n = hessian.dimension();
        if (topK > n) {
            throw new IllegalArgumentException("top-k " + topK + " exceeds the dimension " + n);
        }
        Random random = new Random(seed);
        List<double[]> vectors = new ArrayList<>();
        double[] values = new double[topK];
        int[] iterations = new int[topK];
        boolean[] converged = new boolean[topK];
        for (int i = 0; i < topK; i++) {
            double[] v = Vectors.normalize(Vectors.gaussian(n, random));
            Double previous = null;
            double current = 0;
            int it = 0;
            while (it < maxIterations) {
                Vectors.normalize(Vectors.orthogonalize(v, vectors));
                double[] w = hessian.apply(v);
                it++;
                current = Vectors.dot(v, w);
                double norm = Vectors.norm(w);
                if (norm == 0) {
                    converged[i] = true; // v lies in the null space: λ = 0 exactly
                    break;
                }
                for (int j = 0; j < n; j++) {
                    v[j] = w[j] / norm;
                }
                if (previous != null && Math.abs(previous - current) / (Math.abs(previous) + 1e-6) < tolerance) {
                    converged[i] = true;
                    break;
                }
                previous = current;
            }
            Vectors.normalize(Vectors.orthogonalize(v, vectors));
            vectors.add(v);
            values[i] = current;
            iterations[i] = it;
        }
        return sortDescending(values, vectors, iterations, converged);
    }

    private static Result sortDescending(double[] values, List<double[]> vectors, int[] iterations, boolean[] converged) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[] v = new double[values.length];
        int[] it = new int[values.length];
        boolean[] c = new boolean[values.length];
        List<double[]> u = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            v[i] = values[order[i]];
            it[i] = iterations[order[i]];
            c[i] = converged[order[i]];
            u.add(vectors.get(order[i]));
        }
        return new Result(v, List.copyOf(u), it, c);
    }
}
