package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.mapping.Vdm;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values and derivatives of mappings at given losses, as an aligned table (six significant
 * digits, for reading), CSV ({@link Csv}, full precision) or JSON (a bare array of {@link Row}
 * objects printed with {@link Json#MAPPER}, full precision; standard output is a view, not a
 * file, so it carries no {@value Json#FORMAT_VERSION_KEY}).
 */
public final class MappingTable {

    /** Output formats of {@link #write}. */
    public enum Format { TABLE, CSV, JSON }

    /** One mapping at one loss: the JSON object has exactly these keys, in this order. */
    public record Row(String vdm, double l, double value, double derivative) {
    }

    private MappingTable() {
    }

    /**
     * Evaluates every mapping at every point, then prints; a point outside a mapping's domain
     * throws before anything is printed.
     */
    public static List<Row> evaluate(List<Vdm> mappings, List<Double> points) {
        List<Row> rows = new ArrayList<>();
        for (Vdm vdm : mappings) {
            for (double l : points) {
                rows.add(new Row(vdm.toString(), l, vdm.value(l), vdm.derivative(l)));
            }
        }
        return rows;
    }

    /** Evaluates and prints in the given format. */
    public static void write(List<Vdm> mappings, List<Double> points, Format format, PrintWriter out) throws Exception {
        List<Row> rows = evaluate(mappings, points);
        switch (format) {
            case JSON -> out.println(Json.MAPPER.writeValueAsString(rows));
            case CSV -> Csv.write(out, Row.class, rows);
            case TABLE -> writeAligned(rows, out);
        }
        out.flush();
    }

    private static void writeAligned(List<Row> rows, PrintWriter out) {
        int width = Math.max(3, rows.stream().mapToInt(r -> r.vdm().length()).max().orElse(3));
        String layout = "%-" + width + "s  %10s  %14s  %14s%n";
        out.printf(layout, "vdm", "l", "value", "derivative");
        for (Row r : rows) {
            out.printf(layout, r.vdm(), number(r.l()), number(r.value()), number(r.derivative()));
        }
    }

    /** Six significant digits: the aligned table is for reading (CSV and JSON keep full precision). */
    private static String number(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
