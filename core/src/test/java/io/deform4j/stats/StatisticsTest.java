package io.deform4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Statistics.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Statistics.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Statistics.median(new double[0])).isNaN();
    }

    @Test
    void quantilesInterpolateAsNumpy() {
        // numpy.quantile([1, 2, 3, 4, 10], [0.25, 0.75]) == [2.0, 4.0]; [0, 1] -> min, max
        double[] values = {10, 1, 4, 2, 3};
        assertThat(Statistics.quantile(values, 0.25)).isEqualTo(2.0);
        assertThat(Statistics.quantile(values, 0.75)).isEqualTo(4.0);
        assertThat(Statistics.quantile(values, 0)).isEqualTo(1);
        assertThat(Statistics.quantile(values, 1)).isEqualTo(10);
        // numpy.quantile([1, 2], 0.3) == 1.3
        assertThat(Statistics.quantile(new double[] {2, 1}, 0.3)).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(values).containsExactly(10, 1, 4, 2, 3);
    }

    @Test
    void quantileOutsideUnitIntervalIsRefused() {
        assertThatThrownBy(() -> Statistics.quantile(new double[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }
}
