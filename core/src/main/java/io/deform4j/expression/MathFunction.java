package io.deform4j.expression;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The functions an expression may call. {@code log} is the natural logarithm, as in NumPy and
 * PyTorch ({@code torch.log}), and so the same as {@code ln}.
 */
public enum MathFunction {
    ATAN("atan"), LN("ln"), LOG("log"), EXP("exp"), SQRT("sqrt"), TANH("tanh"), SIN("sin"), COS("cos"), ABS("abs");

    private final String symbol;

    MathFunction(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The function called {@code name}, case-insensitively; {@code arctan} is read as atan. */
    public static Optional<MathFunction> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String canonical = lower.equals("arctan") ? "atan" : lower;
        return Arrays.stream(values()).filter(f -> f.symbol.equals(canonical)).findFirst();
    }

    /** The names, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(MathFunction::symbol).collect(Collectors.joining(", "));
    }
}
