package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

class HtmlReportTest {

    @TempDir
    Path dir;

    /** Three seeds each: original {0.50, 0.70, 0.60} → median 60 %, LE(1,0.99) {0.55, 0.80, 0.65} → 65 %, Δ +5 pt. */
    @Test
    void thePageHoldsTheComparisonCurvesMappingsFlatnessAndSimulations() throws Exception {
        double[] original = {0.50, 0.70, 0.60};
        double[] deformed = {0.55, 0.80, 0.65};
        for (int seed = 1; seed <= 3; seed++) {
            SyntheticRuns.finished(dir.resolve("sweep/original-seed" + seed), "original", seed, 4, original[seed - 1],
                    10, Map.of());
            SyntheticRuns.finished(dir.resolve("sweep/le-seed" + seed), "LE(1,0.99)", seed, 4, deformed[seed - 1],
                    11, Map.of());
        }
        SyntheticRuns.stopped(dir.resolve("sweep/le-seed4"), "LE(1,0.99)", 4, 2, 4, "the loss left the domain of LE(1,0.99)");
        Path broken = SyntheticRuns.finished(dir.resolve("sweep/broken"), "original", 9, 4, 0.5);
        Files.writeString(broken.resolve("run.json"), "{");
        ReportFiles.landscape(dir.resolve("out/landscape"), List.of("original-seed1", "le-seed1"), true);
        ReportFiles.hessian(dir.resolve("out/hessian-o"), "original-seed1", 579, 450, 279);
        ReportFiles.hessian(dir.resolve("out/hessian-d"), "le-seed1", 554, 186, 107);
        ReportFiles.simulation(dir.resolve("out/fig4"));

        HtmlReport.Report report = HtmlReport.of(List.of(dir.resolve("sweep"), dir.resolve("out")));
        String html = report.html();

        assertThat(report.runs()).isEqualTo(8);
        assertThat(report.problems()).singleElement().asString().startsWith(broken.toString());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy", "<style>")
                .doesNotContain("<script", "<link", "@import", "url(");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
        for (String id : List.of("summary", "runs", "problems", "comparison", "curves", "mappings", "flatness",
                "simulations")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        // comparison: n, medians, ranges, difference; time per epoch 11 s / 10 s
        assertThat(cells(html, "Test accuracy over seeds")).containsSubsequence("original", "3 / 3", "60.00 %",
                "50.00 % – 70.00 %", "–").containsSubsequence("LE(1,0.99)", "3 / 4", "65.00 %", "55.00 % – 80.00 %",
                "+5.00 pt (ranges overlap)");
        assertThat(cells(html, "Time per epoch")).containsSubsequence("LE(1,0.99)", "3", "11.00", "11.00 – 11.00",
                "1.00", "1.100", "1.000");
        // five training-curve charts for the one experiment, two mapping charts, two landscape charts
        assertThat(count(html, "<svg ")).isEqualTo(5 + 2 + 2);
        for (String svg : svgs(html)) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        }
        assertThat(count(html, "<img src=\"data:image/png;base64,")).isEqualTo(2 + 1);
        assertThat(cells(html, "Hessian of the mean training")).containsSubsequence("original-seed1", "original",
                "579.0", "450.0", "279.0", "3000 ± 150.0").containsSubsequence("le-seed1", "LE(1,0.99)", "554.0");
        assertThat(cells(html, "At the end of each run")).containsSubsequence("LE(1,0.99)", "100", "0", "1.270",
                "2.880", "0.07700", "76 of 100");
        assertThat(cells(html, "Each mapping at the losses")).containsSubsequence("LE(1,0.99)",
                "l > -0.01005033585350145 (exp(l) > e2, i.e. l > ln e2)");
        assertThat(cells(html, "Failed runs are in no statistic")).contains(broken.toString(), "cannot be read")
                .contains(dir.resolve("sweep/le-seed4").toString(), "the loss left the domain of LE(1,0.99)");
        assertThat(html).contains("fewer than the paper&#39;s 5 seeds", "the ranges overlap, so the seeds do not "
                + "separate them", "ended flatter than the original from 76 of 100 start(s)");
    }

    @Test
    void theSummarySaysWhenSeedsSeparateTheMappings() throws Exception {
        double[][] acc = {{0.50, 0.52}, {0.60, 0.62}};
        String[] vdms = {"original", "LE(1,0.99)"};
        for (int m = 0; m < 2; m++) {
            for (int seed = 1; seed <= 2; seed++) {
                SyntheticRuns.finished(dir.resolve(m + "-" + seed), vdms[m], seed, 2, acc[m][seed - 1]);
            }
        }
        ReportData data = ReportSources.find(List.of(dir));
        List<String> sentences = SummarySection.sentences(data, CellGrouping.byMapping(data.configured()), List.of());
        assertThat(sentences).anySatisfy(s -> assertThat(s).isEqualTo("LE(1,0.99): final test accuracy 61.00 % "
                + "against 51.00 % for the original (+10.00 pt; n = 2 and 2); the ranges do not overlap: every "
                + "LE(1,0.99) run ended above every original run."));
        assertThat(sentences).anySatisfy(s -> assertThat(s).contains("1 have the higher median test accuracy and 1 "
                + "are separated"));
    }

    @Test
    void oneRunPerCellIsNoEvidence() throws Exception {
        SyntheticRuns.finished(dir.resolve("original"), "original", 1, 2, 0.5);
        SyntheticRuns.finished(dir.resolve("deformed"), "LE(1,0.99)", 1, 2, 0.4);
        ReportData data = ReportSources.find(List.of(dir));
        assertThat(SummarySection.sentences(data, CellGrouping.byMapping(data.configured()), List.of()))
                .anySatisfy(s -> assertThat(s).startsWith("Each cell has at most one finished run"))
                .anySatisfy(s -> assertThat(s).endsWith("(−10.00 pt; n = 1 and 1); one run on a side, so no spread "
                        + "to compare."));
    }

    @Test
    void onlyTheSectionsWithDataAppear() throws Exception {
        ReportFiles.simulation(dir.resolve("fig4"));
        String html = HtmlReport.of(List.of(dir)).html();
        assertThat(html).contains("<section id=\"summary\">", "<section id=\"runs\">", "<section id=\"simulations\">")
                .doesNotContain("<section id=\"comparison\">", "<section id=\"curves\">", "<section id=\"mappings\">",
                        "<section id=\"flatness\">", "<section id=\"problems\">");
    }

    /** The text of the cells of the table whose caption starts with {@code caption}. */
    static List<String> cells(String html, String caption) {
        int start = html.indexOf("<caption>" + caption);
        assertThat(start).as("a table captioned '" + caption + "'").isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(table);
        while (m.find()) {
            cells.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'"));
        }
        return cells;
    }

    static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            svgs.add(m.group());
        }
        return svgs;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
