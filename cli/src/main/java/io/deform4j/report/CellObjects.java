package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.RunState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ResultsTable} for programs: one object (JSON) or line (CSV) per cell with runs, in the
 * table's order, with full precision and accuracies as fractions in [0, 1], as in
 * {@code metrics.csv}. Keys: the settings that define the cell (snake_case, as in
 * {@code run.json}), {@code row} and {@code column} (where the table shows it), {@code runs}
 * (done), {@code planned} (all the cell's runs) and the count of each other state, then
 * {@code median}, {@code min}, {@code max} ({@code q1}, {@code q3} with {@link Spread#IQR}),
 * {@code diff} (median minus the original's), {@code best}, and in JSON {@code values} (each done
 * run's); with {@code times}, {@code train_seconds}, {@code eval_seconds} (median per epoch) and
 * {@code train_ratio}, {@code eval_ratio} (to the original's) instead. A missing number is
 * {@code null} in JSON and empty in CSV.
 */
final class CellObjects {

    /** The states whose counts every object carries, so that CSV has the same columns for every cell. */
    private static final List<RunState> COUNTED = List.of(RunState.FAILED, RunState.BROKEN, RunState.INTERRUPTED,
            RunState.RUNNING, RunState.PENDING);

    private CellObjects() {
    }

    static void writeJson(ResultsTable table, Spread spread, boolean times, PrintWriter out) throws IOException {
        out.println(Json.MAPPER.writeValueAsString(of(table, spread, times, true)));
    }

    static void writeCsv(ResultsTable table, Spread spread, boolean times, PrintWriter out) throws IOException {
        List<Map<String, Object>> cells = of(table, spread, times, false);
        if (cells.isEmpty()) {
            return;
        }
        List<String> columns = List.copyOf(cells.get(0).keySet());
        Csv.write(out, columns, cells.stream().map(c -> new ArrayList<>(c.values())).toList());
    }

    /** The objects, in the table's order (rows, then columns); {@code json}: with lists (values, list settings). */
    static List<Map<String, Object>> of(ResultsTable table, Spread spread, boolean times, boolean json) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (ResultsTable.Row row : table.rows()) {
            for (int c = 0; c < table.columns().size(); c++) {
                ResultsTable.Entry e = row.entries().get(c);
                if (e != null) {
                    cells.add(object(row, table.columns().get(c), e, spread, times, json));
                }
            }
        }
        return cells;
    }

    private static Map<String, Object> object(ResultsTable.Row row, Layout.Column column, ResultsTable.Entry e,
            Spread spread, boolean times, boolean json) {
        Map<String, Object> cell = new LinkedHashMap<>();
        // CSV has no lists: a list setting (milestones) is written as on the command line, 150,225
        e.cell().settings().forEach((name, value) -> cell.put(name.replace('-', '_'),
                json || !(value instanceof List) ? value : SettingsSchema.text(value)));
        cell.put("row", String.join(" ", row.labels().stream().filter(l -> !l.isEmpty()).toList()));
        cell.put("column", column.group().isEmpty() ? column.label() : column.group() + " " + column.label());
        CellSummary s = e.summary();
        cell.put("runs", s.runs());
        cell.put("planned", s.planned());
        COUNTED.forEach(state -> cell.put(state.id(), s.unfinished().getOrDefault(state, 0)));
        if (times) {
            cell.put("train_seconds", number(s.trainSeconds()));
            cell.put("eval_seconds", number(s.evalSeconds()));
            cell.put("train_ratio", e.trainRatio());
            cell.put("eval_ratio", e.evalRatio());
            return cell;
        }
        cell.put("median", number(s.median()));
        cell.put("min", number(s.min()));
        cell.put("max", number(s.max()));
        if (spread == Spread.IQR) {
            cell.put("q1", number(s.q1()));
            cell.put("q3", number(s.q3()));
        }
        cell.put("diff", e.diff());
        cell.put("best", e.best());
        if (json) {
            cell.put("values", s.values());
        }
        return cell;
    }

    /** JSON has no NaN: a statistic of no runs is null. */
    private static Double number(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
