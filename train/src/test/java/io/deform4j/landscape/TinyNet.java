package io.deform4j.landscape;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.deform4j.data.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A 4→5→3 tanh MLP (43 parameters) on 2×2 one-channel "images", with an independent pure-Java
 * implementation of its mean cross-entropy, for dense Hessian checks.
 */
final class TinyNet {

    static final int IN = 4;
    static final int HIDDEN = 5;
    static final int OUT = 3;
    static final int DIMENSION = HIDDEN * IN + HIDDEN + OUT * HIDDEN + OUT;

    static {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    private TinyNet() {
    }

    static SequentialBlock block(NDManager manager, DataType type) {
        SequentialBlock block = new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(OUT).build());
        block.initialize(manager, type, new Shape(1, 1, 2, 2));
        return block;
    }

    static double[] parameters(long seed) {
        Random r = new Random(seed);
        double[] theta = new double[DIMENSION];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextGaussian() * 0.8;
        }
        return theta;
    }

    /** {@code n} examples in batches of {@code batchSize}. */
    static List<Batch> data(int n, int batchSize, long seed) {
        Random r = new Random(seed);
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            float[] x = new float[size * IN];
            int[] y = new int[size];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < size; i++) {
                y[i] = r.nextInt(OUT);
            }
            batches.add(new Batch(x, y, size, 1, 2, 2));
        }
        return batches;
    }

    /** Mean cross-entropy in pure Java; θ in DJL's order: W1 (5×4), b1, W2 (3×5), b2. */
    static double loss(double[] theta, List<Batch> batches) {
        double sum = 0;
        int n = 0;
        int b1 = HIDDEN * IN;
        int w2 = b1 + HIDDEN;
        int b2 = w2 + OUT * HIDDEN;
        for (Batch batch : batches) {
            for (int e = 0; e < batch.size(); e++) {
                double[] h = new double[HIDDEN];
                for (int j = 0; j < HIDDEN; j++) {
                    double s = theta[b1 + j];
                    for (int k = 0; k < IN; k++) {
                        s += theta[j * IN + k] * batch.images()[e * IN + k];
                    }
                    h[j] = Math.tanh(s);
                }
                double[] z = new double[OUT];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < OUT; c++) {
                    double s = theta[b2 + c];
                    for (int j = 0; j < HIDDEN; j++) {
                        s += theta[w2 + c * HIDDEN + j] * h[j];
                    }
                    z[c] = s;
                    max = Math.max(max, s);
                }
                double lse = 0;
                for (double v : z) {
                    lse += Math.exp(v - max);
                }
                sum += max + Math.log(lse) - z[batch.labels()[e]];
                n++;
            }
        }
        return sum / n;
    }

    /** The dense Hessian of {@link #loss} by second central differences (step h), independent of the engine. */
    static double[][] denseHessian(double[] theta, List<Batch> batches, double h) {
        int n = theta.length;
        double[][] hessian = new double[n][n];
        double[] t = theta.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = (at(t, i, h, j, h, batches) - at(t, i, h, j, -h, batches) - at(t, i, -h, j, h, batches)
                        + at(t, i, -h, j, -h, batches)) / (4 * h * h);
                hessian[i][j] = v;
                hessian[j][i] = v;
            }
        }
        return hessian;
    }

    private static double at(double[] t, int i, double di, int j, double dj, List<Batch> batches) {
        double oi = t[i];
        double oj = t[j];
        t[i] += di;
        t[j] += dj;
        double l = loss(t, batches);
        t[i] = oi;
        t[j] = oj;
        return l;
    }
}
