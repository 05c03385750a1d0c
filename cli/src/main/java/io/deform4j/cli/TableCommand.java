package io.deform4j.cli;

import io.deform4j.report.FoundRuns;
import io.deform4j.report.Layout;
import io.deform4j.report.Metric;
import io.deform4j.report.PaperLayouts;
import io.deform4j.report.ResultsTable;
import io.deform4j.report.SettingsLayout;
import io.deform4j.report.Spread;
import io.deform4j.report.TableFormat;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deform4j table}: the paper's results table from any set of run directories, read from their files. */
@Command(name = "table",
        mixinStandardHelpOptions = true,
        header = "Tabulate the median test accuracy of runs, as in the paper's Tables 1-3.",
        description = {
            "",
            "Reads every run under DIR... (sweep directories, 'compare' directories, single run directories, or "
                    + "folders holding any of them) from its files, without training anything. Runs whose settings "
                    + "agree except the seed form a cell; rows and columns are settings (default: rows model,dataset "
                    + "and columns vdm); a setting that differs between the runs of a row and is neither a row nor "
                    + "a column is added to the row labels, so different experiments are never pooled.",
            "",
            "Each cell: the median test accuracy (%%) of its done runs, min-max (or the interquartile range), "
                    + "n = runs done, and for a deformed cell Δ, its difference to the original model's median "
                    + "with the same settings; the best median of each row is in bold. A cell with runs that "
                    + "are not done (failed, broken, interrupted, running, or planned by a sweep and not "
                    + "started) says so, e.g. 'n=3 of 5, 1 failed, 1 pending'; damaged run directories are "
                    + "reported on standard error and never hide the other runs.",
            "",
            "--preset lays the runs out as the paper's Table 1 (learning rates 0.5η-5η of the original, then "
                    + "the mappings), Table 2 (models × CIFAR-10/CIFAR-100 original and deformed [mapping]) or "
                    + "Table 3 (ImageNet), with the paper's rows and columns, empty where no run exists. --times "
                    + "gives supplementary E instead: median seconds per epoch of training and evaluation, and "
                    + "their ratio to the original's.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j table runs/my-sweep",
            "  deform4j table runs/compare runs/le-seed2 --metric best --spread iqr",
            "  deform4j table runs/table1 --preset table1 --format latex",
            "  deform4j table runs --rows model --columns dataset,vdm --format csv",
            "  deform4j table runs/my-sweep --times",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input (a path with no run, an unknown setting)."
        })
final class TableCommand implements Callable<Integer> {

    /** Run states whose reasons are reported on standard error: each needs someone to look at it. */
    private static final Set<RunState> REPORTED = Set.of(RunState.FAILED, RunState.BROKEN, RunState.INTERRUPTED);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Sweep, compare or run directories, or folders "
            + "holding them.")
    private List<Path> dirs;

    @Option(names = "--metric", paramLabel = "WHICH", defaultValue = "final",
            description = "final (test accuracy after the last epoch, as in the paper) or best (of the best epoch) "
                    + "(default: ${DEFAULT-VALUE}).")
    private Metric metric;

    @Option(names = "--rows", paramLabel = "S1,S2,...", split = ",", hideParamSyntax = true,
            description = "Settings of the rows (default: model,dataset).")
    private List<String> rows;

    @Option(names = "--columns", paramLabel = "S1,S2,...", split = ",", hideParamSyntax = true,
            description = "Settings of the columns (default: vdm).")
    private List<String> columns;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown, csv, latex or json (CSV and JSON: one line or object per cell, accuracies as "
                    + "fractions) (default: ${DEFAULT-VALUE}).")
    private TableFormat format;

    @Option(names = "--spread", paramLabel = "KIND", defaultValue = "minmax",
            description = "minmax or iqr: the spread shown around the median (default: ${DEFAULT-VALUE}).")
    private Spread spread;

    @Option(names = "--preset", paramLabel = "TABLE",
            description = "Lay out the paper's table1, table2 or table3 (instead of --rows and --columns).")
    private String preset;

    @Option(names = "--times", description = "Median seconds per epoch of training and evaluation per cell, and "
            + "the ratio to the original's (supplementary E), instead of the accuracy.")
    private boolean times;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Layout layout = layout();
        FoundRuns found = FoundRuns.find(dirs);
        found.problems().forEach(p -> err.println("warning: " + p));
        for (RunRecord run : found.runs()) {
            if (REPORTED.contains(run.state())) {
                err.println("warning: " + run.dir() + ": " + run.state().id() + (run.problem() == null ? ""
                        : ": " + run.problem()) + " (counted in its cell, not in the median)");
            }
        }
        err.flush();
        if (found.runs().isEmpty()) {
            throw new IllegalArgumentException("no run under " + String.join(", ", dirs.stream().map(Path::toString)
                    .toList()) + " can be read (see the warnings above)");
        }
        format.write(ResultsTable.build(found.runs(), layout, metric), spread, times, out);
        return ExitCodes.OK;
    }

    private Layout layout() {
        if (preset != null) {
            if (rows != null || columns != null) {
                throw new IllegalArgumentException("--preset " + preset + " lays out rows and columns itself; give "
                        + "--preset or --rows/--columns, not both");
            }
            return PaperLayouts.of(preset);
        }
        return SettingsLayout.of(rows != null ? rows : SettingsLayout.DEFAULT_ROWS,
                columns != null ? columns : SettingsLayout.DEFAULT_COLUMNS);
    }
}
