package io.deform4j.expression;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A parsed arithmetic expression: a tree evaluated over any {@link Arithmetic}, so the same
 * tree gives values (doubles), exact derivatives (jets) or tensors. Built by
 * {@link ExpressionParser}; {@link #toString()} prints a form the parser reads back to an
 * equal tree.
 */
public sealed interface Expr {

    /**
     * Evaluates the expression.
     *
     * @param arithmetic the number type to evaluate in
     * @param variables the value of each variable by name
     */
    <T> T evaluate(Arithmetic<T> arithmetic, Function<String, T> variables);

    /** The names of the variables the expression uses, sorted. */
    default Set<String> variables() {
        Set<String> names = new TreeSet<>();
        collectVariables(names);
        return names;
    }

    void collectVariables(Set<String> names);

    /** Evaluates an expression without variables as a checked double. */
    default double constantValue() {
        return evaluate(DoubleArithmetic.INSTANCE, name -> {
            throw new IllegalStateException("expression " + this + " uses variable " + name);
        });
    }

    /** A number literal or a named constant; {@code text} is how it was written. */
    record Number(double value, String text) implements Expr {
        @Override
        public <T> T evaluate(Arithmetic<T> arithmetic, Function<String, T> variables) {
            return arithmetic.constant(value);
        }

        @Override
        public void collectVariables(Set<String> names) {
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A variable, looked up by name at evaluation. */
    record Variable(String name) implements Expr {
        @Override
        public <T> T evaluate(Arithmetic<T> arithmetic, Function<String, T> variables) {
            return variables.apply(name);
        }

        @Override
        public void collectVariables(Set<String> names) {
            names.add(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus. */
    record Negation(Expr operand) implements Expr {
        @Override
        public <T> T evaluate(Arithmetic<T> arithmetic, Function<String, T> variables) {
            return arithmetic.negate(operand.evaluate(arithmetic, variables));
        }

        @Override
        public void collectVariables(Set<String> names) {
            operand.collectVariables(names);
        }

        @Override
        public String toString() {
            return "(-" + operand + ")";
        }
    }

    /** A binary operation {@code + - * / ^}. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {
        @Override
        public <T> T evaluate(Arithmetic<T> arithmetic, Function<String, T> variables) {
            T a = left.evaluate(arithmetic, variables);
            if (operator == Operator.POWER && right.variables().isEmpty()) {
                // A constant exponent keeps integer powers of negative bases defined.
                return arithmetic.pow(a, right.constantValue());
            }
            T b = right.evaluate(arithmetic, variables);
            return operator.apply(arithmetic, a, b);
        }

        @Override
        public void collectVariables(Set<String> names) {
            left.collectVariables(names);
            right.collectVariables(names);
        }

        @Override
        public String toString() {
            return "(" + left + operator.symbol() + right + ")";
        }
    }

    /** A call of one of the {@link MathFunction}s. */
    record Call(MathFunction function, Expr argument) implements Expr {
        @Override
        public <T> T evaluate(Arithmetic<T> arithmetic, Function<String, T> variables) {
            return arithmetic.apply(function, argument.evaluate(arithmetic, variables));
        }

        @Override
        public void collectVariables(Set<String> names) {
            argument.collectVariables(names);
        }

        @Override
        public String toString() {
            return function.symbol() + "(" + argument + ")";
        }
    }

    /** The binary operators, with their symbols. */
    enum Operator {
        PLUS('+'), MINUS('-'), TIMES('*'), DIVIDE('/'), POWER('^');

        private final char symbol;

        Operator(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }

        <T> T apply(Arithmetic<T> a, T x, T y) {
            return switch (this) {
                case PLUS -> a.add(x, y);
                case MINUS -> a.subtract(x, y);
                case TIMES -> a.multiply(x, y);
                case DIVIDE -> a.divide(x, y);
                case POWER -> a.pow(x, y);
            };
        }
    }
}
