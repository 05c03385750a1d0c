package io.deform4j.report;

import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import java.util.ArrayList;
import java.util.List;

/**
 * δ(ℓ) and δ'(ℓ) of several mappings sampled on one grid of losses, keeping only the points where
 * each mapping is defined (so {@code LE(1,1.9)} starts at ℓ &gt; ln 1.9): the data of Fig. 2(a)/(b)
 * and of the mapping figures of {@code deform4j report}.
 *
 * @param grid the losses sampled
 * @param curves one curve per mapping, in the order given
 * @param gaps a sentence for each mapping that is undefined on part of the grid
 */
public record MappingCurves(double[] grid, List<Curve> curves, List<String> gaps) {

    /**
     * The defined part of one mapping on the grid.
     *
     * @param losses      the losses ℓ of the grid where the mapping is defined, ascending
     * @param values      δ(ℓ) at each
     * @param derivatives δ'(ℓ) at each
     */
    public record Curve(Vdm vdm, double[] losses, double[] values, double[] derivatives) {
    }

    /** Samples each mapping's δ and δ' at {@code samples} evenly spaced losses of the range, both ends included. */
    public static MappingCurves sample(List<Vdm> mappings, Range range, int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("--samples: expected at least 2 points, got " + samples);
        }
        double[] grid = new double[samples];
        for (int i = 0; i < samples; i++) {
            grid[i] = range.lo() + (range.hi() - range.lo()) * i / (samples - 1);
        }
        List<Curve> curves = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Vdm vdm : mappings) {
            List<double[]> points = new ArrayList<>();
            for (double l : grid) {
                try {
                    points.add(new double[] {l, vdm.value(l), vdm.derivative(l)});
                } catch (OutsideDomainException e) {
                    // outside the domain: no point; reported once below
                }
            }
            if (points.size() < grid.length) {
                gaps.add(vdm + " is undefined at " + (grid.length - points.size()) + " of " + grid.length
                        + " points (domain: " + vdm.domain() + "); they are left out of the plot and empty in the CSV");
            }
            curves.add(new Curve(vdm, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), points.stream().mapToDouble(p -> p[2]).toArray()));
        }
        return new MappingCurves(grid, List.copyOf(curves), List.copyOf(gaps));
    }
}
