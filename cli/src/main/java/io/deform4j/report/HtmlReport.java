package io.deform4j.report;

import io.deform4j.report.ReportData.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code deform4j report}: one self-contained HTML page about everything found under some paths
 * ({@link ReportSources}): a summary in words, what was run, problems, the comparison and time
 * tables, training curves, the mappings, flatness and simulations, each section only when there
 * is something for it.
 *
 * <p>The page needs nothing beside it and fetches nothing: the style is inline, charts are
 * inline SVG ({@link SvgPlot}), pictures are {@code data:} URIs ({@link EmbeddedImage}), fonts
 * are the system's, there is no script, and a Content-Security-Policy forbids loading anything
 * else, so it opens the same from a file, a mail or an archive years later. Only files are read:
 * writing a report never starts the training engine.
 */
public final class HtmlReport {

    /**
     * A report.
     *
     * @param html     the page
     * @param runs     the training runs it covers
     * @param problems one line per run or file found that cannot be read, {@code PATH: why}; the
     *                 page lists them too
     */
    public record Report(String html, int runs, List<String> problems) {
    }

    /** A section of the page: its anchor, its heading and its content (empty: left out). */
    private record Section(String id, String title, String html) {
    }

    /** Nothing loads from anywhere: styles inline, images from data: URIs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private HtmlReport() {
    }

    /**
     * The report of everything under {@code paths}.
     *
     * @throws IllegalArgumentException if a path does not exist or holds nothing deform4j wrote
     *     (the message names it)
     */
    public static Report of(List<Path> paths) throws IOException {
        ReportData data = ReportSources.find(paths);
        List<Problem> unreadable = new ArrayList<>();
        String html = page(data, paths, unreadable);
        return new Report(html, data.runs().size(), unreadable.stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    /** The page of {@code data}; adds what cannot be read to {@code unreadable}. */
    static String page(ReportData data, List<Path> paths, List<Problem> unreadable) {
        CellGrouping.Result grouped = CellGrouping.byMapping(data.configured());
        Map<String, String> colours = SvgPlot.colours(vdms(grouped.cells()));
        List<Problem> pictureProblems = new ArrayList<>();
        String comparison = ComparisonSection.html(grouped);
        String curves = TrainingCurvesSection.html(grouped, colours);
        String mappings = MappingSection.html(data.configured(), colours);
        String flatness = FlatnessSection.html(data, pictureProblems);
        String simulations = SimulationSection.html(data.simulations(), pictureProblems);
        unreadable.addAll(data.unreadable());
        unreadable.addAll(pictureProblems);

        List<Section> sections = Stream.of(
                new Section("summary", "Summary", SummarySection.html(data, grouped, unreadable)),
                new Section("runs", "What was run", RunsSection.html(data, Software.current())),
                new Section("problems", "Problems", ProblemsSection.html(data.runs(), unreadable)),
                new Section("comparison", "Comparison of original and deformed", comparison),
                new Section("curves", "Training curves", curves),
                new Section("mappings", "Deformation mappings", mappings),
                new Section("flatness", "Flatness: loss landscapes and Hessians", flatness),
                new Section("simulations", "Simulations", simulations)).filter(s -> !s.html().isEmpty()).toList();

        StringBuilder page = new StringBuilder(64 * 1024);
        String title = "deform4j report: " + String.join(", ", paths.stream().map(HtmlReport::name).toList());
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"generator\" content=\"deform4j ").append(Html.escape(Software.deform4jVersion()))
                .append("\"><title>").append(Html.escape(title)).append("</title><style>\n").append(css())
                .append("</style></head>\n<body><header><h1>deform4j report</h1>");
        page.append(Html.paragraph("From " + String.join(", ", paths.stream().map(Path::toString).toList())
                + "; written " + RunsSection.DATE.format(Instant.now()) + " by deform4j " + Software.deform4jVersion()
                + "."));
        page.append("<nav>");
        sections.forEach(s -> page.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.title()))
                .append("</a>"));
        page.append("</nav></header>\n");
        for (Section s : sections) {
            page.append("<section id=\"").append(s.id()).append("\"><h2>").append(Html.escape(s.title()))
                    .append("</h2>").append(s.html()).append("</section>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    /** The mappings of the cells, the original first: the order of their colours. */
    private static Set<String> vdms(List<Cell> cells) {
        Set<String> vdms = new LinkedHashSet<>();
        cells.stream().filter(Cell::isOriginal).findFirst().ifPresent(c -> vdms.add(c.vdm()));
        cells.forEach(c -> vdms.add(c.vdm()));
        return vdms;
    }

    private static String name(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? path.toString() : name.toString();
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path: a broken build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
