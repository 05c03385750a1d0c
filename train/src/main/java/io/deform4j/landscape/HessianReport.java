package io.deform4j.landscape;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code deform4j hessian} writes to {@code hessian.json} ({@link io.deform4j.io.Json}: the
 * components in snake_case, {@code secondsPerProduct} as {@code seconds_per_hvp}; a null trace is
 * left out).
 *
 * @param model            the run's name
 * @param architecture     the model's registry name
 * @param eigenvalues      the top eigenvalues, descending
 * @param iterations       power iterations spent on each (in the order of {@code eigenvalues})
 * @param converged        whether each met the tolerance before the cap
 * @param trace            Hutchinson's estimate of tr(H), or null when not asked for
 * @param hvp              {@code exact} or {@code finite-difference}: how H·v was computed
 * @param hvpStep          the relative step of the finite differences
 * @param examples         training examples the loss averages over (fixed subset)
 * @param parameters       trainable parameters (the dimension of H)
 * @param products         Hessian-vector products computed
 * @param secondsPerProduct mean wall-clock seconds per Hessian-vector product
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HessianReport(String model, String architecture, double[] eigenvalues, int[] iterations,
        boolean[] converged, Trace trace, String hvp, double hvpStep, int examples,
        int parameters, int products, @JsonProperty("seconds_per_hvp") double secondsPerProduct) {

    /** The exact-HVP tag (double backward); not produced by this engine build. */
    public static final String EXACT = "exact";
    /** The finite-difference HVP tag. */
    public static final String FINITE_DIFFERENCE = "finite-difference";

    /**
     * A trace estimate as written.
     *
     * @param mean    the estimate
     * @param stderr  its standard error
     * @param samples Rademacher samples
     */
    public record Trace(double mean, double stderr, int samples) {

        static Trace of(Hutchinson.Estimate e) {
            return e == null ? null : new Trace(e.mean(), e.stderr(), e.samples());
        }
    }
}
