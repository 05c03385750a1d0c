package io.deform4j.simulation;

import io.deform4j.mapping.Vdm;

/**
 * One optimizer run from one start, on the surface deformed by one mapping (the identity for
 * the original surface). The loss and the Hessian eigenvalues are those of the
 * <em>original</em> surface at the end point, as the paper computes them (Section 3.2): where
 * the runs end is compared on the same ground.
 *
 * @param vdm the mapping the optimizer saw ({@link Vdm#original()} for the original surface)
 * @param startIndex which start of the study this run began from
 * @param start the start
 * @param end the last point reached (the last finite one when the run diverged)
 * @param loss ℓ(end) on the original surface; NaN when diverged
 * @param eigenvalues {@code [λ_min, λ_max]} of the original Hessian at the end; NaNs when diverged
 * @param deformedEigenvalues {@code [λ_min, λ_max]} of the exact Hessian of δ(ℓ) at the end,
 *     δ'·H + δ''·∇ℓ∇ℓᵀ ({@link Deformation}); NaNs when diverged
 * @param status whether the run completed
 * @param message why a run diverged ({@code ""} when it completed)
 * @param trajectory every point visited
 */
public record Run(Vdm vdm, int startIndex, Point start, Point end, double loss, double[] eigenvalues,
        double[] deformedEigenvalues, Status status, String message, Trajectory trajectory) {

    /** How a run ended. */
    public enum Status {
        /** All steps taken, every value finite and in the domains. */
        COMPLETED,
        /** Stopped early: the parameters or the loss became NaN or ±∞, or left a domain. */
        DIVERGED
    }

    public boolean diverged() {
        return status == Status.DIVERGED;
    }

    /** λ_max of the original Hessian at the end point (NaN when diverged). */
    public double maxEigenvalue() {
        return eigenvalues[1];
    }
}
