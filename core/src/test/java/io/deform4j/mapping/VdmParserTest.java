package io.deform4j.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deform4j.expression.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VdmParserTest {

    static Stream<String> paperMappings() {
        return Stream.of(PaperMappings.TABLE_1, PaperMappings.TABLE_2, PaperMappings.TABLE_3).flatMap(List::stream);
    }

    @ParameterizedTest
    @MethodSource("paperMappings")
    void everyMappingOfTables1To3ParsesAndRoundTrips(String spec) {
        Vdm vdm = Vdm.parse(spec);
        assertEquals(vdm, Vdm.parse(vdm.toString()), "toString " + vdm + " must parse back to an equal mapping");
        assertEquals(vdm, Vdm.parse(spec.toLowerCase()), "case-insensitive");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "AP (18/π, 1, 2, 1); AP(5.729577951308232,1,2,1)",
        "ap(18/pi,1,2,1); AP(18/PI,1,2,1)",
        "AP(36/(2*pi), 1, 2, 1); AP(18/pi,1,2,1)",
        "LE (1, 0.60); LE(1,0.6)",
        "le(1e0, 9.9e-1); LE(1,0.99)",
        "LE(1,.99); LE(1.,0.99)",
        "AP(1.5, 0.7, 1, 0); AP(3/2,7/10,1,0)",
        "0.5l^2; 0.5*l^2",
        "0.5ℓ²; 0.5 * l ^ 2",
        "ℓ^2/2; expr:l^2/2",
        "1/2*l^2; 0.5*L^2",
        "Original; identity",
    })
    void paperNotationVariantsAreEqual(String written, String canonical) {
        Vdm a = Vdm.parse(written);
        Vdm b = Vdm.parse(canonical);
        for (double l : new double[] {0.7, 1.3, 2.9}) {
            assertEquals(b.value(l), a.value(l), 1e-12, written + " at " + l);
            assertEquals(b.derivative(l), a.derivative(l), 1e-12, written + " δ' at " + l);
        }
        if (!written.contains("/2") || written.startsWith("1/2")) {
            assertEquals(b.getClass(), a.getClass(), written + " is read as the same family");
        }
    }

    @Test
    void keepsThePapersNotationForLegends() {
        assertEquals("AP(18/pi,1,2,1)", Vdm.parse("AP( 18/pi , 1, 2, 1 )").toString());
        assertEquals("LE(1,0.99)", Vdm.parse("le(1,0.99)").toString());
        assertEquals("0.5*l^2", Vdm.parse("0.5l^2").toString());
        assertEquals("(1/2)*l^2", Vdm.parse("1/2*l^2").toString());
        assertEquals("original", Vdm.parse("identity").toString());
        assertEquals("expr:ln(exp(l)-0.9)", Vdm.parse("expr:ln(exp(l)-0.9)").toString());
        assertInstanceOf(Power.class, Vdm.parse("0.5*l^2"));
        assertInstanceOf(ArctanPower.class, Vdm.parse("AP(18/pi,1,2,1)"));
        assertInstanceOf(LogExp.class, Vdm.parse("LE(1,0.99)"));
    }

    @ParameterizedTest(name = "''{0}'' fails at {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "AP(1,2; 6; missing ')'",
        "AP(1,,2,3); 5; missing coefficient",
        "AP(1,2,x,3); 7; unknown name 'x'",
        "XY(1,2); 0; unknown mapping family 'XY'",
        "expr:ln(l; 4; missing ')'",
        "expr:l +* 2; 3; unexpected '*'",
        "expr:foo(l); 0; unknown function 'foo'",
        "expr:x^2; 0; unknown name 'x'",
        "expr:(l+1)); 5; unbalanced ')'",
        "expr:l # 2; 2; unexpected character '#'",
    })
    void malformedInputSaysWhere(String spec, int position, String problem) {
        ParseException e = assertThrows(ParseException.class, () -> Vdm.parse(spec));
        assertThat(e.getMessage()).contains(problem);
        String located = spec.startsWith("expr:") ? spec.substring(5) : spec;
        assertEquals(located, e.input());
        assertEquals(position, e.position(), e.getMessage());
        assertThat(e.getMessage()).contains("\n  " + located + "\n  " + " ".repeat(position) + "^");
    }

    @Test
    void wrongNumberOfCoefficientsIsNamed() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Vdm.parse("LE(1)")).getMessage())
                .contains("LE(e1,e2) needs 2 coefficients, got 1");
        assertThat(assertThrows(IllegalArgumentException.class, () -> Vdm.parse("AP(1,2,3)")).getMessage())
                .contains("AP(a1,a2,a3,a4) needs 4 coefficients, got 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyInputIsRejected(String spec) {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Vdm.parse(spec)).getMessage()).contains("empty");
    }
}
