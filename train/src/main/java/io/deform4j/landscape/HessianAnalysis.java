package io.deform4j.landscape;

/**
 * The Hessian of a trained network's mean training loss over a fixed subset, batch norm in
 * evaluation mode: top eigenvalues by {@link PowerIteration} and, optionally, the trace by
 * {@link Hutchinson}, with Hessian-vector products by {@link FiniteDifferenceHvp}.
 */
public final class HessianAnalysis {

    private HessianAnalysis() {
    }

    /**
     * Analyses {@code model} on its training subset.
     *
     * @param trace     the trace estimator, or null for none
     * @param step      relative finite-difference step, 0 for the default of the parameters' type
     * @param afterEach called after every Hessian-vector product (progress), may be null
     */
    public static HessianReport run(TrainedModel model, String architecture, PowerIteration power, Hutchinson trace,
            double step, Runnable afterEach) {
        LossGradient gradient = new LossGradient(model.evaluator(), model.parameters());
        FiniteDifferenceHvp fd = new FiniteDifferenceHvp(model.parameters(), gradient, model.train(), step);
        HessianVectorProduct counted = new HessianVectorProduct() {
            @Override
            public int dimension() {
                return fd.dimension();
            }

            @Override
            public double[] apply(double[] v) {
                double[] hv = fd.apply(v);
                if (afterEach != null) {
                    afterEach.run();
                }
                return hv;
            }
        };
        PowerIteration.Result top = power.run(counted);
        Hutchinson.Estimate estimate = trace == null ? null : trace.run(counted);
        return new HessianReport(model.name(), architecture, top.eigenvalues(), top.iterations(), top.converged(),
                HessianReport.Trace.of(estimate), HessianReport.FINITE_DIFFERENCE, fd.step(), model.train().examples(),
                fd.dimension(), fd.products(), fd.secondsPerProduct());
    }
}
