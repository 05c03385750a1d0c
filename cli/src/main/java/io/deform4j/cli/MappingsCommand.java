package io.deform4j.cli;

import io.deform4j.io.OutputPaths;
import io.deform4j.mapping.PaperMappings;
import io.deform4j.mapping.Vdm;
import io.deform4j.report.MappingCurves;
import io.deform4j.report.MappingPlot;
import io.deform4j.report.MappingTable;
import io.deform4j.report.Range;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deform4j mappings}: values and derivatives of VDMs, and the plot of δ'(ℓ) (Fig. 2). */
@Command(name = "mappings",
        mixinStandardHelpOptions = true,
        header = "Evaluate deformation mappings δ(ℓ) and plot their derivatives δ'(ℓ).",
        description = {
            "",
            "Prints, for each mapping and each loss value ℓ, the deformed loss δ(ℓ) and the factor δ'(ℓ) "
                    + "by which it scales the gradient (δ' > 1 steepens the loss surface, δ' < 1 flattens it). "
                    + "With --plot, draws δ'(ℓ) of all mappings on one chart, like Fig. 2(a)/(b) of the paper, "
                    + "and writes the curves as CSV beside the image.",
            "",
            "Mappings are written in the paper's notation, case-insensitively: AP(a1,a2,a3,a4) "
                    + "= a1·arctan(a2·ℓ)^a3 + a4·ℓ; LE(e1,e2) = e1·ln(exp(ℓ) − e2), defined for ℓ > ln e2; "
                    + "c*l^k; original; or expr:<any expression in l> with + - * / ^, atan ln log exp sqrt tanh "
                    + "sin cos abs, pi and e. Coefficients may be arithmetic: AP(18/pi,1,2,1).",
            "",
            "Without --vdm, the mappings of the paper's Table 1 are used. A point outside a mapping's "
                    + "domain is an error (exit status 2), never NaN.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j mappings --vdm 'AP(18/pi,1,2,1)' --vdm 'LE(1,0.99)' --at 0.1,0.5,1,2",
            "  deform4j mappings --vdm 'expr:ln(exp(l)-0.9)' --at 1 --format json",
            "  deform4j mappings --vdm 'AP(5,1,2,1)' --vdm 'AP(10,1,2,1)' --plot fig2a.png --range 0:5",
            "  deform4j mappings --vdm 'LE(1,0.9)' --vdm 'LE(1,1.9)' --plot fig2b.svg --y-max 12",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input."
        })
final class MappingsCommand implements Callable<Integer> {

    /** Loss values printed when neither --at nor --plot is given. */
    static final List<Double> DEFAULT_POINTS = List.of(0.1, 0.5, 1.0, 2.0, 4.0);

    @Spec
    private CommandSpec spec;

    @Option(names = "--vdm", paramLabel = "SPEC",
            description = "A mapping, repeatable (default: the mappings of Table 1).")
    private List<String> vdms = List.of();

    @Option(names = "--at", paramLabel = "L1,L2,...", split = ",", hideParamSyntax = true,
            description = "Loss values at which to evaluate (default: 0.1,0.5,1,2,4 unless --plot is given).")
    private List<Double> points;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
    private MappingTable.Format format;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw δ'(ℓ) to FILE.png or FILE.svg; the curves go to FILE.csv beside it.")
    private Path plot;

    @Option(names = "--range", paramLabel = "LO:HI", defaultValue = "0:5", converter = RangeConverter.class,
            description = "Loss range of the plot (default: ${DEFAULT-VALUE}).")
    private Range range;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "501",
            description = "Points per curve in the plot (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--y-max", paramLabel = "Y",
            description = "Top of the δ' axis in the plot (default: fit every curve).")
    private Double yMax;

    @Override
    public Integer call() throws Exception {
        List<Vdm> mappings = (vdms.isEmpty() ? PaperMappings.TABLE_1 : vdms).stream().map(Vdm::parse).toList();
        if (plot != null) {
            OutputPaths.checkFile("--plot", plot);
            OutputPaths.checkFile("--plot", MappingPlot.csvOf(plot));
        }
        List<Double> at = points != null ? points : plot == null ? DEFAULT_POINTS : List.of();
        if (!at.isEmpty()) {
            MappingTable.write(mappings, at, format, spec.commandLine().getOut());
        }
        if (plot != null) {
            MappingCurves curves = MappingCurves.sample(mappings, range, samples);
            Path csv = MappingPlot.write(curves, plot, yMax);
            spec.commandLine().getErr().println("wrote " + plot + " and " + csv);
            curves.gaps().forEach(gap -> spec.commandLine().getErr().println("note: " + gap));
        }
        return ExitCodes.OK;
    }
}
