package io.deform4j.landscape;

import java.util.List;
import java.util.Random;

/** Small dense vector operations on {@code double[]}, the currency of the Hessian maths. */
public final class Vectors {

    private Vectors() {
    }

    /** The inner product a·b. */
    public static double dot(double[] a, double[] b) {
        requireLength(b, a.length);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The Euclidean norm ‖a‖. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y ← y + c·x, in place; returns y. */
    public static double[] axpy(double c, double[] x, double[] y) {
        requireLength(x, y.length);
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
        return y;
    }

    /** a + c·b as a new vector. */
    public static double[] plus(double[] a, double c, double[] b) {
        return axpy(c, b, a.clone());
    }

    /** a / ‖a‖ in place (PyHessian adds 1e-6 to the norm; we do not, and reject a zero vector). */
    public static double[] normalize(double[] a) {
        double n = norm(a);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new ArithmeticException("cannot normalise a vector of norm " + n);
        }
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
        return a;
    }

    /** Removes from {@code v}, in place, its components along the orthonormal {@code basis} (Gram–Schmidt). */
    public static double[] orthogonalize(double[] v, List<double[]> basis) {
        for (double[] b : basis) {
            axpy(-dot(v, b), b, v);
        }
        return v;
    }

    /**
     * A vector of independent standard normal entries from {@link Random#nextGaussian}, whose
     * algorithm the JDK specifies: the same seed gives the same vector on every JVM.
     */
    public static double[] gaussian(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** A Rademacher vector: entries ±1 with probability ½ each. */
    public static double[] rademacher(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        return v;
    }

    static void requireLength(double[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException("vector of length " + v.length + ", expected " + n);
        }
    }
}
