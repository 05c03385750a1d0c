package io.deform4j.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Per-channel normalisation {@code x = (p/255 − mean[c]) / std[c]} of 8-bit pixels {@code p}, as
 * torchvision's {@code ToTensor} followed by {@code Normalize(mean, std)}.
 *
 * <p>Presets hold the statistics the paper's code bases use: {@link #CIFAR10}, {@link #CIFAR100},
 * {@link #FASHION_MNIST}, {@link #MNIST}, {@link #IMAGENET}; {@link #estimate} computes them from a
 * training set and {@link #unit} only scales to {@code [0, 1]}.
 *
 * @param mean per-channel mean of {@code p/255}
 * @param std  per-channel standard deviation of {@code p/255}, positive
 */
public record Normalization(float[] mean, float[] std) {

    /** CIFAR-10: mean (0.4914, 0.4822, 0.4465), std (0.2470, 0.2435, 0.2616). */
    public static final Normalization CIFAR10 = new Normalization(
            new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f});
    /** CIFAR-100: mean (0.5071, 0.4865, 0.4409), std (0.2673, 0.2564, 0.2762). */
    public static final Normalization CIFAR100 = new Normalization(
            new float[] {0.5071f, 0.4865f, 0.4409f}, new float[] {0.2673f, 0.2564f, 0.2762f});
    /** Fashion-MNIST: mean 0.2860, std 0.3530. */
    public static final Normalization FASHION_MNIST = new Normalization(new float[] {0.2860f}, new float[] {0.3530f});
    /** MNIST: mean 0.1307, std 0.3081. */
    public static final Normalization MNIST = new Normalization(new float[] {0.1307f}, new float[] {0.3081f});
    /** ImageNet: mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225). */
    public static final Normalization IMAGENET = new Normalization(
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    public Normalization {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("normalisation needs one mean and one std per channel, got "
                    + Arrays.toString(mean) + " and " + Arrays.toString(std));
        }
        mean = mean.clone();
        std = std.clone();
        for (float s : std) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("normalisation std must be positive and finite, got "
                        + Arrays.toString(std));
            }
        }
    }

    /** Scaling to {@code [0, 1]} only: mean 0, std 1 for each of {@code channels}. */
    public static Normalization unit(int channels) {
        float[] mean = new float[channels];
        float[] std = new float[channels];
        Arrays.fill(std, 1f);
        return new Normalization(mean, std);
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /**
     * A look-up table {@code [channel][byte]} of normalised values; {@code table[c][p & 0xFF]} is
     * the normalised value of pixel byte {@code p} in channel {@code c}.
     */
    public float[][] table() {
        float[][] table = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int p = 0; p < 256; p++) {
                table[c][p] = (p / 255f - mean[c]) / std[c];
            }
        }
        return table;
    }

    /**
     * Estimates the per-channel mean and standard deviation of {@code p/255} over up to
     * {@code maxImages} training images chosen with {@code seed} (all of them when the set is no
     * larger).
     */
    public static Normalization estimate(ImageDataset data, int maxImages, long seed) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot estimate normalisation from an empty data set");
        }
        int n = Math.min(maxImages, data.size());
        int[] order = Subsets.permutation(data.size(), new SplittableRandom(seed));
        int channels = data.channels();
        int plane = data.height() * data.width();
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        for (int k = 0; k < n; k++) {
            byte[] image = data.image(data.size() == n ? k : order[k]);
            for (int c = 0; c < channels; c++) {
                long s = 0;
                long s2 = 0;
                for (int i = c * plane, end = i + plane; i < end; i++) {
                    int p = image[i] & 0xFF;
                    s += p;
                    s2 += p * p;
                }
                sum[c] += s;
                sumSq[c] += s2;
            }
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double count = (double) n * plane;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            double var = Math.max(0, sumSq[c] / count - m * m);
            mean[c] = (float) (m / 255);
            std[c] = (float) Math.max(Math.sqrt(var) / 255, 1e-6);
        }
        return new Normalization(mean, std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
