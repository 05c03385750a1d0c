package io.deform4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table of text cells, escaped here: a caption, one header row, rows that may carry a CSS
 * class (e.g. {@code broken}), and columns of numbers aligned right.
 */
final class HtmlTable {

    private final String caption;
    private final List<String> header;
    private final boolean[] numeric;
    private final List<String> rows = new ArrayList<>();

    /**
     * @param caption what the table shows, with units (null: none)
     * @param header  the column headings
     */
    HtmlTable(String caption, List<String> header) {
        this.caption = caption;
        this.header = List.copyOf(header);
        this.numeric = new boolean[header.size()];
    }

    /** Aligns these columns (0-based) right, as numbers. */
    HtmlTable numeric(int... columns) {
        for (int c : columns) {
            numeric[c] = true;
        }
        return this;
    }

    HtmlTable row(List<String> cells) {
        return row(null, cells);
    }

    /**
     * Adds a row of {@code cells} (text; null is an empty cell), with a CSS class or null.
     *
     * @throws IllegalArgumentException if the row has another number of cells than the header
     */
    HtmlTable row(String cssClass, List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + header + " needs " + header.size() + " cells, got "
                    + cells.size() + ": " + cells);
        }
        StringBuilder s = new StringBuilder(cssClass == null ? "<tr>" : "<tr class=\"" + Html.escape(cssClass) + "\">");
        for (int c = 0; c < cells.size(); c++) {
            s.append(numeric[c] ? "<td class=\"num\">" : "<td>")
                    .append(cells.get(c) == null ? "" : Html.escape(cells.get(c))).append("</td>");
        }
        rows.add(s.append("</tr>").toString());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String html() {
        StringBuilder s = new StringBuilder("<table>");
        if (caption != null) {
            s.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        s.append("<thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            s.append(numeric[c] ? "<th class=\"num\">" : "<th>").append(Html.escape(header.get(c))).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        rows.forEach(s::append);
        return s.append("</tbody></table>").toString();
    }
}
