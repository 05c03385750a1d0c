package io.deform4j.cli;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.SweepPlan;
import io.deform4j.sweep.SweepRun;
import io.deform4j.sweep.SweepSpec;
import io.deform4j.train.TrainConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deform4j sweep}: many trainings from one spec (models × mappings × seeds …). */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Expand a sweep spec (base settings × grid × cells) into runs and list or run them.",
        description = {
            "",
            "SPEC is a YAML file or a preset: table1, table2, table3 (the paper's Tables 1-3). A spec has "
                    + "'base' (settings of every run, the keys of 'train --config'), 'grid' (settings to lists "
                    + "of values; the runs are their cross product), optional 'cells' (explicit combinations, "
                    + "each crossed with the grid) and 'name'. Every value is checked before anything runs.",
            "",
            "Each run's directory is named from the settings that vary, e.g. resnet20-cifar100-LE(1,0.9)-seed3.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j sweep table1 --print",
            "  deform4j sweep my-sweep.yaml --print --set epochs=3",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input."
        })
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A sweep spec (YAML) or a preset: table1, table2, "
            + "table3.")
    private String specName;

    @Option(names = "--print", description = "List the runs the spec expands to, and run nothing.")
    private boolean print;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting of every run (repeatable), "
            + "e.g. --set epochs=3 --set data-dir=~/data/cifar100; not one that the sweep varies.")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SweepPlan plan = SweepPlan.expand(SweepSpec.load(specName), parseOverrides(overrides));
        if (print) {
            printPlan(plan, out);
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> parseOverrides(List<String> overrides) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + override + ": expected KEY=VALUE, e.g. epochs=3");
            }
            String key = override.substring(0, eq).trim();
            parsed.put(TrainConfig.SCHEMA.entry(key).name(), TrainConfig.SCHEMA.parse(key, override.substring(eq + 1)));
        }
        return parsed;
    }

    private static void printPlan(SweepPlan plan, PrintWriter out) {
        out.printf("sweep %s: %d runs%s%n", plan.name(), plan.runs().size(),
                plan.varying().isEmpty() ? "" : ", varying " + String.join(", ", plan.varying()));
        for (SweepRun run : plan.runs()) {
            TrainConfig c = run.config();
            out.printf("  %-44s %s on %s, %s, %d epochs, lr %s, seed %d%n", run.name(), c.model(), c.dataset(), c.vdm(),
                    c.epochs(), SettingsSchema.text(c.lr()), c.seed());
        }
    }
}
