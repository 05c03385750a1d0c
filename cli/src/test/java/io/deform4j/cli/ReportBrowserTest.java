package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small real sweep, opened in headless Chromium as a reader would open it, from
 * a file, with no network: the page loads without a console message (the page has no script,
 * so any message is an error or a blocked load), every picture decodes to a non-zero size and
 * every chart draws something, the tables hold the runs' cells, and a full-page screenshot is
 * written to {@code target/report-browser/report.png}.
 *
 * <p>Chromium is Debian's {@code chromium} package ({@code bin/test} installs it). In CI (the
 * {@code CI} variable set) its absence fails the test; elsewhere the test is skipped with a
 * message saying how to install it.
 */
class ReportBrowserTest {

    /** The viewport of the checks. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    /**
     * Collects, after the page has loaded, what the test checks: each picture's decoded size,
     * each chart's drawn box, the page's height and the text of every table cell.
     */
    private static final String CHECK = """
            <script>
            window.addEventListener('load', function () {
              var images = Array.from(document.images);
              var charts = Array.from(document.querySelectorAll('svg'));
              var result = {
                images: images.length,
                undecoded: images.filter(function (i) { return !(i.complete && i.naturalWidth > 0 && i.naturalHeight > 0); })
                    .map(function (i) { return i.alt; }),
                charts: charts.length,
                empty: charts.filter(function (s) { var b = s.getBBox(); return !(b.width > 0 && b.height > 0); })
                    .map(function (s) { return s.getAttribute('aria-label'); }),
                height: Math.ceil(document.documentElement.scrollHeight),
                tables: Array.from(document.querySelectorAll('table')).map(function (t) {
                  return {caption: t.caption ? t.caption.textContent : '', rows: Array.from(t.rows).map(function (r) {
                    return Array.from(r.cells).map(function (c) { return c.textContent; }); })};
                })
              };
              var out = document.createElement('pre');
              out.id = 'check';
              out.textContent = JSON.stringify(result);
              document.body.appendChild(out);
            });
            </script>
            """;

    @TempDir
    Path dir;

