package io.deform4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the cells of a {@link ResultsTable} go: the settings that place a cell, its row and
 * column, and the rows and columns shown even when no run fills them (the paper's tables).
 * Settings that are not laid out but differ between runs of one row are added to the row labels
 * by the table ({@link CellGrouping}), so a layout never pools different experiments.
 */
public interface Layout {

    /**
     * A column.
     *
     * @param group the heading over several columns (a data set in Table 2), empty for none
     * @param label the column's own heading
     */
    record Column(String group, String label) {
    }

    /**
     * The position of a cell.
     *
     * @param row    its row's labels, one per {@link #rowHeader} entry
     * @param column its column
     * @param note   text shown in brackets after its value (the mapping of a "deformed" column), empty for none
     * @param rank   cells are placed in order of rank, then of their first run: the first cell
     *     of a row or column decides where it goes, and where two cells fall on one position the
     *     later one opens a new row with the same labels
     */
    record Place(List<String> row, Column column, String note, int rank) {
    }

    /** The settings whose values say a cell's row, in the order the table shows them. */
    List<String> rowSettings();

    /** The settings whose values (with the row's) say a cell's column. */
    List<String> columnSettings();

    /** The settings whose values place a cell: those of the rows, then of the columns. */
    default List<String> laidOut() {
        List<String> all = new ArrayList<>(rowSettings());
        all.addAll(columnSettings());
        return List.copyOf(all);
    }

    /** The headings of the row labels. */
    List<String> rowHeader();

    /** The position of the cell with {@code settings} (every laid-out setting is among them). */
    Place place(Map<String, Object> settings);

    /** Rows shown even without runs, first and in this order (labels as in {@link Place#row}). */
    default List<List<String>> fixedRows() {
        return List.of();
    }

    /** Columns shown even without runs, first and in this order. */
    default List<Column> fixedColumns() {
        return List.of();
    }

    /**
     * Where the best cell is looked for: false (the default) among the cells of one row under one
     * column group; true among every row's cells under one column group (a table of one column).
     */
    default boolean bestAcrossRows() {
        return false;
    }

    /** The table's title, or empty. */
    default String title() {
        return "";
    }
}
