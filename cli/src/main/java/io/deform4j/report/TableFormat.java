package io.deform4j.report;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The output formats of a {@link ResultsTable}: Markdown and LaTeX tables for reading and papers,
 * CSV and JSON with one row (object) per cell for programs ({@link CellObjects}).
 */
public enum TableFormat {
    MARKDOWN, CSV, LATEX, JSON;

    /**
     * Prints {@code table} in this format.
     *
     * @param spread what the text formats show around the median (JSON and CSV add {@code q1} and
     *     {@code q3} with {@link Spread#IQR})
     * @param times  the seconds per epoch of training and evaluation instead of the test accuracy
     *     (supplementary E)
     */
    public void write(ResultsTable table, Spread spread, boolean times, PrintWriter out) throws IOException {
        switch (this) {
            case MARKDOWN -> MarkdownTable.write(table, spread, times, out);
            case LATEX -> LatexTable.write(table, spread, times, out);
            case CSV -> CellObjects.writeCsv(table, spread, times, out);
            case JSON -> CellObjects.writeJson(table, spread, times, out);
        }
        out.flush();
    }

    /** What the cells of the text formats hold, one or two sentences. */
    static String legend(ResultsTable table, Spread spread, boolean times) {
        if (times) {
            return "Median seconds per epoch of training / evaluation over each cell's runs (each run's median "
                    + "over its epochs); n = runs done; × = ratio to the original model's (same settings).";
        }
        return "Median test accuracy (%) " + table.metric().description() + " over each cell's runs (seeds); "
                + "in brackets: " + (spread == Spread.IQR ? "the interquartile range" : "min–max")
                + ", n = runs done (of all the cell's runs, with the states of the others), Δ = difference to the "
                + "original model's median (same settings) in points. Bold: the best median of its "
                + table.bestAmong() + ".";
    }
}
