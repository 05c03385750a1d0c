package io.deform4j.report;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A layout by setting names: a row per combination of the {@code rows} settings' values, a
 * column per combination of the {@code columns} settings' values (by default rows
 * {@code model,dataset} and columns {@code vdm}). Cells of the original model are placed first,
 * so its column (or row) leads.
 *
 * @param rows    settings of the rows, kebab-case
 * @param columns settings of the columns, kebab-case
 */
public record SettingsLayout(List<String> rows, List<String> columns) implements Layout {

    /** The default rows. */
    public static final List<String> DEFAULT_ROWS = List.of("model", "dataset");
    /** The default columns. */
    public static final List<String> DEFAULT_COLUMNS = List.of("vdm");

    public SettingsLayout {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    /**
     * The layout of {@code rows} and {@code columns}, setting names in any spelling
     * ({@code batch_size}, {@code batch-size}).
     *
     * @throws IllegalArgumentException for an unknown setting (naming the closest), none, or one
     *     given twice
     */
    public static SettingsLayout of(List<String> rows, List<String> columns) {
        List<String> r = names("--rows", rows);
        List<String> c = names("--columns", columns);
        for (String setting : r) {
            if (c.contains(setting)) {
                throw new IllegalArgumentException("setting '" + setting + "' is in both --rows and --columns; "
                        + "give it in one");
            }
        }
        return new SettingsLayout(r, c);
    }

    private static List<String> names(String option, List<String> given) {
        if (given.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one setting, e.g. " + option + " "
                    + String.join(",", option.equals("--rows") ? DEFAULT_ROWS : DEFAULT_COLUMNS));
        }
        List<String> names = new ArrayList<>();
        for (String name : given) {
            String canonical;
            try {
                canonical = TrainConfig.SCHEMA.entry(name.trim()).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
            }
            if (names.contains(canonical)) {
                throw new IllegalArgumentException(option + ": setting '" + canonical + "' is given twice");
            }
            names.add(canonical);
        }
        return names;
    }

    @Override
    public List<String> rowSettings() {
        return rows;
    }

    @Override
    public List<String> columnSettings() {
        return columns;
    }

    @Override
    public List<String> rowHeader() {
        return rows;
    }

    @Override
    public Place place(Map<String, Object> settings) {
        List<String> row = rows.stream().map(s -> SettingsSchema.text(settings.get(s))).toList();
        String label = columns.size() == 1 ? SettingsSchema.text(settings.get(columns.get(0)))
                : columns.stream().map(s -> s + " " + SettingsSchema.text(settings.get(s)))
                        .collect(Collectors.joining(", "));
        return new Place(row, new Column("", label), "", ResultsTable.isOriginal(settings) ? 0 : 1);
    }
}
