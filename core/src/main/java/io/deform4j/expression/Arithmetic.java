package io.deform4j.expression;

/**
 * The operations an expression or a deformation mapping needs, over any number type: plain
 * doubles, second-order jets (exact derivatives by forward-mode automatic differentiation), or
 * tensors of a deep-learning engine. Writing a formula once against this interface gives its
 * value, its exact derivatives and its tensor form from one source.
 *
 * <p>Implementations decide what happens outside a function's domain: the checked double and
 * jet arithmetics throw {@link OutsideDomainException}; a tensor arithmetic follows the engine.
 *
 * @param <T> the number type
 */
public interface Arithmetic<T> {

    /** The constant {@code c} in this number type. */
    T constant(double c);

    T add(T a, T b);

    T subtract(T a, T b);

    T multiply(T a, T b);

    T divide(T a, T b);

    T negate(T a);

    /** {@code base^exponent} for a constant exponent (integer exponents accept negative bases). */
    T pow(T base, double exponent);

    /** {@code base^exponent} where both may vary; a constant exponent may defer to {@link #pow(Object, double)}. */
    T pow(T base, T exponent);

    /** {@code function(a)} for each of the functions an expression may call. */
    T apply(MathFunction function, T a);

    /** {@code c·a}: a convenience built on {@link #multiply}. */
    default T scale(double c, T a) {
        return multiply(constant(c), a);
    }
}
