package io.deform4j.expression;

/**
 * A function was evaluated where it is not defined (the logarithm of a non-positive number, a
 * fractional power of a negative one, …). Thrown instead of returning NaN, so that a bad value
 * never travels silently.
 */
public class OutsideDomainException extends IllegalArgumentException {

    public OutsideDomainException(String message) {
        super(message);
    }
}
