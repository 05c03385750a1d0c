package io.deform4j.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deform4j.data.Batch;
import io.deform4j.engine.EngineThreads;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.MemoryFormat;
import io.deform4j.model.Models;
import io.deform4j.optim.SgdConfig;
import io.deform4j.optim.tensor.Optimizer;
import io.deform4j.train.DeformedLoss;
import io.deform4j.train.EvalSet;
import io.deform4j.train.Evaluator;
import io.deform4j.train.TrainStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training and evaluation throughput of the real training step ({@link TrainStep}) in images
 * per second: ResNet-20, batch 128, 3×32×32 synthetic data, SGD with Nesterov momentum 0.9 and
 * weight decay 5e-4, original loss against a deformed one, alternating so that both see the same
 * machine load. Not a unit test: run by {@code bench/train-throughput}, which also runs the
 * PyTorch equivalent ({@code bench/pytorch_throughput.py}).
 *
 * <p>Arguments: {@code --threads N} (default 1), {@code --steps N} timed steps per measurement
 * (default 20), {@code --warmup N} (default 20), {@code --rounds R} (default 2), {@code --vdm SPEC}
 * (default LE(1,0.99)), {@code --batch N} (default 128), {@code --model NAME} (default resnet20),
 * {@code --memory-format channels-last|contiguous} (default channels-last, as {@code deform4j train}).
 * Prints one line per measurement and medians at the end, as {@code java train original: X img/s}.
 */
public final class TrainThroughput {

    private TrainThroughput() {
    }

    public static void main(String[] args) {
        int threads = 1;
        int steps = 20;
        int warmup = 20;
        int rounds = 2;
        int batchSize = 128;
        String vdm = "LE(1,0.99)";
        String model = "resnet20";
        MemoryFormat format = MemoryFormat.CHANNELS_LAST;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(value);
                case "--steps" -> steps = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--batch" -> batchSize = Integer.parseInt(value);
                case "--vdm" -> vdm = value;
                case "--model" -> model = value;
                case "--memory-format" -> format = MemoryFormat.parse(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        EngineThreads.configure(threads);
        SplittableRandom random = new SplittableRandom(1);
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            float[] pixels = new float[batchSize * 3 * 32 * 32];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) (random.nextDouble() * 2 - 1);
            }
            int[] labels = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                labels[i] = random.nextInt(10);
            }
            batches.add(new Batch(pixels, labels, batchSize, 3, 32, 32));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Runner original = new Runner(manager, model, Vdm.original(), batches, format);
            Runner deformed = new Runner(manager, model, Vdm.parse(vdm), batches, format);
            original.train(warmup);
            deformed.train(warmup);
            original.evaluate(1);
            double[] a = new double[rounds];
            double[] b = new double[rounds];
            double[] e = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) { // alternate the order so that neither always runs first
                    a[r] = original.train(steps);
                    b[r] = deformed.train(steps);
                } else {
                    b[r] = deformed.train(steps);
                    a[r] = original.train(steps);
                }
                e[r] = original.evaluate(Math.max(1, steps / 4));
                System.out.printf(Locale.ROOT, "round %d: java train original %.1f img/s, %s %.1f img/s, eval %.1f img/s%n",
                        r + 1, a[r], vdm, b[r], e[r]);
            }
            System.out.printf(Locale.ROOT, "java train original: %.1f img/s%n", median(a));
            System.out.printf(Locale.ROOT, "java train deformed: %.1f img/s%n", median(b));
            System.out.printf(Locale.ROOT, "java eval: %.1f img/s%n", median(e));
            System.out.printf(Locale.ROOT, "java deformed/original: %.4f%n", median(b) / median(a));
            original.close();
            deformed.close();
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One model, optimizer and loss, stepping over the synthetic batches. */
    private static final class Runner implements AutoCloseable {
        final Block block;
        final Optimizer optimizer;
        final TrainStep step;
        final List<Batch> batches;
        final Evaluator evaluator;
        int next;

        Runner(NDManager manager, String model, Vdm vdm, List<Batch> batches, MemoryFormat format) {
            this.block = Models.create(model, 10, 3);
            Models.initialize(block, manager, new Shape(1, 3, 32, 32), 42);
            format.apply(block);
            this.optimizer = Optimizer.of(SgdConfig.nesterov(0.9, 5e-4));
            this.step = new TrainStep(block, optimizer, new DeformedLoss(vdm), manager, format);
            this.evaluator = new Evaluator(block, manager, format);
            this.batches = batches;
        }

        /** Images per second over {@code steps} steps. */
        double train(int steps) {
            double[] sums = new double[3];
            long start = System.nanoTime();
            int images = 0;
            for (int s = 0; s < steps; s++) {
                Batch batch = batches.get(next++ % batches.size());
                step.step(batch, 0.01, sums);
                images += batch.size();
            }
            return images / ((System.nanoTime() - start) / 1e9);
        }

        /** Images per second over {@code repeats} evaluation passes over the batches ({@link Evaluator}). */
        double evaluate(int repeats) {
            EvalSet set = EvalSet.of("synthetic", batches);
            long start = System.nanoTime();
            for (int k = 0; k < repeats; k++) {
                evaluator.evaluate(set);
            }
            return (double) repeats * set.examples() / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() {
            optimizer.close();
        }
    }
}
