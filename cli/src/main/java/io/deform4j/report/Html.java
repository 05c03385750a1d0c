package io.deform4j.report;

import java.util.Locale;

/** Text made safe for HTML, and the number formats of the report, in one place. */
final class Html {

    private Html() {
    }

    /** {@code text} with {@code & < > " '} escaped, for element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A figure: {@code content} (an {@code <svg>} or {@code <img>} element) above its caption (text, escaped here). */
    static String figure(String content, String caption) {
        return "<figure>" + content + (caption == null ? "" : "<figcaption>" + escape(caption) + "</figcaption>")
                + "</figure>";
    }

    /** A paragraph of text, escaped here. */
    static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    /** A fraction in [0, 1] as a percentage with two decimals ({@code 0.5923} → {@code 59.23 %}); "–" for NaN. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f %%", 100 * fraction) : "–";
    }

    /** A difference of fractions in percentage points with its sign ({@code -0.02} → {@code −2.00 pt}, {@code +0.05} → {@code +5.00 pt}). */
    static String points(double difference) {
        return Double.isFinite(difference) ? signed(String.format(Locale.ROOT, "%+.2f", 100 * difference)) + " pt" : "–";
    }

    /** A number with four significant digits ({@code 0.6564}, {@code 1817}); "–" for NaN. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "–" : value > 0 ? "∞" : "−∞";
        }
        return signed(String.format(Locale.ROOT, Math.abs(value) >= 1e5 || (value != 0 && Math.abs(value) < 1e-3)
                ? "%.3e" : "%.4g", value));
    }

    /** Seconds with two decimals. */
    static String seconds(double seconds) {
        return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.2f", seconds) : "–";
    }

    /** A ratio with three decimals ({@code 1.020}). */
    static String ratio(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.3f", ratio) : "–";
    }

    /** The typographic minus sign for negative numbers, as printed in the paper. */
    private static String signed(String number) {
        return number.startsWith("-") ? "−" + number.substring(1) : number;
    }
}
