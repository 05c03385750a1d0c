package io.deform4j.simulation;

import java.util.Arrays;

/**
 * The points an optimizer visited, from the start (index 0) to the last point reached, with
 * the loss of the <em>original</em> surface at each and the learning rate of the step that
 * left it. Immutable.
 */
public final class Trajectory {

    private final double[] p1;
    private final double[] p2;
    private final double[] loss;
    private final double[] lr;

    Trajectory(double[] p1, double[] p2, double[] loss, double[] lr) {
        this.p1 = p1;
        this.p2 = p2;
        this.loss = loss;
        this.lr = lr;
    }

    /** The number of points: steps taken + 1. */
    public int size() {
        return p1.length;
    }

    public Point point(int i) {
        return new Point(p1[i], p2[i]);
    }

    /** ℓ (original surface) at point i. */
    public double loss(int i) {
        return loss[i];
    }

    /** The learning rate of the step from point i to point i + 1 (NaN for the last point). */
    public double learningRate(int i) {
        return lr[i];
    }

    public Point last() {
        return point(size() - 1);
    }

    /** Collects points during a run. */
    static final class Builder {
        private double[] p1;
        private double[] p2;
        private double[] loss;
        private double[] lr;
        private int size;

        Builder(int capacity) {
            p1 = new double[capacity];
            p2 = new double[capacity];
            loss = new double[capacity];
            lr = new double[capacity];
        }

        void add(double x, double y, double l) {
            if (size == p1.length) {
                int n = Math.max(4, size * 2);
                p1 = Arrays.copyOf(p1, n);
                p2 = Arrays.copyOf(p2, n);
                loss = Arrays.copyOf(loss, n);
                lr = Arrays.copyOf(lr, n);
            }
            p1[size] = x;
            p2[size] = y;
            loss[size] = l;
            lr[size] = Double.NaN;
            size++;
        }

        void setLearningRateOfLast(double rate) {
            lr[size - 1] = rate;
        }

        Trajectory build() {
            return new Trajectory(Arrays.copyOf(p1, size), Arrays.copyOf(p2, size), Arrays.copyOf(loss, size),
                    Arrays.copyOf(lr, size));
        }
    }
}
