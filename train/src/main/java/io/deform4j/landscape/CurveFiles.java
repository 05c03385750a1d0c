package io.deform4j.landscape;

import io.deform4j.io.AtomicFiles;
import io.deform4j.train.Metrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.math.BigDecimal;
import java.math.MathContext;

/** The CSV files of {@code deform4j landscape}: {@code curve.csv} and {@code surface.csv}. */
public final class CurveFiles {

    /** Header of {@code curve.csv}. */
    public static final String CURVE_HEADER = "model,alpha,train_loss,train_acc,test_loss,test_acc";
    /** Header of {@code surface.csv}. */
    public static final String SURFACE_HEADER = "x,y,train_loss,train_acc,test_loss,test_acc";

    private CurveFiles() {
    }

    /** Writes the points of one or more curves, in order. */
    public static void writeCurves(Path file, List<LossCurve.Point> points) throws IOException {
        StringBuilder csv = new StringBuilder(CURVE_HEADER).append('\n');
        for (LossCurve.Point p : points) {
            csv.append(quote(p.model())).append(',').append(number(p.alpha())).append(',')
                    .append(metrics(p.train(), p.test())).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** Writes a surface, row by row. */
    public static void writeSurface(Path file, LossSurface.Result surface) throws IOException {
        StringBuilder csv = new StringBuilder(SURFACE_HEADER).append('\n');
        for (LossSurface.Point p : surface.points()) {
            csv.append(number(p.x())).append(',').append(number(p.y())).append(',')
                    .append(metrics(p.train(), p.test())).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    private static String metrics(Metrics train, Metrics test) {
        return number(train.loss()) + "," + number(train.accuracy()) + "," + number(test.loss()) + ","
                + number(test.accuracy());
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(v, new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
