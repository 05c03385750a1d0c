package io.deform4j.expression;

/**
 * The real functions whose domain is not all of ℝ, checked: outside it they throw
 * {@link OutsideDomainException} naming the function and the argument, never NaN.
 */
final class Domains {

    private Domains() {
    }

    static double ln(double a) {
        if (!(a > 0)) {
            throw new OutsideDomainException("ln(" + a + ") is undefined: ln needs a positive argument");
        }
        return StrictMath.log(a);
    }

    static double sqrt(double a) {
        if (!(a >= 0)) {
            throw new OutsideDomainException("sqrt(" + a + ") is undefined: sqrt needs a non-negative argument");
        }
        return StrictMath.sqrt(a);
    }

    static double pow(double base, double exponent) {
        if (base < 0 && exponent != Math.rint(exponent)) {
            throw new OutsideDomainException("(" + base + ")^" + exponent
                    + " is not real: a fractional power needs a non-negative base");
        }
        if (base == 0 && exponent < 0) {
            throw new OutsideDomainException("0^" + exponent + " is undefined: a negative power needs a non-zero base");
        }
        return Math.pow(base, exponent);
    }
}