    @Test
    void theReportOfARealSweepLoadsAndDrawsInChromium() throws Exception {
        String chromium = chromium();
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny
                base: {epochs: 2, milestones: [1], limit-train: 100, limit-test: 50, batch-size: 50}
                grid:
                  vdm: [original, "LE(1,0.99)"]
                  seed: [1, 2]
                """);
        Path sweep = dir.resolve("sweep");
        CliRunner r = CliRunner.command("sweep", spec.toString(), "--out", sweep.toString(), "--parallel", "2",
                "--threads-per-run", "1");
        assertThat(r.status()).as(r.err()).isZero();
        Path original = sweep.resolve("runs/original-seed1");
        Path deformed = sweep.resolve("runs/LE(1,0.99)-seed1");
        r = CliRunner.command("landscape", "--checkpoint", original.toString(), "--checkpoint", deformed.toString(),
                "--points", "5", "--limit", "50", "--surface", "--surface-points", "3", "--threads", "1", "--out",
                dir.resolve("out/landscape").toString());
        assertThat(r.status()).as(r.err()).isZero();
        r = CliRunner.command("hessian", "--checkpoint", original.toString(), "--top", "2", "--max-iterations", "5",
                "--trace", "--trace-samples", "3", "--trace-min-samples", "2", "--limit", "32", "--threads", "1",
                "--out", dir.resolve("out/hessian").toString());
        assertThat(r.status()).as(r.err()).isZero();
        r = CliRunner.command("simulate", "fig1", "--out", dir.resolve("out/fig1").toString());
        assertThat(r.status()).as(r.err()).isZero();

        Path target = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "report-browser"));
        Path report = target.resolve("report.html");
        r = CliRunner.command("report", sweep.toString(), dir.resolve("out").toString(), "--out", report.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String html = Files.readString(report);

        // the checks run in a copy with the script above, which the copy's policy lets run
        String withCheck = html.replace("default-src 'none'", "default-src 'none'; script-src 'unsafe-inline'")
                .replace("</body>", CHECK + "</body>");
        assertThat(withCheck).contains(CHECK);
        Path check = Files.writeString(target.resolve("check.html"), withCheck);
        Browser page = browse(chromium, target, "--window-size=" + WIDTH + "," + HEIGHT, "--virtual-time-budget=10000",
                "--dump-dom", check.toUri().toString());
        assertThat(page.console()).as("console messages of the page").isEmpty();
        Matcher m = Pattern.compile("<pre id=\"check\">(.*?)</pre>", Pattern.DOTALL).matcher(page.out());
        assertThat(m.find()).as("the check ran: " + page.out().substring(Math.max(0, page.out().length() - 500)))
                .isTrue();
        JsonNode result = Json.MAPPER.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&"));

        assertThat(result.get("images").asInt()).isEqualTo(count(html, "<img ")).isEqualTo(2 + 3);
        assertThat(result.get("undecoded")).as("pictures that do not decode").isEmpty();
        assertThat(result.get("charts").asInt()).isEqualTo(count(html, "<svg ")).isEqualTo(5 + 2 + 2);
        assertThat(result.get("empty")).as("charts that draw nothing").isEmpty();
        List<String> comparison = cells(result, "Test accuracy over seeds");
        assertThat(comparison).containsSubsequence("original", "2 / 2").containsSubsequence("LE(1,0.99)", "2 / 2");
        assertThat(cells(result, "Hessian of the mean training")).contains("original-seed1", "original");
        assertThat(cells(result, "At the end of each run")).contains("AP(10,1,1,1)", "1 of 1");
        assertThat(cells(result, "Settings that vary")).containsSubsequence("vdm", "original; LE(1,0.99)", "seed",
                "1; 2");

        int height = result.get("height").asInt();
        Path screenshot = target.resolve("report.png");
        Files.deleteIfExists(screenshot);
        browse(chromium, target, "--window-size=" + WIDTH + "," + height, "--hide-scrollbars",
                "--screenshot=" + screenshot, report.toUri().toString());
        int[] size = pngSize(screenshot);
        assertThat(size).containsExactly(WIDTH, height);
        System.out.printf("report %s (%d kB), screenshot %s (%d × %d)%n", report, Files.size(report) / 1024, screenshot,
                size[0], size[1]);
    }

    /** The browser's output and its console messages. */
    private record Browser(String out, List<String> console) {
    }

    /** Runs headless Chromium on a copy of this machine's files only, with a profile of its own. */
    private static Browser browse(String chromium, Path target, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + target.resolve("profile")));
        command.addAll(List.of(args));
        Path out = target.resolve("chromium.out");
        Path err = target.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + command);
        }
        List<String> console = Files.readAllLines(err).stream().filter(l -> l.contains(":CONSOLE")).toList();
        assertThat(p.exitValue()).as("chromium's exit status; " + String.join("\n", Files.readAllLines(err))).isZero();
        return new Browser(Files.readString(out), console);
    }

    /** Chromium on the PATH; in CI its absence fails, elsewhere it skips. */
    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            String found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .map(d -> Path.of(d, name)).filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        String message = "chromium is not installed; install Debian's package: apt-get install chromium";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so the browser check must run)");
        }
        Assumptions.abort(message);
        return null;
    }

    /** The text of every cell of the table whose caption starts with {@code caption}, row by row. */
    private static List<String> cells(JsonNode result, String caption) {
        for (JsonNode table : result.get("tables")) {
            if (table.get("caption").asText().startsWith(caption)) {
                List<String> cells = new ArrayList<>();
                table.get("rows").forEach(row -> row.forEach(cell -> cells.add(cell.asText())));
                return cells;
            }
        }
        return fail("no table captioned '" + caption + "'");
    }

    /** Width and height of a PNG, from its header. */
    private static int[] pngSize(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("the screenshot's size").isGreaterThan(24);
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
