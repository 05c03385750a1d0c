package io.deform4j.mapping;

import io.deform4j.expression.OutsideDomainException;

/**
 * The VDM condition of Definition 2: δ' ≥ 0 for ℓ ≥ 0. Checked on a grid of
 * {@value #POINTS} points over [0, {@value #UPPER}] (the losses that training meets), where δ
 * is defined; a grid cannot prove the condition between its points, but catches every mapping
 * that decreases over an interval wider than {@value #STEP}.
 */
final class Monotonicity {

    static final int POINTS = 5001;
    static final int UPPER = 50;
    static final double STEP = (double) UPPER / (POINTS - 1);

    private Monotonicity() {
    }

    static void require(Vdm vdm) {
        int defined = 0;
        for (int i = 0; i < POINTS; i++) {
            double loss = i * STEP;
            if (!vdm.domain().contains(loss)) {
                continue;
            }
            double slope;
            try {
                slope = vdm.derivative(loss);
            } catch (OutsideDomainException e) {
                continue;
            }
            defined++;
            if (Double.isNaN(slope) || slope < 0) {
                throw new IllegalArgumentException(vdm + " is not a VDM: δ'(l) = " + slope + " < 0 at l = " + loss
                        + " (a VDM needs δ' >= 0 for every l >= 0; checked at " + POINTS + " points of [0, " + UPPER + "])");
            }
        }
        if (defined == 0) {
            throw new IllegalArgumentException(vdm + " is defined nowhere on l in [0, " + UPPER + "]");
        }
    }
}
