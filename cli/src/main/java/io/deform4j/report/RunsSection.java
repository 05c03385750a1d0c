package io.deform4j.report;

import io.deform4j.report.ReportData.ReportedRun;
import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What was run: how many runs and outputs were found, the settings the runs share and those
 * that vary, the software and machine, the dates, and every run in a folded list.
 */
final class RunsSection {

    /** Dates as {@code 2025-08-12 16:33 UTC}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private RunsSection() {
    }

    static String html(ReportData data, Software software) {
        StringBuilder s = new StringBuilder(Html.paragraph(found(data)));
        List<RunRecord> configured = data.configured();
        if (!configured.isEmpty()) {
            s.append(settings(configured));
        }
        s.append(software(data, software).html());
        if (!data.runs().isEmpty()) {
            s.append("<details><summary>All ").append(data.runs().size()).append(" runs</summary>")
                    .append(runTable(data.runs()).html()).append("</details>");
        }
        return s.toString();
    }

    /** One sentence: the runs by state, and the other outputs. */
    static String found(ReportData data) {
        Map<RunState, Integer> states = new EnumMap<>(RunState.class);
        data.runs().forEach(r -> states.merge(r.record().state(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        states.forEach((state, n) -> parts.add(n + " " + state.id()));
        List<String> outputs = new ArrayList<>();
        outputs.add(data.runs().size() + " training run" + (data.runs().size() == 1 ? "" : "s")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")"));
        outputs.add(data.landscapes().size() + " landscape output(s)");
        outputs.add(data.hessians().size() + " Hessian analysis(es)");
        outputs.add(data.simulations().size() + " simulation(s)");
        return "Found " + String.join(", ", outputs) + ".";
    }

    private static String settings(List<RunRecord> runs) {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        TrainConfig.SCHEMA.names().forEach(name -> values.put(name, new LinkedHashSet<>()));
        for (RunRecord r : runs) {
            r.config().values().forEach((name, value) -> values.get(name).add(value));
        }
        HtmlTable shared = new HtmlTable("Settings every run shares", List.of("setting", "value"));
        HtmlTable varying = new HtmlTable("Settings that vary between runs", List.of("setting", "values"));
        values.forEach((name, seen) -> (seen.size() == 1 ? shared : varying)
                .row(List.of(name, String.join("; ", ordered(seen).stream().map(RunsSection::text).toList()))));
        return "<div class=\"tables\">" + (varying.isEmpty() ? "" : varying.html()) + shared.html() + "</div>";
    }

    /** Numbers in ascending order (seeds 1; 2; 10), anything else in the order found. */
    private static List<Object> ordered(Set<Object> values) {
        List<Object> list = new ArrayList<>(values);
        if (list.stream().allMatch(v -> v instanceof Number)) {
            list.sort(java.util.Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        }
        return list;
    }

    /** A setting as typed, "(empty)" for the empty text (the default place of a data set). */
    private static String text(Object value) {
        String text = SettingsSchema.text(value);
        return text.isEmpty() ? "(empty)" : text;
    }

    private static HtmlTable software(ReportData data, Software software) {
        HtmlTable table = new HtmlTable("Software and machine. The versions and the machine are those of the deform4j "
                + "that wrote this report: a run directory records neither; sweeps record the host of each run",
                List.of("component", "version or value"));
        table.row(List.of("deform4j", software.deform4j()));
        table.row(List.of("Java", software.java()));
        table.row(List.of("DJL", Objects.requireNonNullElse(software.djl(), "not on the class path")));
        table.row(List.of("PyTorch (libtorch of DJL's engine)",
                Objects.requireNonNullElse(software.pytorch(), "not on the class path")));
        table.row(List.of("operating system", software.os()));
        table.row(List.of("processors", String.valueOf(software.cores())));
        Set<String> hosts = new TreeSet<>();
        data.runs().stream().map(r -> r.record().task()).filter(Objects::nonNull).forEach(t -> hosts.add(t.host()));
        if (!hosts.isEmpty()) {
            table.row(List.of("hosts of the sweep runs", String.join(", ", hosts)));
        }
        Instant[] span = span(data.runs());
        if (span != null) {
            table.row(List.of("runs dated", DATE.format(span[0]) + " to " + DATE.format(span[1])));
        }
        table.row(List.of("report written", DATE.format(Instant.now())));
        return table;
    }

    /**
     * The first and last time a run was written: the start and end recorded by a sweep, else the
     * modification time of {@code run.json}; null when no run has either.
     */
    private static Instant[] span(List<ReportedRun> runs) {
        Instant first = null;
        Instant last = null;
        for (ReportedRun r : runs) {
            List<Instant> times = new ArrayList<>();
            if (r.record().task() != null) {
                parse(r.record().task().startedAt(), times);
                parse(r.record().task().endedAt(), times);
            }
            try {
                times.add(Files.getLastModifiedTime(r.record().dir().resolve(RunDirectory.RUN_JSON)).toInstant());
            } catch (IOException e) {
                // not started, or its run.json is gone: the sweep's record alone dates it
            }
            for (Instant t : times) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
        }
        return first == null ? null : new Instant[] {first, last};
    }

    /** Adds the ISO-8601 time {@code text} to {@code times}, if it is one: a damaged record only loses its date. */
    private static void parse(String text, List<Instant> times) {
        try {
            if (text != null) {
                times.add(Instant.parse(text));
            }
        } catch (java.time.format.DateTimeParseException e) {
            // no date from this record
        }
    }

    private static HtmlTable runTable(List<ReportedRun> runs) {
        HtmlTable table = new HtmlTable(null, List.of("run", "state", "epochs", "final test acc", "mapping", "seed",
                "why it stopped")).numeric(2, 3, 5);
        for (ReportedRun r : runs) {
            RunRecord rec = r.record();
            table.row(rec.state() == RunState.DONE ? null : rec.state().id(), List.of(r.label(), rec.state().id(),
                    rec.epochsDone() + " / " + (rec.config() == null ? "?" : rec.config().epochs()),
                    rec.lastTestAcc() == null ? "–" : Html.percent(rec.lastTestAcc()),
                    rec.config() == null ? "?" : rec.config().vdm(),
                    rec.config() == null ? "?" : String.valueOf(rec.config().seed()),
                    rec.problem() == null ? "" : rec.problem()));
        }
        return table;
    }
}
