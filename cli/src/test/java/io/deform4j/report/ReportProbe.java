package io.deform4j.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code ReportProbe OUT PATH...}: writes the report of the paths to OUT; run in a child JVM to watch what it loads. */
public final class ReportProbe {

    private ReportProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> paths = Arrays.stream(args).skip(1).map(Path::of).toList();
        Files.writeString(Path.of(args[0]), HtmlReport.of(paths).html());
    }
}
