package io.deform4j.cli;

import io.deform4j.report.PaperLayouts;
import io.deform4j.sweep.SweepCost;
import io.deform4j.sweep.SweepPlan;
import io.deform4j.sweep.SweepSpec;
import io.deform4j.train.TrainConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deform4j reproduce --full}: the commands that reproduce the paper's Tables 1–3 at full
 * scale on a SLURM cluster with GPUs, printed and never run, each with its cost counted from its
 * preset ({@link SweepCost}): runs, run-epochs and, for ImageNet, GPU-hours at the paper's speed.
 */
final class FullScale {

    /**
     * The paper's seconds per epoch of its largest ImageNet model, ResNet-34, on 2 GPUs
     * (supplementary E), training and validation. Table 3's other models are smaller, so at this
     * speed its GPU-hours are an upper bound.
     */
    static final double IMAGENET_TRAIN_SECONDS = 1202.71;
    static final double IMAGENET_VALIDATION_SECONDS = 36.22;
    /** The GPUs that speed was measured on. */
    static final int IMAGENET_GPUS = 2;

    /**
     * A table to reproduce.
     *
     * @param preset          the sweep preset, also the table layout of {@code deform4j table --preset}
     * @param dataDir         where its data would be on the cluster (a suggestion for {@code --set data-dir})
     * @param imagenet        whether its cost is given in GPU-hours at the paper's ImageNet speed
     */
    record Table(String preset, String dataDir, boolean imagenet) {
    }

    /** The tables: CIFAR-100 alone; CIFAR-10 and CIFAR-100 side by side in one folder; ImageNet. */
    static final List<Table> TABLES = List.of(new Table("table1", "~/data/cifar-100-binary", false),
            new Table("table2", "~/data", false), new Table("table3", "~/data/imagenet", true));

    private FullScale() {
    }

    /** Prints the commands and costs of every table. */
    static void print(PrintWriter w) {
        w.println("The paper's Tables 1-3 at full scale (printed, not run). They need a SLURM cluster with GPUs that sees");
        w.println("this installation, the models of each table, and the data in the folder of --set data-dir (for");
        w.println("Table 2 one folder holding cifar-10-batches-bin/ and cifar-100-binary/). Each sweep can be stopped and");
        w.println("launched again at any time: finished runs are skipped, interrupted ones resume from a checkpoint.");
        for (Table t : TABLES) {
            SweepSpec spec = SweepSpec.load(t.preset());
            SweepCost cost = SweepCost.of(spec, Map.of());
            String dir = "runs/" + t.preset();
            w.println();
            w.println(PaperLayouts.of(t.preset()).title() + " (" + distinct(spec, "model") + " on "
                    + distinct(spec, "dataset") + ")");
            w.println("  cost: " + describe(cost, t.imagenet()));
            missing(spec).ifPresent(m -> w.println("  not runnable in this build: " + m));
            w.println("  deform4j sweep " + t.preset() + " --out " + dir + " --executor slurm --partition gpu "
                    + "--gpus-per-run 1 --time 24:00:00 --set data-dir=" + t.dataDir());
            w.println("  deform4j status " + dir);
            w.println("  deform4j table " + dir + " --preset " + t.preset());
            w.println("  deform4j report " + dir + " --out " + dir + "/report.html");
        }
        w.flush();
    }

    /**
     * {@code 80 runs × 250 epochs = 20,000 run-epochs}, with the runs whose epochs are unknown and,
     * for ImageNet, the GPU-hours at the paper's speed.
     */
    static String describe(SweepCost cost, boolean imagenet) {
        List<String> lengths = new ArrayList<>();
        cost.runsByEpochs().forEach((epochs, runs) -> lengths.add(String.format(Locale.ROOT, "%d runs × %d epochs",
                runs, epochs)));
        String known = String.join(" + ", lengths) + String.format(Locale.ROOT, " = %,d run-epochs", cost.runEpochs());
        if (!cost.complete()) {
            return String.format(Locale.ROOT, "%d runs; %s for the models in this build, and %d runs of %s, whose "
                    + "epochs come with those models' Table 4 rows", cost.runs(), known, cost.runs() - cost.knownRuns(),
                    String.join(", ", cost.unknownModels()));
        }
        String text = (lengths.size() > 1 ? cost.runs() + " runs: " : "") + known;
        if (imagenet) {
            double gpuHours = cost.runEpochs() * (IMAGENET_TRAIN_SECONDS + IMAGENET_VALIDATION_SECONDS) * IMAGENET_GPUS
                    / 3600;
            text += String.format(Locale.ROOT, "; at most %,.0f GPU-hours at the paper's speed of its largest model, "
                    + "ResNet-34 (%.2f s training + %.2f s validation per epoch on %d GPUs, supplementary E)", gpuHours,
                    IMAGENET_TRAIN_SECONDS, IMAGENET_VALIDATION_SECONDS, IMAGENET_GPUS);
        }
        return text;
    }

    /** The values {@code setting} takes in {@code spec}'s runs, in order of appearance. */
    private static String distinct(SweepSpec spec, String setting) {
        return String.join(", ", spec.runSettings().stream().map(r -> String.valueOf(r.getOrDefault(setting,
                TrainConfig.SCHEMA.entry(setting).defaultValue()))).distinct().toList());
    }

    /** What {@code spec} needs that this build lacks, as the sweep would say it, or empty. */
    private static Optional<String> missing(SweepSpec spec) {
        try {
            SweepPlan.expand(spec, Map.of());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
