package io.deform4j.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deform4j.expression.DoubleArithmetic;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family against formulas written out here independently of the implementation, and
 * against central finite differences of δ: at 25 points of its domain each.
 *
 * <p>Tolerances: closed forms agree to 1e-12 relative (same formula, rounding only).
 * δ' against (δ(ℓ+h) − δ(ℓ−h))/2h with h = 1e-5: truncation h²·δ'''/6 ≈ 1e-10 plus rounding
 * ε·δ/h ≈ 1e-11, so 1e-6 relative leaves a wide margin and still catches any wrong formula.
 * δ'' against differences of δ' with h = 1e-5, same reasoning.
 */
class ClosedFormTest {

    private static final double H = 1e-5;

    record Case(String spec, DoubleUnaryOperator value, DoubleUnaryOperator d1, DoubleUnaryOperator d2, double from, double to) {
        @Override
        public String toString() {
            return spec;
        }
    }

    static Stream<Arguments> cases() {
        double a1 = 18 / Math.PI;
        return Stream.of(
                new Case("AP(18/pi,1,2,1)",
                        l -> a1 * Math.atan(l) * Math.atan(l) + l,
                        l -> a1 * 2 * Math.atan(l) / (1 + l * l) + 1,
                        l -> a1 * 2 * (1 - 2 * l * Math.atan(l)) / ((1 + l * l) * (1 + l * l)),
                        -3, 6),
                new Case("AP(1.5,0.7,1,0)",
                        l -> 1.5 * Math.atan(0.7 * l),
                        l -> 1.5 * 0.7 / (1 + 0.49 * l * l),
                        l -> -1.5 * 2 * 0.343 * l / ((1 + 0.49 * l * l) * (1 + 0.49 * l * l)),
                        -3, 6),
                new Case("AP(10,1,1,1)",
                        l -> 10 * Math.atan(l) + l,
                        l -> 10 / (1 + l * l) + 1,
                        l -> -20 * l / ((1 + l * l) * (1 + l * l)),
                        -3, 6),
                new Case("AP(2,3,0.5,0.1)",
                        l -> 2 * Math.sqrt(Math.atan(3 * l)) + 0.1 * l,
                        l -> 2 * 0.5 / Math.sqrt(Math.atan(3 * l)) * 3 / (1 + 9 * l * l) + 0.1,
                        l -> {
                            double u = Math.atan(3 * l);
                            double du = 3 / (1 + 9 * l * l);
                            double d2u = -54 * l / ((1 + 9 * l * l) * (1 + 9 * l * l));
                            return 2 * 0.5 * (-0.5 * Math.pow(u, -1.5) * du * du + Math.pow(u, -0.5) * d2u);
                        },
                        0.05, 6),
                new Case("LE(1,0.99)",
                        l -> Math.log(Math.exp(l) - 0.99),
                        l -> Math.exp(l) / (Math.exp(l) - 0.99),
                        l -> -0.99 * Math.exp(l) / Math.pow(Math.exp(l) - 0.99, 2),
                        0.05, 8),
                new Case("LE(2,1.9)",
                        l -> 2 * Math.log(Math.exp(l) - 1.9),
                        l -> 2 * Math.exp(l) / (Math.exp(l) - 1.9),
                        l -> -2 * 1.9 * Math.exp(l) / Math.pow(Math.exp(l) - 1.9, 2),
                        Math.log(1.9) + 0.05, 8),
                new Case("LE(1,0.3)",
                        l -> Math.log(Math.exp(l) - 0.3),
                        l -> Math.exp(l) / (Math.exp(l) - 0.3),
                        l -> -0.3 * Math.exp(l) / Math.pow(Math.exp(l) - 0.3, 2),
                        -1, 8),
                new Case("0.5*l^2", l -> 0.5 * l * l, l -> l, l -> 1, -3, 6),
                new Case("2*l^1.5", l -> 2 * Math.pow(l, 1.5), l -> 3 * Math.sqrt(l), l -> 1.5 / Math.sqrt(l), 0.05, 6),
                new Case("original", l -> l, l -> 1, l -> 0, -3, 6)
        ).map(Arguments::of);
    }

    private static double[] points(Case c) {
        return DoubleStream.iterate(0, i -> i + 1).limit(25).map(i -> c.from() + (c.to() - c.from()) * i / 24).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueAndDerivativesMatchClosedForms(Case c) {
        Vdm vdm = Vdm.parse(c.spec());
        for (double l : points(c)) {
            assertClose(c.value().applyAsDouble(l), vdm.value(l), 1e-12, c + " δ at " + l);
            assertClose(c.d1().applyAsDouble(l), vdm.derivative(l), 1e-12, c + " δ' at " + l);
            assertClose(c.d2().applyAsDouble(l), vdm.secondDerivative(l), 1e-11, c + " δ'' at " + l);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativesMatchCentralDifferences(Case c) {
        Vdm vdm = Vdm.parse(c.spec());
        for (double l : points(c)) {
            double d1 = (vdm.value(l + H) - vdm.value(l - H)) / (2 * H);
            double d2 = (vdm.derivative(l + H) - vdm.derivative(l - H)) / (2 * H);
            assertClose(d1, vdm.derivative(l), 1e-6, c + " δ' vs finite difference at " + l);
            assertClose(d2, vdm.secondDerivative(l), 1e-6, c + " δ'' vs finite difference at " + l);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void genericFormagreesWithValue(Case c) {
        Vdm vdm = Vdm.parse(c.spec());
        for (double l : points(c)) {
            assertClose(vdm.value(l), vdm.apply(l, DoubleArithmetic.INSTANCE), 1e-12, c + " apply at " + l);
        }
    }

    static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
    }
}
