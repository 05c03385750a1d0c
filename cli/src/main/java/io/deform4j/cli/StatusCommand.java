package io.deform4j.cli;

import io.deform4j.io.Json;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deform4j status DIR}: where each run of a sweep stands, from its files alone. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        header = "Show where each run of a sweep stands, read from the sweep directory's files.",
        description = {
            "",
            "Per run: state (pending, running, done, failed, interrupted, broken), epochs reached, the last "
                    + "test accuracy, seconds of training and evaluation so far, and for a failed or broken run "
                    + "why (its record, or the last line of its log). Works for any executor, also when the "
                    + "scheduler no longer remembers the jobs.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j status runs/demo",
            "  deform4j status runs/demo --format json",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input."
        })
final class StatusCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TABLE, JSON }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A sweep directory (written by 'deform4j sweep').")
    private Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SweepDirectory sweep = SweepDirectory.existing(dir);
        List<RunRecord> records = sweep.records();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunRecord r : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", r.name());
            row.put("state", r.state().id());
            row.put("epoch", r.epochsDone());
            row.put("epochs", r.config() == null ? null : r.config().epochs());
            row.put("test_acc", r.lastTestAcc());
            row.put("elapsed_seconds", r.elapsedSeconds());
            String why = r.problem();
            if (r.state() == RunState.FAILED || r.state() == RunState.BROKEN) {
                why = why != null ? why : RunRecord.lastLine(sweep.log(r.name())).orElse(null);
            }
            row.put("problem", why);
            rows.add(row);
        }
        if (format == Format.JSON) {
            out.println(Json.MAPPER.writeValueAsString(rows));
            return ExitCodes.OK;
        }
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        records.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        int width = Math.max(8, records.stream().mapToInt(r -> r.name().length()).max().orElse(8));
        out.printf(Locale.ROOT, "%-" + width + "s  %-11s  %9s  %8s  %9s  %s%n", "run", "state", "epoch", "test acc",
                "elapsed", "");
        for (Map<String, Object> row : rows) {
            Object acc = row.get("test_acc");
            out.printf(Locale.ROOT, "%-" + width + "s  %-11s  %9s  %8s  %8.0fs  %s%n", row.get("run"), row.get("state"),
                    row.get("epoch") + "/" + (row.get("epochs") == null ? "?" : row.get("epochs")),
                    acc == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * (Double) acc),
                    (Double) row.get("elapsed_seconds"), row.get("problem") == null ? "" : row.get("problem"));
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((state, n) -> summary.add(n + " " + state.id()));
        out.println(records.size() + " runs: " + String.join(", ", summary));
        return ExitCodes.OK;
    }
}
