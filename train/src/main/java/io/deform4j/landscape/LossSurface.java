package io.deform4j.landscape;

import io.deform4j.train.EvalSet;
import io.deform4j.train.Evaluator;
import io.deform4j.train.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D loss surface: loss and accuracy at θ + x·d₁ + y·d₂ for (x, y) on a grid, as in Li et al.
 * 2018's contour plots. Costs {@code xs.points() × ys.points()} evaluation passes over the
 * examples: {@link #cost} says how many images that is, before anything runs.
 */
public final class LossSurface {

    /**
     * One point of the surface.
     *
     * @param x     step along d₁
     * @param y     step along d₂
     * @param train metrics on the training set
     * @param test  metrics on the test set (NaN when no test set is given)
     */
    public record Point(double x, double y, Metrics train, Metrics test) {
    }

    /**
     * A surface.
     *
     * @param xs      the grid of x
     * @param ys      the grid of y
     * @param points  row by row: y outer, x inner
     * @param seconds wall-clock seconds
     * @param images  images evaluated
     */
    public record Result(Grid xs, Grid ys, List<Point> points, double seconds, long images) {

        public Result {
            points = List.copyOf(points);
        }

        /** Throughput: images per second. */
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : 0;
        }

        /** The training loss as a {@code ys.points() × xs.points()} array, for the contour map. */
        public double[][] trainLoss() {
            double[][] z = new double[ys.points()][xs.points()];
            for (int i = 0; i < points.size(); i++) {
                z[i / xs.points()][i % xs.points()] = points.get(i).train().loss();
            }
            return z;
        }
    }

    private LossSurface() {
    }

    /** Images a surface will evaluate: grid points × examples of both sets. */
    public static long cost(Grid xs, Grid ys, EvalSet train, EvalSet test) {
        return (long) xs.points() * ys.points() * (train.examples() + (test == null ? 0 : test.examples()));
    }

    /** Evaluates the surface around the current parameters θ; θ is restored afterwards. */
    public static Result scan(Evaluator evaluator, FlatParameters parameters, double[] d1, double[] d2, Grid xs,
            Grid ys, EvalSet train, EvalSet test, Runnable afterPoint) {
        double[] theta = parameters.get();
        Vectors.requireLength(d1, theta.length);
        Vectors.requireLength(d2, theta.length);
        List<Point> points = new ArrayList<>();
        long start = System.nanoTime();
        long images = 0;
        double[] at = new double[theta.length];
        try {
            for (double y : ys.values()) {
                for (double x : xs.values()) {
                    for (int i = 0; i < at.length; i++) {
                        at[i] = theta[i] + x * d1[i] + y * d2[i];
                    }
                    parameters.set(at);
                    Metrics onTrain = evaluator.evaluate(train);
                    Metrics onTest = test == null ? Metrics.NONE : evaluator.evaluate(test);
                    images += onTrain.examples() + onTest.examples();
                    points.add(new Point(x, y, onTrain, onTest));
                    if (afterPoint != null) {
                        afterPoint.run();
                    }
                }
            }
        } finally {
            parameters.set(theta);
        }
        return new Result(xs, ys, points, (System.nanoTime() - start) / 1e9, images);
    }
}
