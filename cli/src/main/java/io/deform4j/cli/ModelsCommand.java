package io.deform4j.cli;

import io.deform4j.io.Json;
import io.deform4j.model.Models;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deform4j models}: the registered models and their parameter counts. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        header = "List the registered models with their number of trainable parameters.",
        description = {
            "",
            "Lists every model of the registry (CIFAR ResNet-20/32/44/56/110 with 1x1 conv+BN "
                    + "projection shortcuts, PreResNet-20/110 with bare 1x1 conv shortcuts, as CIFAR-ZOO) "
                    + "built for the given number of classes and input channels, with its number of "
                    + "trainable parameters (batch-norm running statistics not counted).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j models",
            "  deform4j models --classes 100 --format json",
            "  deform4j models --channels 1 --classes 10     (Fashion-MNIST)",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input."
        })
final class ModelsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TABLE, JSON }

    /** One model: the JSON object has exactly these keys, in this order. */
    record Row(String name, int classes, long params) {
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "10",
            description = "Number of classes (default: ${DEFAULT-VALUE}).")
    private int classes;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "3",
            description = "Input channels (default: ${DEFAULT-VALUE}).")
    private int channels;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() throws Exception {
        List<Row> rows = Models.names().stream()
                .map(name -> new Row(name, classes, Models.parameterCount(name, classes, channels)))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(Json.MAPPER.writeValueAsString(rows)); // an array on stdout: no format_version
            case TABLE -> {
                String layout = "%-14s  %7s  %10s%n";
                out.printf(layout, "name", "classes", "params");
                rows.forEach(r -> out.printf(layout, r.name(), r.classes(), r.params()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
