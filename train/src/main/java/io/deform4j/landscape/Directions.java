package io.deform4j.landscape;

import java.util.Random;

/**
 * Random directions in parameter space with the filter normalisation of Li et al. 2018
 * ("Visualizing the Loss Landscape of Neural Nets"), used for the curves of the paper's Fig. 5.
 *
 * <pre>
 * d ← N(0, I)                                     (java.util.Random(seed), parameter order)
 * for every tensor W of two or more dimensions, for every output filter i (first index):
 *     d_i ← d_i · ‖W_i‖ / (‖d_i‖ + 1e-10)
 * for every 1-D tensor (bias, batch norm γ, β):
 *     d ← 0                                       (default: Li et al.'s "biasbn" ignore)
 *     or, with includeVectors, d ← d · ‖W‖ / (‖d‖ + 1e-10)   (the whole tensor as one filter)
 * </pre>
 *
 * <p>The Gaussian draw depends only on the seed and the layout, so the same seed gives the same
 * raw direction for every checkpoint of an architecture; the filter norms are each model's own, as
 * in Li et al., so the curves of several models can be laid over each other. (loss-landscape's
 * own option for 1-D tensors copies W itself into d; ours draws a random direction of the same norm.)
 */
public final class Directions {

    /** Added to the norm of a direction's filter, as in Li et al.'s code. */
    public static final double EPSILON = 1e-10;

    private Directions() {
    }

    /**
     * A filter-normalised Gaussian direction for the weights {@code theta} laid out as {@code layout}.
     *
     * @param includeVectors give 1-D tensors a normalised random direction instead of zero
     */
    public static double[] filterNormalized(Layout layout, double[] theta, long seed, boolean includeVectors) {
        Vectors.requireLength(theta, layout.dimension());
        Random random = new Random(seed);
        double[] d = new double[theta.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian();
        }
        for (Layout.Tensor t : layout.tensors()) {
            if (t.isVector() && !includeVectors) {
                java.util.Arrays.fill(d, t.offset(), t.offset() + t.size(), 0.0);
                continue;
            }
            int filters = t.filters();
            int width = t.size() / filters;
            for (int f = 0; f < filters; f++) {
                int from = t.offset() + f * width;
                double weightNorm = 0;
                double directionNorm = 0;
                for (int j = from; j < from + width; j++) {
                    weightNorm += theta[j] * theta[j];
                    directionNorm += d[j] * d[j];
                }
                double scale = Math.sqrt(weightNorm) / (Math.sqrt(directionNorm) + EPSILON);
                for (int j = from; j < from + width; j++) {
                    d[j] *= scale;
                }
            }
        }
        return d;
    }

    /** The direction θ₂ − θ₁ from one checkpoint to another, for the interpolation θ₁ + α(θ₂ − θ₁). */
    public static double[] between(double[] theta1, double[] theta2) {
        Vectors.requireLength(theta2, theta1.length);
        double[] d = new double[theta1.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = theta2[i] - theta1[i];
        }
        return d;
    }
}
