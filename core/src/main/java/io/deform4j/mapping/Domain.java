package io.deform4j.mapping;

/**
 * The losses where a mapping is defined: {@code ℓ > lower} (open) or {@code ℓ ≥ lower}
 * (closed); the whole real line when {@code lower} is −∞.
 *
 * @param lower the lower bound
 * @param open whether the bound itself is excluded
 * @param why the condition in words, for error messages (e.g. {@code "exp(l) > e2"})
 */
public record Domain(double lower, boolean open, String why) {

    /** Every real ℓ. */
    public static final Domain REAL_LINE = new Domain(Double.NEGATIVE_INFINITY, true, "every real l");

    /** ℓ ≥ 0, where fractional powers of non-negative quantities live. */
    static Domain nonNegative(String why) {
        return new Domain(0, false, why);
    }

    /** Whether δ is defined at {@code loss}. */
    public boolean contains(double loss) {
        return open ? loss > lower : loss >= lower;
    }

    @Override
    public String toString() {
        return lower == Double.NEGATIVE_INFINITY ? why : "l " + (open ? "> " : ">= ") + lower + " (" + why + ")";
    }
}
