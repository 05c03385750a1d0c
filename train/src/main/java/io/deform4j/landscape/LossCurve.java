package io.deform4j.landscape;

import io.deform4j.train.EvalSet;
import io.deform4j.train.Evaluator;
import io.deform4j.train.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A 1-D loss curve: loss and accuracy at θ + α·d for α on a grid, on the training set (without
 * augmentation) and on the test set, block in evaluation mode; and the linear interpolation
 * between two checkpoints ({@link #interpolate}).
 *
 * <p>A point costs exactly one evaluation pass over the examples plus a host-side copy of the
 * parameters; θ is restored when the scan ends, also on failure.
 */
public final class LossCurve {

    /**
     * One point of a curve.
     *
     * @param model the curve's name (a run directory's name, or {@code A->B} for an interpolation)
     * @param alpha the step along the direction
     * @param train metrics on the training set
     * @param test  metrics on the test set
     */
    public record Point(String model, double alpha, Metrics train, Metrics test) {
    }

    /** Called after every point, for a progress bar. */
    @FunctionalInterface
    public interface Listener {
        void evaluated(Point point);
    }

    /**
     * A scan.
     *
     * @param points  in grid order
     * @param seconds wall-clock seconds of the scan
     * @param images  images evaluated (points × examples of both sets)
     */
    public record Result(List<Point> points, double seconds, long images) {

        public Result {
            points = List.copyOf(points);
        }

        /** Throughput: images per second. */
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : 0;
        }
    }

    private LossCurve() {
    }

    /**
     * The interpolation (1 − α)·s₁ + α·s₂ between two trained networks of one architecture, where
     * s is the whole state: the trainable parameters θ and batch norm's running statistics (running
     * variances clamped at zero when α leaves [0, 1]). At α = 0 and α = 1 the curve is exactly the
     * evaluation of each checkpoint. Evaluated on {@code a}'s examples; {@code a}'s state is
     * restored afterwards.
     */
    public static Result interpolate(String name, TrainedModel a, TrainedModel b, Grid grid, Listener listener) {
        a.layout().requireSame(b.layout(), "checkpoint " + b.name());
        FlatParameters buffersA = FlatParameters.buffers(a.block());
        FlatParameters buffersB = FlatParameters.buffers(b.block());
        buffersA.layout().requireSame(buffersB.layout(), "batch norm statistics of " + b.name());
        double[] statsA = buffersA.get();
        double[] statsDelta = Directions.between(statsA, buffersB.get());
        double[] thetaA = a.parameters().get();
        double[] delta = Directions.between(thetaA, b.parameters().get());
        try {
            return walk(name, grid, alpha -> {
                a.parameters().setAlong(thetaA, alpha, delta);
                buffersA.set(buffersA.clampVariances(Vectors.plus(statsA, alpha, statsDelta)));
            }, a.evaluator(), a.train(), a.test(), listener);
        } finally {
            a.parameters().set(thetaA);
            buffersA.set(statsA);
        }
    }

    /**
     * Evaluates θ + α·d for every α of {@code grid}, where θ is the current value of
     * {@code parameters}; {@code test} may be null (then the test metrics are NaN).
     */
    public static Result scan(String model, Evaluator evaluator, FlatParameters parameters, double[] direction,
            Grid grid, EvalSet train, EvalSet test, Listener listener) {
        double[] theta = parameters.get();
        Vectors.requireLength(direction, theta.length);
        try {
            return walk(model, grid, alpha -> parameters.setAlong(theta, alpha, direction), evaluator, train, test,
                    listener);
        } finally {
            parameters.set(theta);
        }
    }

    /**
     * For every α of {@code grid}: {@code moveTo.accept(α)}, then one evaluation on each set
     * ({@code test} may be null: NaN metrics). The caller restores the network afterwards.
     */
    private static Result walk(String name, Grid grid, DoubleConsumer moveTo, Evaluator evaluator, EvalSet train,
            EvalSet test, Listener listener) {
        List<Point> points = new ArrayList<>();
        long start = System.nanoTime();
        long images = 0;
        for (double alpha : grid.values()) {
            moveTo.accept(alpha);
            Metrics onTrain = evaluator.evaluate(train);
            Metrics onTest = test == null ? Metrics.NONE : evaluator.evaluate(test);
            images += onTrain.examples() + onTest.examples();
            Point point = new Point(name, alpha, onTrain, onTest);
            points.add(point);
            if (listener != null) {
                listener.evaluated(point);
            }
        }
        return new Result(points, (System.nanoTime() - start) / 1e9, images);
    }
}
