package io.deform4j.report;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.RunRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paper's results table from any set of runs: each cell the median test accuracy of the runs
 * that share its settings ({@link CellGrouping}, {@link CellSummary}), laid out by a
 * {@link Layout}, with each deformed cell's difference to its original and the best cell marked.
 *
 * <p>A cell's <em>reference</em> is the cell of the same experiment ({@link Cell#experiment})
 * but the original model ({@code vdm} {@value #ORIGINAL}), wherever the layout puts it: the difference is the cell's
 * median minus the reference's, and the time ratios the cell's seconds per epoch over the
 * reference's (supplementary E). The best cell is the highest median among the cells with runs
 * of one row under one column group (of all rows, {@link Layout#bestAcrossRows}), marked only
 * where at least two cells compete; ties are all marked.
 */
public final class ResultsTable {

    /** The setting of the mapping. */
    public static final String VDM = "vdm";
    /** The {@code vdm} setting of the original (undeformed) model, as runs record it. */
    public static final String ORIGINAL = "original";

    /**
     * A position with runs.
     *
     * @param cell       its runs and the settings that define it
     * @param summary    what its done runs give
     * @param note       shown in brackets after the value (the mapping in a "deformed" column), empty for none
     * @param diff       the median minus the reference's (a fraction; null without a reference with done runs)
     * @param trainRatio train seconds per epoch over the reference's (null without one)
     * @param evalRatio  evaluation seconds per epoch over the reference's (null without one)
     * @param best       the best of its row (or column, {@link Layout#bestAcrossRows})
     */
    public record Entry(Cell cell, CellSummary summary, String note, Double diff, Double trainRatio, Double evalRatio,
            boolean best) {
    }

    /**
     * A row.
     *
     * @param labels  one per {@link #header} entry
     * @param entries one per {@link #columns} entry, null where no cell falls
     */
    public record Row(List<String> labels, List<Entry> entries) {
        public Row {
            labels = List.copyOf(labels);
            entries = Collections.unmodifiableList(new ArrayList<>(entries));
        }
    }

    private final String title;
    private final Metric metric;
    private final List<String> header;
    private final int laidOutLabels;
    private final List<Layout.Column> columns;
    private final List<Row> rows;
    private final boolean bestAcrossRows;

    private ResultsTable(String title, Metric metric, List<String> header, int laidOutLabels,
            List<Layout.Column> columns, List<Row> rows, boolean bestAcrossRows) {
        this.title = title;
        this.metric = metric;
        this.header = List.copyOf(header);
        this.laidOutLabels = laidOutLabels;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.bestAcrossRows = bestAcrossRows;
    }

    /** Whether {@code settings} are those of the original model. */
    public static boolean isOriginal(Map<String, Object> settings) {
        return ORIGINAL.equals(settings.get(VDM));
    }

    /** The table of {@code runs} (each with a configuration, e.g. {@link FoundRuns#runs}) laid out by {@code layout}. */
    public static ResultsTable build(List<RunRecord> runs, Layout layout, Metric metric) {
        CellGrouping.Result grouped = CellGrouping.group(runs, layout.rowSettings(), layout.columnSettings());
        Map<Cell, CellSummary> summaries = new IdentityHashMap<>();
        grouped.cells().forEach(c -> summaries.put(c, CellSummary.of(c, metric)));

        List<Cell> order = new ArrayList<>(grouped.cells());
        Map<Cell, Layout.Place> places = new IdentityHashMap<>();
        order.forEach(c -> places.put(c, layout.place(c.settings())));
        order.sort(Comparator.comparingInt(c -> places.get(c).rank())); // stable: then by first run

        Set<Layout.Column> columns = new LinkedHashSet<>(layout.fixedColumns());
        Map<List<String>, List<Map<Layout.Column, Entry>>> placed = new LinkedHashMap<>();
        for (Cell cell : order) {
            Layout.Place place = places.get(cell);
            List<String> labels = new ArrayList<>(place.row());
            grouped.extras().forEach(s -> labels.add(SettingsSchema.text(cell.settings().get(s))));
            columns.add(place.column());
            freeLine(placed.computeIfAbsent(labels, k -> new ArrayList<>()), place.column())
                    .put(place.column(), entry(cell, grouped.reference(cell), place.note(), summaries));
        }

        List<Layout.Column> columnList = List.copyOf(columns);
        List<List<Entry>> grid = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        for (List<String> key : rowOrder(layout.fixedRows(), placed.keySet(), grouped.extras().size())) {
            for (Map<Layout.Column, Entry> line : placed.getOrDefault(key, List.of(Map.of()))) {
                labels.add(key);
                grid.add(new ArrayList<>(columnList.stream().map(line::get).toList()));
            }
        }
        markBest(grid, columnList, layout.bestAcrossRows());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(new Row(labels.get(i), grid.get(i)));
        }
        List<String> header = new ArrayList<>(layout.rowHeader());
        header.addAll(grouped.extras());
        return new ResultsTable(layout.title(), metric, header, layout.rowHeader().size(), columnList, rows,
                layout.bestAcrossRows());
    }

    /** The layout's title, or empty. */
    public String title() {
        return title;
    }

    /** The metric of the cells' values. */
    public Metric metric() {
        return metric;
    }

    /** The headings of the row labels: the layout's, then the settings that tell further cells apart. */
    public List<String> header() {
        return header;
    }

    /** The settings besides the layout's that tell cells apart, which the row labels end with. */
    public List<String> extras() {
        return header.subList(laidOutLabels, header.size());
    }

    /** The columns, in order. */
    public List<Layout.Column> columns() {
        return columns;
    }

    /** The rows, in order. */
    public List<Row> rows() {
        return rows;
    }

    /** Where the best cell was looked for, for a legend: "row", "row and data set" or "column". */
    public String bestAmong() {
        boolean groups = columns.stream().anyMatch(c -> !c.group().isEmpty());
        return (bestAcrossRows ? "column" : "row") + (groups ? " and column group" : "");
    }

    private static Entry entry(Cell cell, Cell original, String note, Map<Cell, CellSummary> summaries) {
        CellSummary summary = summaries.get(cell);
        CellSummary reference = original == null ? null : summaries.get(original);
        boolean compared = reference != null && reference.hasValues() && summary.hasValues();
        return new Entry(cell, summary, note, compared ? summary.median() - reference.median() : null,
                compared ? summary.trainSeconds() / reference.trainSeconds() : null,
                compared ? summary.evalSeconds() / reference.evalSeconds() : null, false);
    }

    /** The first line of a row whose {@code column} is free, a new one if none is. */
    private static Map<Layout.Column, Entry> freeLine(List<Map<Layout.Column, Entry>> lines, Layout.Column column) {
        for (Map<Layout.Column, Entry> line : lines) {
            if (!line.containsKey(column)) {
                return line;
            }
        }
        lines.add(new HashMap<>());
        return lines.get(lines.size() - 1);
    }

    /** The fixed rows first (each with every row that extends it by extra labels, or empty), then the others. */
    private static List<List<String>> rowOrder(List<List<String>> fixed, Set<List<String>> placed, int extras) {
        List<List<String>> order = new ArrayList<>();
        for (List<String> row : fixed) {
            List<List<String>> matching = placed.stream().filter(k -> k.subList(0, row.size()).equals(row)).toList();
            if (matching.isEmpty()) {
                List<String> empty = new ArrayList<>(row);
                empty.addAll(Collections.nCopies(extras, ""));
                order.add(empty);
            }
            order.addAll(matching);
        }
        placed.stream().filter(k -> !order.contains(k)).forEach(order::add);
        return order;
    }

    private static void markBest(List<List<Entry>> grid, List<Layout.Column> columns, boolean acrossRows) {
        Map<List<Object>, List<int[]>> groups = new LinkedHashMap<>();
        for (int r = 0; r < grid.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Entry e = grid.get(r).get(c);
                if (e != null && e.summary().hasValues()) {
                    List<Object> group = acrossRows ? List.of(columns.get(c).group())
                            : List.of(r, columns.get(c).group());
                    groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new int[] {r, c});
                }
            }
        }
        for (List<int[]> members : groups.values()) {
            if (members.size() < 2) {
                continue;
            }
            double best = members.stream().mapToDouble(m -> grid.get(m[0]).get(m[1]).summary().median()).max()
                    .orElseThrow();
            for (int[] m : members) {
                Entry e = grid.get(m[0]).get(m[1]);
                if (e.summary().median() == best) {
                    grid.get(m[0]).set(m[1], new Entry(e.cell(), e.summary(), e.note(), e.diff(), e.trainRatio(),
                            e.evalRatio(), true));
                }
            }
        }
    }
}
