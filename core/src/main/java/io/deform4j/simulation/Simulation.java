package io.deform4j.simulation;

import io.deform4j.expression.Jet2;
import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import io.deform4j.optim.ArrayOptimizer;
import io.deform4j.optim.MultiStepLR;

/**
 * Runs an optimizer on a deformed surface: at each step k the optimizer gets the gradient of
 * δ(ℓ), {@code g = δ'(ℓ(p))·∇ℓ(p)} (the deformation acts through the chain rule), and the
 * learning rate η_k = {@code schedule.lr(k)} of the {@link MultiStepLR} (one epoch = one step). Afterwards the end point is judged on the
 * original surface: ℓ(end) and the eigenvalues of ∇²ℓ(end).
 *
 * <p>A start outside the surface's or the mapping's domain is bad input
 * ({@link IllegalArgumentException}). A run that leaves a domain or reaches NaN/±∞ on the way
 * is kept and marked {@link Run.Status#DIVERGED}, with the step and the reason.
 */
public final class Simulation {

    private Simulation() {
    }

    /**
     * One run of {@code steps} steps.
     *
     * @throws IllegalArgumentException if the start is outside the surface's domain or ℓ(start)
     *     outside the mapping's
     */
    public static Run run(Surface surface, Vdm vdm, SurfaceOptimizer optimizer, MultiStepLR schedule, int steps,
            Point start, int startIndex) {
        if (steps < 0) {
            throw new IllegalArgumentException("the number of steps must be >= 0, got " + steps);
        }
        Jet2 jet = atStart(surface, vdm, start);
        Trajectory.Builder path = new Trajectory.Builder(steps + 1);
        path.add(start.p1(), start.p2(), jet.value());
        double[] p = {start.p1(), start.p2()};
        double[] g = new double[2];
        ArrayOptimizer state = optimizer.start();
        for (int k = 0; k < steps; k++) {
            double lr = schedule.lr(k);
            path.setLearningRateOfLast(lr);
            double scale = vdm.derivative(jet.value());
            g[0] = scale * jet.g1();
            g[1] = scale * jet.g2();
            state.step(p, g, lr);
            String problem;
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                problem = "the parameters became (" + p[0] + ", " + p[1] + ")";
            } else {
                try {
                    jet = surface.jet(p[0], p[1]);
                    problem = problem(jet, vdm);
                } catch (OutsideDomainException e) {
                    problem = "left the surface's domain at (" + p[0] + ", " + p[1] + "): " + e.getMessage();
                }
            }
            if (problem != null) {
                Trajectory t = path.build();
                double[] nan = {Double.NaN, Double.NaN};
                return new Run(vdm, startIndex, start, t.last(), Double.NaN, nan, nan.clone(), Run.Status.DIVERGED,
                        "diverged at step " + (k + 1) + " of " + steps + ": " + problem, t);
            }
            path.add(p[0], p[1], jet.value());
        }
        Trajectory t = path.build();
        return new Run(vdm, startIndex, start, t.last(), jet.value(), jet.hessianEigenvalues(),
                Deformation.deform(vdm, jet).hessianEigenvalues(), Run.Status.COMPLETED, "", t);
    }

    private static Jet2 atStart(Surface surface, Vdm vdm, Point start) {
        if (!start.isFinite()) {
            throw new IllegalArgumentException("start " + start + " must be finite");
        }
        Jet2 jet;
        try {
            jet = surface.jet(start.p1(), start.p2());
        } catch (OutsideDomainException e) {
            throw new IllegalArgumentException("start " + start + " is outside the domain of surface "
                    + surface.name() + ": " + e.getMessage(), e);
        }
        if (!jet.isFinite()) {
            throw new IllegalArgumentException("surface " + surface.name() + " is not finite at start " + start);
        }
        if (!vdm.domain().contains(jet.value())) {
            throw new IllegalArgumentException("at start " + start + " the loss is " + jet.value()
                    + ", outside the domain of " + vdm + ": " + vdm.domain());
        }
        return jet;
    }

    /** Why the run cannot go on from this point, or null. */
    private static String problem(Jet2 jet, Vdm vdm) {
        if (!jet.isFinite()) {
            return "the loss, its gradient or Hessian is not finite (loss " + jet.value() + ")";
        }
        if (!vdm.domain().contains(jet.value())) {
            return "the loss " + jet.value() + " left the domain of " + vdm + " (" + vdm.domain() + ")";
        }
        double d = vdm.derivative(jet.value());
        if (!Double.isFinite(d)) {
            return "δ'(" + jet.value() + ") = " + d + " for " + vdm;
        }
        return null;
    }
}
