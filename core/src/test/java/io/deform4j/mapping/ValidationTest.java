package io.deform4j.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deform4j.expression.OutsideDomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "AP(-1,1,2,1); a1 must be > 0, got -1.0",
        "AP(1,0,2,1); a2 must be > 0, got 0.0",
        "AP(1,1,0,1); a3 must be > 0, got 0.0",
        "AP(1,1,2,-0.5); a4 must be >= 0, got -0.5",
        "LE(0,0.5); e1 must be > 0, got 0.0",
        "LE(1,-2); e2 must be > 0, got -2.0",
        "-0.5*l^2; the coefficient c must be > 0",
        "0.5*l^-1; the exponent k must be > 0",
        "AP(1/0,1,1,1); division by zero",
    })
    void parametersOutOfRangeAreNamed(String spec, String message) {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Vdm.parse(spec)).getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0} decreases at l = {1}")
    @CsvSource(delimiter = ';', value = {
        "expr:-l; 0.0",
        "expr:(l-1)^2; 0.0",
        "expr:sin(l); 1.58",
        "expr:l - 2*atan(l-10); 9.0",
    })
    void aMappingThatDecreasesIsNotAVdmAndTheErrorSaysWhere(String spec, String where) {
        String message = assertThrows(IllegalArgumentException.class, () -> Vdm.parse(spec)).getMessage();
        assertThat(message).contains(spec).contains("is not a VDM").contains("at l = " + where);
    }

    @Test
    void logExpOutsideItsDomainNamesMappingLossAndBound() {
        Vdm le = Vdm.parse("LE(1,1.9)");
        for (double l : new double[] {0.5, Math.log(1.9), 0, -3}) {
            OutsideDomainException e = assertThrows(OutsideDomainException.class, () -> le.value(l));
            assertThat(e.getMessage()).contains("LE(1,1.9)").contains("l = " + l).contains("ln e2")
                    .contains(String.valueOf(Math.log(1.9)));
            assertThrows(OutsideDomainException.class, () -> le.derivative(l));
            assertThrows(OutsideDomainException.class, () -> le.secondDerivative(l));
        }
        assertThat(le.value(Math.log(1.9) + 1e-9)).isFinite();
    }

    @Test
    void fractionalExponentsAtNegativeLossesAreErrorsNotNaN() {
        OutsideDomainException ap = assertThrows(OutsideDomainException.class, () -> Vdm.parse("AP(1,1,1.5,0)").value(-0.5));
        assertThat(ap.getMessage()).contains("AP(1,1,1.5,0)").contains("l = -0.5").contains("a3");
        OutsideDomainException power = assertThrows(OutsideDomainException.class, () -> Vdm.parse("2*l^1.5").derivative(-1));
        assertThat(power.getMessage()).contains("2*l^1.5").contains("l = -1.0");
        assertThat(Vdm.parse("AP(1,1,2,0)").value(-0.5)).as("integer a3 is defined at negative l").isFinite();
    }

    @Test
    void domainsAreReported() {
        assertThat(Vdm.parse("LE(1,1.9)").domain().contains(0.6)).isFalse();
        assertThat(Vdm.parse("LE(1,1.9)").domain().contains(0.65)).isTrue();
        assertThat(Vdm.parse("LE(1,0.5)").domain().contains(-0.5)).isTrue();
        assertThat(Vdm.parse("AP(1,1,0.5,0)").domain().contains(0)).isTrue();
        assertThat(Vdm.parse("AP(1,1,0.5,0)").domain().contains(-1e-9)).isFalse();
        assertThat(Vdm.original().domain().contains(-1e300)).isTrue();
    }
}
