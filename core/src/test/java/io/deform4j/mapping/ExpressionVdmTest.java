package io.deform4j.mapping;

import static io.deform4j.mapping.ClosedFormTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deform4j.expression.OutsideDomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User-defined mappings: exact derivatives by automatic differentiation, equal to their
 * closed-form twins (1e-12 relative: only rounding differs) and to central differences
 * (1e-6 relative, h = 1e-5, as in {@link ClosedFormTest}).
 */
class ExpressionVdmTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "expr:18/pi*atan(l)^2 + l; AP(18/pi,1,2,1)",
        "expr:1.5*arctan(0.7*l); AP(1.5,0.7,1,0)",
        "expr:ln(exp(l) - 0.99); LE(1,0.99)",
        "expr:2*log(exp(l)-1.9); LE(2,1.9)",
        "expr:l*l/2; 0.5*l^2",
        "expr:l; original",
    })
    void equalsItsClosedFormTwin(String expression, String family) {
        Vdm user = Vdm.parse(expression);
        Vdm twin = Vdm.parse(family);
        for (int i = 0; i < 25; i++) {
            double l = 0.7 + 0.25 * i;
            assertClose(twin.value(l), user.value(l), 1e-12, expression + " δ at " + l);
            assertClose(twin.derivative(l), user.derivative(l), 1e-12, expression + " δ' at " + l);
            assertClose(twin.secondDerivative(l), user.secondDerivative(l), 1e-10, expression + " δ'' at " + l);
        }
    }

    @Test
    void everyFunctionDifferentiatesExactly() {
        Vdm vdm = Vdm.parse("expr:tanh(l) + sin(l)*cos(l)/4 + sqrt(l+1) + abs(l-30) + exp(-l) + log(l+2) + 2^l/1e6 + l^3/3 - e*pi*0");
        double h = 1e-5;
        for (int i = 0; i < 25; i++) {
            double l = 0.13 + 0.37 * i;
            double d1 = (vdm.value(l + h) - vdm.value(l - h)) / (2 * h);
            double d2 = (vdm.derivative(l + h) - vdm.derivative(l - h)) / (2 * h);
            assertClose(d1, vdm.derivative(l), 1e-6, "δ' at " + l);
            assertClose(d2, vdm.secondDerivative(l), 1e-6, "δ'' at " + l);
        }
    }

    @Test
    void outsideItsDomainItThrowsNamingMappingAndLoss() {
        Vdm vdm = Vdm.parse("expr:ln(exp(l)-0.9)");
        OutsideDomainException e = assertThrows(OutsideDomainException.class, () -> vdm.value(-1));
        assertThat(e.getMessage()).contains("expr:ln(exp(l)-0.9)").contains("l = -1.0").contains("ln");
        assertThrows(OutsideDomainException.class, () -> vdm.derivative(-1));
        assertThrows(OutsideDomainException.class, () -> Vdm.parse("expr:sqrt(l-1)").derivative(0.5));
        assertThrows(OutsideDomainException.class, () -> Vdm.parse("expr:l^0.5").value(-0.25));
    }

    @Test
    void integerPowersOfNegativeLossesAreDefined() {
        assertClose(-8, Vdm.parse("expr:l^3").value(-2), 1e-15, "(-2)^3");
        assertClose(12, Vdm.parse("expr:l^3").derivative(-2), 1e-15, "3·(-2)^2");
    }
}
