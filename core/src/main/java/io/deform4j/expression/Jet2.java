package io.deform4j.expression;

import static io.deform4j.expression.ForwardModeArithmetic.product;

/**
 * A second-order Taylor expansion of a function of two variables,
 * {@code f(p+h) ≈ value + gᵀh + ½hᵀHh}: the number type of second-order forward-mode
 * automatic differentiation in {@code (p1, p2)}. Evaluating an expression over
 * {@link Jet2Arithmetic} gives its value, exact gradient and exact Hessian in one pass.
 *
 * @param value f(p)
 * @param g1 ∂f/∂p1
 * @param g2 ∂f/∂p2
 * @param h11 ∂²f/∂p1²
 * @param h12 ∂²f/∂p1∂p2 (the Hessian is symmetric)
 * @param h22 ∂²f/∂p2²
 */
public record Jet2(double value, double g1, double g2, double h11, double h12, double h22) {

    /** The variable p1 at {@code x}: gradient (1, 0), Hessian 0. */
    public static Jet2 p1(double x) {
        return new Jet2(x, 1, 0, 0, 0, 0);
    }

    /** The variable p2 at {@code y}: gradient (0, 1), Hessian 0. */
    public static Jet2 p2(double y) {
        return new Jet2(y, 0, 1, 0, 0, 0);
    }

    /** A constant: gradient and Hessian 0. */
    public static Jet2 constant(double c) {
        return new Jet2(c, 0, 0, 0, 0, 0);
    }

    /** The gradient {@code [∂f/∂p1, ∂f/∂p2]}. */
    public double[] gradient() {
        return new double[] {g1, g2};
    }

    /** The Hessian as a symmetric 2×2 matrix. */
    public double[][] hessian() {
        return new double[][] {{h11, h12}, {h12, h22}};
    }

    /** The eigenvalues of the Hessian, {@code [λ_min, λ_max]}; see {@link #eigenvalues}. */
    public double[] hessianEigenvalues() {
        return eigenvalues(h11, h12, h22);
    }

    /** Whether the value, gradient and Hessian are all finite. */
    public boolean isFinite() {
        return Double.isFinite(value) && Double.isFinite(g1) && Double.isFinite(g2)
                && Double.isFinite(h11) && Double.isFinite(h12) && Double.isFinite(h22);
    }

    /**
     * Eigenvalues of the symmetric matrix {@code [[a, b], [b, c]]} in closed form,
     * {@code (a+c)/2 ∓ hypot((a−c)/2, b)}, returned as {@code [λ_min, λ_max]}.
     */
    public static double[] eigenvalues(double a, double b, double c) {
        double mean = 0.5 * (a + c);
        double radius = Math.hypot(0.5 * (a - c), b);
        return new double[] {mean - radius, mean + radius};
    }

    /** {@link #compose(double, double, double)} with φ's value and derivatives from the table of elementary functions. */
    Jet2 compose(Elementary.Local phi) {
        return compose(phi.value(), phi.first(), phi.second());
    }

    /**
     * The chain rule for {@code φ(this)} given φ, φ', φ'' at {@link #value()} (a mapping δ, say):
     * {@code ∇(φ∘f) = φ'·∇f} and {@code ∇²(φ∘f) = φ'·∇²f + φ''·∇f∇fᵀ}. Products with a zero
     * factor are zero, so that an infinite φ' or φ'' does not turn a constant into NaN.
     */
    public Jet2 compose(double phi, double dphi, double d2phi) {
        return new Jet2(phi, product(dphi, g1), product(dphi, g2),
                product(dphi, h11) + product(d2phi, g1 * g1),
                product(dphi, h12) + product(d2phi, g1 * g2),
                product(dphi, h22) + product(d2phi, g2 * g2));
    }
}
