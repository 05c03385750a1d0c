package io.deform4j.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ResultsTable} as a GitHub-flavoured Markdown table: the title in bold, a column per
 * row label then per column of the table (a column group is written before the column's label),
 * the best cell's median in bold, and the legend below.
 */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static void write(ResultsTable table, Spread spread, boolean times, PrintWriter out) {
        if (!table.title().isEmpty()) {
            out.println("**" + escape(table.title()) + "**");
            out.println();
        }
        List<String> heading = new ArrayList<>(table.header());
        List<String> rule = new ArrayList<>();
        table.header().forEach(h -> rule.add("---"));
        for (Layout.Column c : table.columns()) {
            heading.add(c.group().isEmpty() ? c.label() : c.group() + " " + c.label());
            rule.add("---:");
        }
        out.println(line(heading.stream().map(MarkdownTable::escape).toList()));
        out.println(line(rule));
        for (ResultsTable.Row row : table.rows()) {
            List<String> cells = CellText.row(row, times, spread, MarkdownTable::escape, v -> "**" + v + "**");
            out.println(line(cells));
        }
        out.println();
        out.println(escape(TableFormat.legend(table, spread, times)));
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    /**
     * Characters that Markdown would read as markup ({@code 0.5*l^2} is not emphasis, a {@code |}
     * does not end a cell); the few, so that the text stays readable in a terminal.
     */
    static String escape(String text) {
        return text.replaceAll("([\\\\|*_`])", "\\\\$1");
    }
}
