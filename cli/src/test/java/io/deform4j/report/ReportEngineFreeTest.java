package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.cli.Deform4j;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report reads files only: it never loads the training engine. Each check runs a report in a
 * child JVM with {@code -verbose:class}, which prints every class as it is loaded.
 */
class ReportEngineFreeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void outputsOfEveryKind() throws IOException {
        SyntheticRuns.finished(dir.resolve("runs/original"), "original", 1, 3, 0.5);
        SyntheticRuns.finished(dir.resolve("runs/deformed"), "AP(18/pi,1,2,1)", 1, 3, 0.6);
        ReportFiles.landscape(dir.resolve("out/landscape"), List.of("original", "deformed"), true);
        ReportFiles.hessian(dir.resolve("out/hessian"), "original", 10, 5);
        ReportFiles.simulation(dir.resolve("out/fig4"));
    }

    /** The report library loads no class of DJL at all. */
    @Test
    void theReportLoadsNoClassOfDjl() throws Exception {
        Path out = dir.resolve("probe.html");
        List<String> loaded = loadedClasses(ReportProbe.class.getName(), out.toString(), dir.toString());
        assertThat(out).isNotEmptyFile();
        assertThat(loaded).contains(HtmlReport.class.getName(), SvgPlot.class.getName());
        assertThat(loaded).noneMatch(c -> c.startsWith("ai.djl."));
    }

    /**
     * Through the command line, the engine, its arrays and its native library stay unloaded (the
     * command line's option help names the model registry, whose interface type is DJL's {@code Block}).
     */
    @Test
    void theReportCommandStartsNoEngine() throws Exception {
        Path out = dir.resolve("command.html");
        List<String> loaded = loadedClasses(Deform4j.class.getName(), "report", dir.toString(), "--out", out.toString());
        assertThat(out).isNotEmptyFile();
        assertThat(loaded).noneMatch(c -> c.startsWith("ai.djl.engine.") || c.startsWith("ai.djl.pytorch.")
                || c.startsWith("ai.djl.ndarray.") || c.startsWith("ai.djl.training."));
    }

    @Test
    void noClassOfTheReportPackageImportsDjl() throws IOException {
        Path sources = Path.of(System.getProperty("user.dir"), "src/main/java/io/deform4j/report");
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import ai.djl");
            }
        }
    }

    /** The classes a child JVM on this class path loads while running {@code main} with {@code args}. */
    private static List<String> loadedClasses(String main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("classes", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
            List<String> lines = Files.readAllLines(log);
            assertThat(child.exitValue()).as(String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
                    lines.size()))).isZero();
            // "[0.552s][info][class,load] io.deform4j.cli.Deform4j source: ..."
            return lines.stream().filter(l -> l.contains("[class,load] ")).map(l -> l.substring(l.indexOf("] ",
                    l.indexOf("[class,load]")) + 2).split(" ")[0]).toList();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
