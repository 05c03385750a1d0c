package io.deform4j.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A {@link ResultsTable} as a LaTeX {@code table} with a {@code booktabs} tabular
 * ({@code \toprule}, {@code \midrule}, {@code \bottomrule}; column groups as
 * {@code \multicolumn} over {@code \cmidrule}), the title and legend as its caption, the best
 * cell's median in {@code \textbf}. Every text is escaped, and the few non-ASCII characters the
 * table uses are written as LaTeX, so the output compiles with pdfLaTeX.
 */
final class LatexTable {

    /** LaTeX for the characters that are special in LaTeX text or not ASCII. */
    private static final Map<Character, String> ESCAPES = Map.ofEntries(
            Map.entry('\\', "\\textbackslash{}"), Map.entry('{', "\\{"), Map.entry('}', "\\}"),
            Map.entry('&', "\\&"), Map.entry('%', "\\%"), Map.entry('$', "\\$"), Map.entry('#', "\\#"),
            Map.entry('_', "\\_"), Map.entry('~', "\\textasciitilde{}"), Map.entry('^', "\\textasciicircum{}"),
            Map.entry('–', "--"), Map.entry('η', "$\\eta$"), Map.entry('Δ', "$\\Delta$"), Map.entry('×', "$\\times$"),
            Map.entry('δ', "$\\delta$"), Map.entry('ℓ', "$\\ell$"), Map.entry('π', "$\\pi$"),
            Map.entry('·', "$\\cdot$"), Map.entry('−', "$-$"), Map.entry('²', "$^2$"));

    private LatexTable() {
    }

    static void write(ResultsTable table, Spread spread, boolean times, PrintWriter out) {
        int labels = table.header().size();
        List<Layout.Column> columns = table.columns();
        out.println("\\begin{table}[t]");
        out.println("  \\centering");
        String title = table.title().isEmpty() ? "" : table.title() + ". ";
        out.println("  \\caption{" + escape(title + TableFormat.legend(table, spread, times)) + "}");
        out.println("  \\begin{tabular}{" + "l".repeat(labels) + "r".repeat(columns.size()) + "}");
        out.println("    \\toprule");
        if (columns.stream().anyMatch(c -> !c.group().isEmpty())) {
            writeGroups(columns, labels, out);
        }
        List<String> heading = new ArrayList<>(table.header());
        columns.forEach(c -> heading.add(c.label()));
        out.println("    " + line(heading.stream().map(LatexTable::escape).toList()));
        out.println("    \\midrule");
        for (ResultsTable.Row row : table.rows()) {
            List<String> cells = CellText.row(row, times, spread, LatexTable::escape, v -> "\\textbf{" + v + "}");
            out.println("    " + line(cells));
        }
        out.println("    \\bottomrule");
        out.println("  \\end{tabular}");
        out.println("\\end{table}");
    }

    /** The row of column groups: each run of columns under one group as a {@code \multicolumn}, ruled below. */
    private static void writeGroups(List<Layout.Column> columns, int labels, PrintWriter out) {
        List<String> cells = new ArrayList<>(Collections.nCopies(labels, ""));
        StringBuilder rules = new StringBuilder();
        int start = 0;
        while (start < columns.size()) {
            String group = columns.get(start).group();
            int end = start;
            while (end + 1 < columns.size() && columns.get(end + 1).group().equals(group)) {
                end++;
            }
            int span = end - start + 1;
            if (group.isEmpty()) {
                cells.addAll(Collections.nCopies(span, ""));
            } else {
                cells.add("\\multicolumn{" + span + "}{c}{" + escape(group) + "}");
                rules.append("\\cmidrule(lr){").append(labels + start + 1).append('-').append(labels + end + 1)
                        .append('}');
            }
            start = end + 1;
        }
        out.println("    " + line(cells));
        out.println("    " + rules);
    }

    private static String line(List<String> cells) {
        return String.join(" & ", cells) + " \\\\";
    }

    /** {@code text} as LaTeX text. */
    static String escape(String text) {
        StringBuilder latex = new StringBuilder();
        for (char c : text.toCharArray()) {
            latex.append(ESCAPES.getOrDefault(c, String.valueOf(c)));
        }
        return latex.toString();
    }
}
