package io.deform4j.report;

import java.util.Locale;

/** RFC 4180 quoting and compact number formatting for the CSV and tables we write. */
final class Csv {

    private Csv() {
    }

    /** The field, quoted when it holds a comma, quote or line break. */
    static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** Six significant digits, for human-facing tables (CSV and JSON keep full precision). */
    static String number(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
