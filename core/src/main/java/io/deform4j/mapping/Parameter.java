package io.deform4j.mapping;

import java.math.BigDecimal;

/**
 * One coefficient of a mapping family: its value and how it was written ({@code 18/pi}), so
 * that legends and {@code toString()} keep the paper's notation.
 */
record Parameter(double value, String notation) {

    /** A coefficient given as a number; written in its shortest decimal form. */
    static Parameter of(double value) {
        if (!Double.isFinite(value)) {
            return new Parameter(value, Double.toString(value));
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return new Parameter(value, plain.length() <= 20 ? plain : Double.toString(value));
    }

    /** The notation, parenthesised unless it is a plain unsigned number, for use as an operand. */
    String atomicNotation() {
        return notation.matches("[0-9.]+([eE][-+]?[0-9]+)?") ? notation : "(" + notation + ")";
    }
}
