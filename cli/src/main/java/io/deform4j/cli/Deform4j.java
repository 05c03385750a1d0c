package io.deform4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deform4j} command. Each subcommand is a small class that parses its options and
 * hands off to the library; {@link #run} returns the exit code so the whole CLI is testable,
 * and only {@link #main} calls {@link System#exit}.
 */
@Command(name = "deform4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Train networks on a deformed loss surface and see what it does to the minima found.",
        description = {
            "",
            "deform4j implements vertical deformation mappings (VDMs) δ(ℓ) of Chen et al., "
                    + "'Deforming the Loss Surface to Affect the Behaviour of the Optimizer' (AAAI): "
                    + "training minimises δ(ℓ) instead of the batch loss ℓ.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j reproduce                                 # the paper's evidence in small, shipped data",
            "  deform4j compare                                   # original vs LE(1,0.99), shipped data",
            "  deform4j train --vdm 'AP(18/pi,1,2,1)' --dataset cifar100 --data-dir DIR --out runs/ap",
            "  deform4j landscape --checkpoint runs/compare/original --checkpoint runs/compare/deformed --out fig5",
            "  deform4j hessian --checkpoint runs/ap --top 5 --trace --out hessian-ap",
            "  deform4j simulate fig4 --out out/fig4 --seed 0",
            "  deform4j mappings --vdm 'AP(18/pi,1,2,1)' --vdm 'LE(1,0.99)' --at 0.1,1,2",
            "  deform4j table runs/my-sweep                       # median accuracy per model and mapping",
            "  deform4j report runs/demo out/landscape --out demo.html",
            "",
            "Run 'deform4j COMMAND --help' for the options of a command.",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input, 75 stopped by a signal and resumable."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            MappingsCommand.class,
            SimulateCommand.class,
            ModelsCommand.class,
            TrainCommand.class,
            CompareCommand.class,
            SweepCommand.class,
            SweepTaskCommand.class,
            StatusCommand.class,
            TableCommand.class,
            LandscapeCommand.class,
            HessianCommand.class,
            ReportCommand.class,
            ReproduceCommand.class,
        })
public final class Deform4j implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the given streams and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Deform4j());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::parameterError);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
