package io.deform4j.report;

import io.deform4j.sweep.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The text of one entry of a results table, shared by the Markdown and LaTeX tables: the value
 * (which a table may set in bold) and the rest, e.g. {@code 70.67} and
 * {@code  [AP(18/pi,1,2,1)] (69.80–71.02, n=5; Δ +0.91)}. Accuracies are in per cent with two
 * decimals and differences in percentage points, as in the paper; a cell that lacks runs says so
 * ({@code n=3 of 5, 1 failed, 1 pending}).
 */
final class CellText {

    /**
     * @param value the median (or the times), the part that is set in bold for the best cell
     * @param rest  everything after it
     */
    record Parts(String value, String rest) {
    }

    /** Shown for a value that no run gives. */
    static final String NONE = "–";

    private CellText() {
    }

    /**
     * The cells of one row as a text table shows them: its labels, then each entry (empty where the
     * row has none), every text passed through {@code escape} and the best value through {@code bold}.
     */
    static List<String> row(ResultsTable.Row row, boolean times, Spread spread, UnaryOperator<String> escape,
            UnaryOperator<String> bold) {
        List<String> cells = new ArrayList<>(row.labels().stream().map(escape).toList());
        for (ResultsTable.Entry e : row.entries()) {
            if (e == null) {
                cells.add("");
                continue;
            }
            Parts parts = times ? times(e) : accuracy(e, spread);
            String value = escape.apply(parts.value());
            cells.add((e.best() && !times ? bold.apply(value) : value) + escape.apply(parts.rest()));
        }
        return cells;
    }

    /** The test accuracy: median, note, spread, counts and the difference to the original. */
    static Parts accuracy(ResultsTable.Entry e, Spread spread) {
        CellSummary s = e.summary();
        List<String> details = new ArrayList<>();
        if (s.runs() > 1) {
            details.add(spread == Spread.IQR ? "IQR " + percent(s.q1()) + "–" + percent(s.q3())
                    : percent(s.min()) + "–" + percent(s.max()));
        }
        details.add(counts(s));
        String inBrackets = String.join(", ", details);
        if (e.diff() != null) {
            inBrackets += "; Δ " + String.format(Locale.ROOT, "%+.2f", 100 * e.diff());
        }
        return new Parts(s.hasValues() ? percent(s.median()) : NONE, note(e) + " (" + inBrackets + ")");
    }

    /** Seconds per epoch: training / evaluation, and the ratios to the original's. */
    static Parts times(ResultsTable.Entry e) {
        CellSummary s = e.summary();
        String value = s.hasValues() ? seconds(s.trainSeconds()) + " / " + seconds(s.evalSeconds()) : NONE;
        String inBrackets = counts(s);
        if (e.trainRatio() != null) {
            inBrackets += "; ×" + seconds(e.trainRatio()) + " / ×" + seconds(e.evalRatio());
        }
        return new Parts(value, note(e) + " (" + inBrackets + ")");
    }

    /** {@code n=5}, or with fewer runs done than the cell has, {@code n=3 of 5, 1 failed, 1 pending}. */
    static String counts(CellSummary s) {
        StringBuilder text = new StringBuilder("n=").append(s.runs());
        if (s.runs() < s.planned()) {
            text.append(" of ").append(s.planned());
            for (Map.Entry<RunState, Integer> state : new TreeMap<>(s.unfinished()).entrySet()) {
                text.append(", ").append(state.getValue()).append(' ').append(state.getKey().id());
            }
        }
        return text.toString();
    }

    private static String note(ResultsTable.Entry e) {
        return e.note().isEmpty() ? "" : " [" + e.note() + "]";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    private static String seconds(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
