package io.deform4j.simulation;

import io.deform4j.expression.Jet2;
import io.deform4j.mapping.Vdm;

/**
 * The deformed surface δ(ℓ(p)) in terms of the original one, by the chain rule:
 * <pre>
 * ∇δ(ℓ)  = δ'(ℓ)·∇ℓ
 * ∇²δ(ℓ) = δ'(ℓ)·H + δ''(ℓ)·∇ℓ∇ℓᵀ
 * </pre>
 * Theorem 1 of the paper states Ȟ = δ'(ℓ)·H, hence λ(Ȟ) = δ'(ℓ)·λ(H). Its proof drops the
 * second term, so the statement holds where ∇ℓ = 0 (at critical points, which is where the
 * paper compares flatness) or where δ'' = 0; elsewhere the rank-one term δ''·∇ℓ∇ℓᵀ changes the
 * spectrum. {@link #deform} gives the correct Hessian; {@link #theorem1Hessian} gives the
 * paper's, for comparison.
 */
public final class Deformation {

    private Deformation() {
    }

    /**
     * The value, gradient and exact Hessian of δ(ℓ) from those of ℓ.
     *
     * @throws io.deform4j.expression.OutsideDomainException if ℓ is outside δ's domain
     */
    public static Jet2 deform(Vdm vdm, Jet2 loss) {
        double l = loss.value();
        return loss.compose(vdm.value(l), vdm.derivative(l), vdm.secondDerivative(l));
    }

    /** The paper's Ȟ = δ'(ℓ)·H as {@code [[h11, h12], [h12, h22]]}: exact only where ∇ℓ = 0. */
    public static double[][] theorem1Hessian(Vdm vdm, Jet2 loss) {
        double d = vdm.derivative(loss.value());
        return new double[][] {{d * loss.h11(), d * loss.h12()}, {d * loss.h12(), d * loss.h22()}};
    }
}
