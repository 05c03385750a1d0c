package io.deform4j.report;

import io.deform4j.report.ReportData.Problem;
import io.deform4j.report.ReportData.ReportedRun;
import io.deform4j.sweep.RunState;
import java.util.List;

/**
 * What the report could not use, so that nothing disappears silently: runs that failed, files
 * and runs that cannot be read, each with its path and the reason.
 */
final class ProblemsSection {

    private ProblemsSection() {
    }

    /** The section's HTML, or empty when every run finished or is on its way and every file was read. */
    static String html(List<ReportedRun> runs, List<Problem> unreadable) {
        List<ReportedRun> failed = runs.stream().filter(r -> r.record().state() == RunState.FAILED).toList();
        if (failed.isEmpty() && unreadable.isEmpty()) {
            return "";
        }
        HtmlTable table = new HtmlTable("Failed runs are in no statistic; what cannot be read is in nothing",
                List.of("path", "problem", "why"));
        failed.forEach(r -> table.row("failed", List.of(r.record().dir().toString(), "failed",
                r.record().problem() == null ? "(no reason recorded)" : r.record().problem())));
        unreadable.forEach(p -> table.row("broken", List.of(p.path().toString(), "cannot be read", p.message())));
        return table.html();
    }
}
