package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deform4j.mapping.Vdm;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingCurvesTest {

    /** δ and δ' against the closed forms: LE(1,0.99) = ln(e^ℓ − 0.99), δ' = e^ℓ/(e^ℓ − 0.99); AP(10,1,1,1) = 10·atan ℓ + ℓ. */
    @Test
    void samplesValuesAndDerivativesOfEachMapping() {
        MappingCurves curves = MappingCurves.sample(List.of(Vdm.parse("LE(1,0.99)"), Vdm.parse("AP(10,1,1,1)")),
                new Range(0.5, 2.5), 3);
        MappingCurves.Curve le = curves.curves().get(0);
        MappingCurves.Curve ap = curves.curves().get(1);
        assertThat(le.losses()).containsExactly(0.5, 1.5, 2.5);
        for (int i = 0; i < 3; i++) {
            double l = le.losses()[i];
            assertThat(le.values()[i]).isCloseTo(Math.log(Math.exp(l) - 0.99), within(1e-12));
            assertThat(le.derivatives()[i]).isCloseTo(Math.exp(l) / (Math.exp(l) - 0.99), within(1e-12));
            assertThat(ap.values()[i]).isCloseTo(10 * Math.atan(l) + l, within(1e-12));
            assertThat(ap.derivatives()[i]).isCloseTo(10 / (1 + l * l) + 1, within(1e-12));
        }
    }

    /** LE(1,1.9) is defined for ℓ > ln 1.9 = 0.642: of 0, 0.5, 1 only 1 remains, in all three arrays. */
    @Test
    void pointsOutsideTheDomainAreLeftOut() {
        MappingCurves.Curve c = MappingCurves.sample(List.of(Vdm.parse("LE(1,1.9)")), new Range(0, 1), 3).curves().get(0);
        assertThat(c.losses()).containsExactly(1.0);
        assertThat(c.values()).containsExactly(new double[] {Math.log(Math.E - 1.9)}, within(1e-12));
        assertThat(c.derivatives()).hasSize(1);
    }
}
