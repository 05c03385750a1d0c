package io.deform4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fixed, seeded, class-balanced subsets, for {@code --limit-train N} and {@code --limit-test N}.
 *
 * <p>{@link #balanced} keeps {@code ⌊N/K⌋} examples of each of the {@code K} classes and gives
 * the remaining {@code N mod K} one each to the classes that come first in a seeded permutation
 * of the classes. A class with too few examples gives all it has and its shortfall goes, one by
 * one, to the classes in that same order that still have examples. Within a class the examples
 * are the first of a seeded permutation. The subset keeps the data set's order, so it does not
 * depend on how the data set was shuffled, only on its content order and the seed.
 */
public final class Subsets {

    private Subsets() {
    }

    /**
     * A class-balanced subset of {@code n} examples chosen with {@code seed}; the whole data set
     * (the same object) when {@code n ≥ size()}.
     *
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public static ImageDataset balanced(ImageDataset data, int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("subset size must be positive, got " + n);
        }
        if (n >= data.size()) {
            return data;
        }
        return of(data, balancedIndices(data, n, seed));
    }

    /** The sorted indices of the subset {@link #balanced} chooses. */
    public static int[] balancedIndices(ImageDataset data, int n, long seed) {
        int classes = data.classes();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byClass.get(data.label(i)).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] classOrder = permutation(classes, rng.split());
        int[] quota = new int[classes];
        Arrays.fill(quota, n / classes);
        for (int r = 0; r < n % classes; r++) {
            quota[classOrder[r]]++;
        }
        int shortfall = 0;
        for (int k = 0; k < classes; k++) {
            int have = byClass.get(k).size();
            if (quota[k] > have) {
                shortfall += quota[k] - have;
                quota[k] = have;
            }
        }
        while (shortfall > 0) {
            boolean placed = false;
            for (int r = 0; r < classes && shortfall > 0; r++) {
                int k = classOrder[r];
                if (quota[k] < byClass.get(k).size()) {
                    quota[k]++;
                    shortfall--;
                    placed = true;
                }
            }
            if (!placed) {
                break;
            }
        }
        List<Integer> chosen = new ArrayList<>(n);
        for (int k = 0; k < classes; k++) {
            List<Integer> members = byClass.get(k);
            int[] perm = permutation(members.size(), rng.split());
            for (int j = 0; j < quota[k]; j++) {
                chosen.add(members.get(perm[j]));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** A view of {@code data} restricted to {@code indices}, in that order. */
    public static ImageDataset of(ImageDataset data, int[] indices) {
        for (int index : indices) {
            if (index < 0 || index >= data.size()) {
                throw new IllegalArgumentException("subset index " + index + " outside [0, " + data.size() + ")");
            }
        }
        return new View(data, indices.clone());
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Examples {@code indices[0], indices[1], …} of a base data set. */
    private record View(ImageDataset base, int[] indices) implements ImageDataset {

        @Override
        public int size() {
            return indices.length;
        }

        @Override
        public int classes() {
            return base.classes();
        }

        @Override
        public List<String> classNames() {
            return base.classNames();
        }

        @Override
        public int channels() {
            return base.channels();
        }

        @Override
        public int height() {
            return base.height();
        }

        @Override
        public int width() {
            return base.width();
        }

        @Override
        public byte[] image(int index) {
            return base.image(indices[index]);
        }

        @Override
        public Picture picture(int index) {
            return base.picture(indices[index]);
        }

        @Override
        public int label(int index) {
            return base.label(indices[index]);
        }

        @Override
        public String toString() {
            return "subset of " + indices.length + " of " + base;
        }
    }
}
