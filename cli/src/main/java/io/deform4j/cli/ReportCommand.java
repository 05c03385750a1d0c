package io.deform4j.cli;

import io.deform4j.io.AtomicFiles;
import io.deform4j.io.FileErrors;
import io.deform4j.io.OutputPaths;
import io.deform4j.report.HtmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deform4j report PATH... --out FILE.html}: one self-contained page about runs, sweeps and their analyses. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Write one self-contained HTML page about the runs, sweeps, landscapes, Hessians and simulations "
                + "found under some paths.",
        description = {
            "",
            "Reads, at any depth under each PATH, what deform4j wrote: run directories (train, compare), sweeps, "
                    + "landscape, hessian and simulate outputs. Only files are read: nothing is trained or evaluated.",
            "",
            "The page has, each only when there is data for it: a summary in words, including where the evidence is "
                    + "weak (few seeds, overlapping ranges, failed runs); what was run (settings shared and varying, "
                    + "software, machine, dates); runs that failed and files that cannot be read; the comparison table "
                    + "(median over seeds, min-max, n, deformed minus original) and the time per epoch (supplementary "
                    + "E); training curves per epoch (median over seeds, min-max band); δ(ℓ) and δ'(ℓ) of every mapping "
                    + "over the losses visited; loss curves, surfaces and Hessian spectra; the simulations' numbers "
                    + "and pictures.",
            "",
            "The page needs no file beside it and loads nothing from the network: inline style, inline SVG charts, "
                    + "pictures as data: URIs, no script.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j report runs/demo --out demo.html",
            "  deform4j report runs/compare out/landscape out/hessian-o out/hessian-d out/fig4 --out results.html",
            "",
            "Exit status: 0 success; 1 failure; 2 bad input: a PATH missing or holding nothing deform4j wrote, an --out "
                    + "that cannot be written, or a run or file found that cannot be read (the report is written "
                    + "all the same and lists it)."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Run, sweep, landscape, hessian or simulation folders, or folders holding them.")
    private List<Path> paths;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The page to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        prepareOut();
        HtmlReport.Report report = HtmlReport.of(paths);
        byte[] page = report.html().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(out, page);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + " cannot be written: " + FileErrors.describe(e), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : report.problems()) {
            err.println("error: cannot read " + problem);
        }
        err.println(String.format(Locale.ROOT, "wrote %s (%.0f kB): %d training run(s)%s", out, page.length / 1024.0,
                report.runs(), report.problems().isEmpty() ? ""
                        : "; " + report.problems().size() + " run(s) or file(s) cannot be read, listed in the report"));
        return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** Checks --out before anything is read, so a bad output fails at once. */
    private void prepareOut() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new IllegalArgumentException("--out: expected a file name ending in .html, got '" + out + "'");
        }
        OutputPaths.checkFile("--out", out);
    }
}
