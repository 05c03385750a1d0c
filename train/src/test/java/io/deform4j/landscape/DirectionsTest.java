package io.deform4j.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Filter normalisation, filter by filter; grids; layouts. */
class DirectionsTest {

    static final Layout LAYOUT = Layout.of(List.of("conv_weight", "bn_gamma", "fc_weight", "fc_bias"),
            List.of(new long[] {4, 3, 2, 2}, new long[] {4}, new long[] {5, 4}, new long[] {5}));

    static double[] weights(long seed) {
        Random r = new Random(seed);
        double[] theta = new double[LAYOUT.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextGaussian() * (1 + i % 7);
        }
        return theta;
    }

    static double norm(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    @Test
    void everyFilterOfTheDirectionHasTheNormOfItsFilterOfWeights() {
        double[] theta = weights(1);
        double[] d = Directions.filterNormalized(LAYOUT, theta, 42, false);
        assertThat(LAYOUT.dimension()).isEqualTo(48 + 4 + 20 + 5);
        for (Layout.Tensor t : LAYOUT.tensors()) {
            if (t.isVector()) {
                assertThat(norm(d, t.offset(), t.offset() + t.size())).as(t.name()).isZero();
                continue;
            }
            int width = t.size() / t.filters();
            assertThat(t.filters()).isEqualTo((int) t.shape()[0]);
            for (int f = 0; f < t.filters(); f++) {
                int from = t.offset() + f * width;
                assertThat(norm(d, from, from + width)).as(t.name() + " filter " + f)
                        .isCloseTo(norm(theta, from, from + width), within(1e-9));
            }
        }
    }

    @Test
    void vectorsAreIncludedOnRequestWithTheNormOfTheWholeTensor() {
        double[] theta = weights(2);
        double[] d = Directions.filterNormalized(LAYOUT, theta, 42, true);
        for (Layout.Tensor t : LAYOUT.tensors()) {
            if (t.isVector()) {
                assertThat(norm(d, t.offset(), t.offset() + t.size())).as(t.name())
                        .isCloseTo(norm(theta, t.offset(), t.offset() + t.size()), within(1e-9));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRawDirectionForEveryCheckpoint() {
        double[] a = weights(1);
        double[] b = weights(2);
        double[] da = Directions.filterNormalized(LAYOUT, a, 7, false);
        double[] db = Directions.filterNormalized(LAYOUT, b, 7, false);
        assertThat(Directions.filterNormalized(LAYOUT, a, 7, false)).containsExactly(da);
        // Same Gaussian draw: per filter, the directions are parallel, scaled by each model's filter norm.
        int width = 12;
        for (int f = 0; f < 4; f++) {
            int from = f * width;
            double ratio = norm(a, from, from + width) / norm(b, from, from + width);
            for (int j = from; j < from + width; j++) {
                assertThat(da[j]).isCloseTo(db[j] * ratio, within(1e-9));
            }
        }
        assertThat(Directions.filterNormalized(LAYOUT, a, 8, false)).isNotEqualTo(da);
    }

    @Test
    void interpolationDirectionIsTheDifference() {
        assertThat(Directions.between(new double[] {1, 2}, new double[] {4, 0})).containsExactly(3, -2);
    }

    @Test
    void gridsIncludeBothEndsAndZeroAndRejectEmptyRanges() {
        Grid g = new Grid(-1, 1, 51);
        assertThat(g.values()).hasSize(51);
        assertThat(g.value(0)).isEqualTo(-1);
        assertThat(g.value(25)).isEqualTo(0.0);
        assertThat(g.value(50)).isEqualTo(1);
        assertThat(new Grid(-0.5, 1.5, 3).values()).containsExactly(-0.5, 0.5, 1.5);
        // in doubles −2 + 2.1·1 is 0.10000000000000009 and −0.1 + 0.3·1/3 is 1.4e−17: both ends and 0 are exact
        assertThat(new Grid(-2, 0.1, 2).value(1)).isEqualTo(0.1);
        assertThat(new Grid(-0.1, 0.2, 4).value(1)).isEqualTo(0.0);
        assertThatThrownBy(() -> g.value(51)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Grid(1, -1, 5)).hasMessageContaining("from < to").hasMessageContaining("from 1.0, to -1.0");
        assertThatThrownBy(() -> new Grid(0, Double.NaN, 5)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Grid(-1, 1, 1)).hasMessageContaining("at least 2 points, got 1");
    }

    @Test
    void layoutsOfAnotherArchitectureAreNamedInTheError() {
        Layout other = Layout.of(List.of("conv_weight"), List.<long[]>of(new long[] {8, 3, 2, 2}));
        assertThatThrownBy(() -> LAYOUT.requireSame(other, "checkpoint b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint b").hasMessageContaining("[8, 3, 2, 2]").hasMessageContaining("another architecture");
        Layout shorter = Layout.of(List.of("conv_weight"), List.<long[]>of(new long[] {4, 3, 2, 2}));
        assertThatThrownBy(() -> LAYOUT.requireSame(shorter, "b")).hasMessageContaining("1 parameter tensors");
        LAYOUT.requireSame(Layout.of(List.of("w", "g", "f", "b"), LAYOUT.tensors().stream().map(Layout.Tensor::shape).toList()), "same");
    }
}
