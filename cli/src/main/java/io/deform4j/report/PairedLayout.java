package io.deform4j.report;

import io.deform4j.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables 2 and 3 of the paper: a row per model in the preset's order, and a pair of columns
 * "original" and "deformed", one pair per data set in Table 2 (CIFAR-10, then CIFAR-100) and a
 * single pair in Table 3; a deformed cell shows its mapping in brackets. The best cell is marked
 * within each pair. Where a model has runs of several mappings on one data set, the preset's
 * mapping takes the model's row and each other one a further row under the same label.
 */
final class PairedLayout implements Layout {

    static final String ORIGINAL_COLUMN = "original";
    static final String DEFORMED_COLUMN = "deformed";

    private final boolean byDataset;
    private final String title;
    private final List<List<String>> rows;
    private final List<Column> columns = new ArrayList<>();
    /** The preset's mapping of each model (and data set, in Table 2). */
    private final Map<List<Object>, Object> paperMapping = new HashMap<>();

    PairedLayout(SweepSpec spec, boolean byDataset, String title) {
        this.byDataset = byDataset;
        this.title = title;
        Set<List<String>> models = new LinkedHashSet<>();
        Set<String> datasets = new LinkedHashSet<>();
        for (Map<String, Object> cell : spec.cells()) {
            Map<String, Object> settings = new HashMap<>();
            laidOut().forEach(s -> settings.put(s, PaperLayouts.setting(spec, cell, s)));
            models.add(List.of((String) settings.get("model")));
            datasets.add(group(settings));
            if (!ResultsTable.isOriginal(settings)) {
                paperMapping.put(pairKey(settings), settings.get("vdm"));
            }
        }
        this.rows = List.copyOf(models);
        for (String dataset : datasets) {
            columns.add(new Column(dataset, ORIGINAL_COLUMN));
            columns.add(new Column(dataset, DEFORMED_COLUMN));
        }
    }

    @Override
    public List<String> rowSettings() {
        return List.of("model");
    }

    @Override
    public List<String> columnSettings() {
        return byDataset ? List.of("dataset", "vdm") : List.of("vdm");
    }

    @Override
    public List<String> rowHeader() {
        return List.of("model");
    }

    @Override
    public Place place(Map<String, Object> settings) {
        boolean original = ResultsTable.isOriginal(settings);
        Column column = new Column(group(settings), original ? ORIGINAL_COLUMN : DEFORMED_COLUMN);
        boolean paper = original || settings.get("vdm").equals(paperMapping.get(pairKey(settings)));
        return new Place(List.of((String) settings.get("model")), column, original ? "" : (String) settings.get("vdm"),
                paper ? 0 : 1);
    }

    @Override
    public List<List<String>> fixedRows() {
        return rows;
    }

    @Override
    public List<Column> fixedColumns() {
        return List.copyOf(columns);
    }

    @Override
    public String title() {
        return title;
    }

    private String group(Map<String, Object> settings) {
        return byDataset ? (String) settings.get("dataset") : "";
    }

    private List<Object> pairKey(Map<String, Object> settings) {
        return List.of(settings.get("model"), group(settings));
    }
}
