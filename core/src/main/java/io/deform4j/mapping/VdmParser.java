package io.deform4j.mapping;

import io.deform4j.expression.Expr;
import io.deform4j.expression.ExpressionParser;
import io.deform4j.expression.MathFunction;
import io.deform4j.expression.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads mappings in the paper's notation, case-insensitively, spaces anywhere:
 * <ul>
 *   <li>{@code AP(a1,a2,a3,a4)} and {@code LE(e1,e2)}, coefficients with arithmetic
 *       ({@code AP(18/pi,1,2,1)}, {@code AP (18/π, 1, 2, 1)});</li>
 *   <li>the power family {@code c*l^k}: {@code 0.5*l^2}, {@code 0.5l^2}, {@code 0.5ℓ²};</li>
 *   <li>{@code original} or {@code identity}: the undeformed model;</li>
 *   <li>{@code expr:<expression in l>}: any user-defined δ (see {@link ExpressionParser}); a bare
 *       expression in {@code l} that is not of the power form is read the same way.</li>
 * </ul>
 * Every mapping is then checked to be a VDM: δ' ≥ 0 on ℓ ∈ [0, 50] where δ is defined.
 */
public final class VdmParser {

    /** The prefix of a user-defined mapping. */
    public static final String EXPRESSION_PREFIX = "expr:";

    private static final Pattern FAMILY = Pattern.compile("\\s*([A-Za-z]+)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
    private static final Pattern FAMILY_START = Pattern.compile("\\s*([A-Za-z]+)\\s*\\(.*", Pattern.DOTALL);
    private static final String KNOWN = "AP(a1,a2,a3,a4), LE(e1,e2), c*l^k, original, expr:<expression in l>";

    private VdmParser() {
    }

    /** See the class comment; throws {@link IllegalArgumentException} saying what and where. */
    public static Vdm parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty mapping: expected one of " + KNOWN);
        }
        Vdm vdm = read(spec.strip());
        Monotonicity.require(vdm);
        return vdm;
    }

    private static Vdm read(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("original") || lower.equals("identity")) {
            return Vdm.original();
        }
        if (lower.startsWith(EXPRESSION_PREFIX)) {
            return new ExpressionVdm(spec.substring(EXPRESSION_PREFIX.length()));
        }
        Matcher family = FAMILY.matcher(spec);
        if (family.matches() && MathFunction.named(family.group(1)).isEmpty()) {
            String name = family.group(1).toUpperCase(Locale.ROOT);
            List<Parameter> args = arguments(spec, family.start(2), family.group(2));
            return switch (name) {
                case "AP" -> {
                    requireCount(spec, "AP(a1,a2,a3,a4)", 4, args);
                    yield new ArctanPower(args.get(0), args.get(1), args.get(2), args.get(3));
                }
                case "LE" -> {
                    requireCount(spec, "LE(e1,e2)", 2, args);
                    yield new LogExp(args.get(0), args.get(1));
                }
                default -> throw new ParseException(spec, family.start(1),
                        "unknown mapping family '" + family.group(1) + "' (known: " + KNOWN + ")");
            };
        }
        Matcher start = FAMILY_START.matcher(spec);
        if (start.matches() && MathFunction.named(start.group(1)).isEmpty() && !spec.strip().endsWith(")")) {
            throw new ParseException(spec, spec.length(), "missing ')' to close '" + start.group(1) + "('");
        }
        Expr expr = ExpressionParser.parseInLoss(spec);
        return asPower(expr).orElseGet(() -> new ExpressionVdm(spec));
    }

    /** {@code c*l^k} or {@code l^k} with constant c and k, as the power family. */
    private static java.util.Optional<Vdm> asPower(Expr expr) {
        Expr coefficient = new Expr.Number(1, "1");
        Expr power = expr;
        if (expr instanceof Expr.Binary b && b.operator() == Expr.Operator.TIMES && b.left().variables().isEmpty()) {
            coefficient = b.left();
            power = b.right();
        }
        if (power instanceof Expr.Binary p && p.operator() == Expr.Operator.POWER
                && p.left() instanceof Expr.Variable && p.right().variables().isEmpty()) {
            return java.util.Optional.of(new Power(parameter(coefficient), parameter(p.right())));
        }
        return java.util.Optional.empty();
    }

    private static Parameter parameter(Expr constant) {
        return new Parameter(constant.constantValue(), stripOuterParentheses(constant.toString()));
    }

    private static String stripOuterParentheses(String s) {
        return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
    }

    /** Splits at top-level commas and evaluates each coefficient; errors point into {@code spec}. */
    private static List<Parameter> arguments(String spec, int offset, String inside) {
        List<Parameter> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= inside.length(); i++) {
            char c = i < inside.length() ? inside.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(argument(spec, offset + start, inside.substring(start, i)));
                start = i + 1;
            }
        }
        return args;
    }

    private static Parameter argument(String spec, int offset, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new ParseException(spec, offset, "missing coefficient");
        }
        try {
            return new Parameter(ExpressionParser.parseConstant(trimmed), trimmed.replace(" ", ""));
        } catch (ParseException e) {
            int lead = text.indexOf(trimmed.charAt(0));
            throw new ParseException(spec, offset + lead + e.position(), firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message);
        int at = line.lastIndexOf(" at position ");
        return at < 0 ? line : line.substring(0, at);
    }

    private static void requireCount(String spec, String form, int count, List<Parameter> args) {
        if (args.size() != count) {
            throw new IllegalArgumentException("'" + spec + "': " + form + " needs " + count
                    + " coefficients, got " + args.size());
        }
    }
}
