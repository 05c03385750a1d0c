package io.deform4j.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads arithmetic expressions into {@link Expr} trees.
 *
 * <p>Grammar, lowest precedence first: {@code + -}; {@code * /} and implicit multiplication
 * ({@code 0.5l}, {@code 2pi}, {@code 3(l+1)}); unary minus; {@code ^} (right-associative, so
 * {@code -l^2 = -(l^2)} and {@code 2^3^2 = 2^9}). Numbers in any usual notation ({@code 1},
 * {@code 0.5}, {@code .5}, {@code 1e-3}, {@code 2.5E+2}); constants {@code pi}, {@code e};
 * the functions of {@link MathFunction}. Names are case-insensitive. The typography of the
 * paper is accepted as written: {@code ℓ} for {@code l}, {@code π}, {@code −}, {@code ·},
 * {@code ×}, and superscript digits ({@code ℓ²}).
 */
public final class ExpressionParser {

    private final Set<String> variables;

    /** A parser that accepts the given variable names (lower case). */
    public ExpressionParser(Set<String> variables) {
        this.variables = Set.copyOf(variables);
    }

    /** Parses an expression in the variable {@code l}, the batch loss. */
    public static Expr parseInLoss(String text) {
        return new ExpressionParser(Set.of("l")).parse(text);
    }

    /** Parses an expression without variables and evaluates it, e.g. {@code 18/pi}. */
    public static double parseConstant(String text) {
        Expr expr = new ExpressionParser(Set.of()).parse(text);
        return expr.constantValue();
    }

    /** Parses {@code text}, or throws {@link ParseException} saying where it went wrong. */
    public Expr parse(String text) {
        return new Run(text, tokenize(text)).parseAll();
    }

    private enum Kind { NUMBER, NAME, OPERATOR, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int position) {
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int end = scanNumber(text, i);
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) && c != 'ℓ' && c != 'π') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')
                        && text.charAt(end) != 'ℓ' && text.charAt(end) != 'π') {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end).toLowerCase(Locale.ROOT), i));
                i = end;
            } else if (c == 'ℓ') {
                tokens.add(new Token(Kind.NAME, "l", i++));
            } else if (c == 'π') {
                tokens.add(new Token(Kind.NAME, "pi", i++));
            } else if (c == '²' || c == '³') {
                tokens.add(new Token(Kind.OPERATOR, "^", i));
                tokens.add(new Token(Kind.NUMBER, c == '²' ? "2" : "3", i++));
            } else if ("+-*/^".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i++));
            } else if (c == '−') {
                tokens.add(new Token(Kind.OPERATOR, "-", i++));
            } else if (c == '·' || c == '×') {
                tokens.add(new Token(Kind.OPERATOR, "*", i++));
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else {
                throw new ParseException(text, i, "unexpected character '" + c + "'");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    /** End of the number starting at {@code start}: digits, an optional fraction and exponent. */
    private static int scanNumber(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    /** One pass of recursive descent over a token list. */
    private final class Run {
        private final String text;
        private final List<Token> tokens;
        private int next;

        Run(String text, List<Token> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Expr parseAll() {
            if (peek().kind() == Kind.END) {
                throw new ParseException(text, 0, "empty expression");
            }
            Expr expr = sum();
            Token rest = peek();
            if (rest.kind() != Kind.END) {
                throw new ParseException(text, rest.position(),
                        rest.kind() == Kind.CLOSE ? "unbalanced ')'" : "unexpected '" + rest.text() + "'");
            }
            return expr;
        }

        private Token peek() {
            return tokens.get(next);
        }

        private boolean takeOperator(String symbol) {
            Token t = peek();
            if (t.kind() == Kind.OPERATOR && t.text().equals(symbol)) {
                next++;
                return true;
            }
            return false;
        }

        private Expr sum() {
            Expr left = product();
            while (true) {
                if (takeOperator("+")) {
                    left = new Expr.Binary(Expr.Operator.PLUS, left, product());
                } else if (takeOperator("-")) {
                    left = new Expr.Binary(Expr.Operator.MINUS, left, product());
                } else {
                    return left;
                }
            }
        }

        private Expr product() {
            Expr left = unary();
            while (true) {
                if (takeOperator("*")) {
                    left = new Expr.Binary(Expr.Operator.TIMES, left, unary());
                } else if (takeOperator("/")) {
                    left = new Expr.Binary(Expr.Operator.DIVIDE, left, unary());
                } else if (peek().kind() == Kind.NAME || peek().kind() == Kind.OPEN) {
                    left = new Expr.Binary(Expr.Operator.TIMES, left, unary()); // implicit: 0.5l, 2pi
                } else {
                    return left;
                }
            }
        }

        private Expr unary() {
            if (takeOperator("-")) {
                Expr operand = unary();
                return operand instanceof Expr.Number n
                        ? new Expr.Number(-n.value(), "-" + n.text())
                        : new Expr.Negation(operand);
            }
            if (takeOperator("+")) {
                return unary();
            }
            return power();
        }

        private Expr power() {
            Expr base = primary();
            if (takeOperator("^")) {
                return new Expr.Binary(Expr.Operator.POWER, base, unary());
            }
            return base;
        }

        private Expr primary() {
            Token t = peek();
            switch (t.kind()) {
                case NUMBER -> {
                    next++;
                    return new Expr.Number(Double.parseDouble(t.text()), t.text());
                }
                case OPEN -> {
                    next++;
                    Expr inner = sum();
                    expectClose(t);
                    return inner;
                }
                case NAME -> {
                    next++;
                    return named(t);
                }
                case END -> throw new ParseException(text, t.position(), "unexpected end: expected a number, name or '('");
                default -> throw new ParseException(text, t.position(),
                        "unexpected '" + t.text() + "': expected a number, name or '('");
            }
        }

        private Expr named(Token name) {
            if (peek().kind() == Kind.OPEN) {
                MathFunction function = MathFunction.named(name.text()).orElseThrow(() -> new ParseException(text,
                        name.position(), "unknown function '" + name.text() + "' (known: " + MathFunction.names() + ")"));
                Token open = tokens.get(next++);
                Expr argument = sum();
                expectClose(open);
                return new Expr.Call(function, argument);
            }
            if (variables.contains(name.text())) {
                return new Expr.Variable(name.text());
            }
            return switch (name.text()) {
                case "pi" -> new Expr.Number(Math.PI, "pi");
                case "e" -> new Expr.Number(Math.E, "e");
                default -> throw new ParseException(text, name.position(), "unknown name '" + name.text()
                        + "' (variables: " + (variables.isEmpty() ? "none here" : String.join(", ", variables.stream().sorted().toList()))
                        + "; constants: pi, e; functions take an argument in parentheses: " + MathFunction.names() + ")");
            };
        }

        private void expectClose(Token open) {
            Token t = peek();
            if (t.kind() != Kind.CLOSE) {
                throw new ParseException(text, t.position(), (t.kind() == Kind.END ? "missing ')'" : "expected ')'")
                        + " (the '(' at position " + (open.position() + 1) + " is not closed)");
            }
            next++;
        }
    }
}
