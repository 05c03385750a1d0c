package io.deform4j.mapping;

import io.deform4j.expression.Arithmetic;

/**
 * A vertical deformation mapping (VDM, Definition 2 of the paper): a scalar function δ applied
 * to the batch loss ℓ, so that training minimises δ(ℓ) instead of ℓ while the parameters stay
 * as they are. Its gradient is δ'(ℓ)·∇ℓ and, at a critical point, its Hessian is δ'(ℓ)·H
 * (Theorem 1): δ' &gt; 1 makes the surface steeper, δ' &lt; 1 flatter. A VDM needs δ' ≥ 0 for
 * ℓ ≥ 0.
 *
 * <p>Values and derivatives are exact (closed forms or forward-mode automatic differentiation)
 * and checked: outside the {@link #domain()} they throw
 * {@link io.deform4j.expression.OutsideDomainException} naming the mapping, ℓ and the bound,
 * never NaN. {@link #apply(Object, Arithmetic)} evaluates δ in any number type, which is how
 * the training engine applies it to a loss tensor.
 *
 * <p>Create mappings with {@link #parse(String)}: {@code AP(18/pi,1,2,1)}, {@code LE(1,0.99)},
 * {@code 0.5*l^2}, {@code original}, {@code expr:ln(exp(l)-0.9)}.
 */
public interface Vdm {

    /** δ(ℓ). */
    double value(double loss);

    /** δ'(ℓ), the factor that scales the gradient. */
    double derivative(double loss);

    /** δ''(ℓ). */
    double secondDerivative(double loss);

    /** Where δ is defined. */
    Domain domain();

    /** δ evaluated in any number type (doubles, jets, tensors); no domain check beyond the arithmetic's own. */
    <T> T apply(T loss, Arithmetic<T> arithmetic);

    /** The paper's notation, which {@link #parse(String)} reads back to an equal mapping. */
    @Override
    String toString();

    /** The identity δ(ℓ) = ℓ: the original, undeformed model. */
    static Vdm original() {
        return Identity.INSTANCE;
    }

    /**
     * Reads a mapping in the paper's notation, case-insensitively; see {@link VdmParser}.
     *
     * @throws IllegalArgumentException with the position of the problem, or the parameter out
     *     of range, or where δ' &lt; 0
     */
    static Vdm parse(String spec) {
        return VdmParser.parse(spec);
    }
}
