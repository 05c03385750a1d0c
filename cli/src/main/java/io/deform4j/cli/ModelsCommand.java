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

/** {@code deform4j models}: the registered models, their parameter counts and forward work. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        header = "List the registered models with their parameters and multiply-accumulates per image.",
        description = {
            "",
            "Lists every model of the registry (CIFAR ResNet-20/32/44/56/110 with 1x1 conv+BN "
                    + "projection shortcuts and PreResNet-20/110 with bare 1x1 conv shortcuts, as CIFAR-ZOO; "
                    + "SE-ResNeXt-29 as CIFAR-ZOO; EfficientNet-B0/B1, ResNet-18/34 as torchvision; "
                    + "a pre-activation ResNet-18) built for the given number of classes and input channels, "
                    + "with its input size (the images of its training defaults: 32 for the paper's CIFAR "
                    + "models, 224 for its ImageNet ones, unless --image-size says otherwise), its number of "
                    + "trainable parameters (batch-norm running statistics not counted) and the "
                    + "multiply-accumulates (MACs: a multiply-add counts once) of one image's forward pass "
                    + "through its convolutions and linear layers, in millions (MMAC), the quantity "
                    + "torchvision calls GFLOPS (ResNet-18 at 224: 1814 MMAC).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j models",
            "  deform4j models --classes 100 --format json",
            "  deform4j models --channels 1 --classes 10     (Fashion-MNIST)",
            "  deform4j models --classes 1000 --image-size 224",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input."
        })
final class ModelsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TABLE, JSON }

    /** One model: the JSON object has exactly these keys, in this order ({@code image_size}, {@code macs}). */
    record Row(String name, int classes, int imageSize, long params, long macs) {
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "10",
            description = "Number of classes (default: ${DEFAULT-VALUE}).")
    private int classes;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "3",
            description = "Input channels (default: ${DEFAULT-VALUE}).")
    private int channels;

    @Option(names = "--image-size", paramLabel = "PX",
            description = "Height and width of the input images; default: each model's own (32 or 224).")
    private Integer imageSize;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() throws Exception {
        List<Row> rows = Models.names().stream().map(this::row).toList();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(Json.MAPPER.writeValueAsString(rows)); // an array on stdout: no format_version
            case TABLE -> {
                String layout = "%-20s  %7s  %-11s  %10s  %9s%n";
                out.printf(layout, "name", "classes", "input", "params", "MMAC");
                rows.forEach(r -> out.printf(layout, r.name(), r.classes(),
                        channels + "x" + r.imageSize() + "x" + r.imageSize(), r.params(),
                        String.format(java.util.Locale.ROOT, "%.1f", r.macs() / 1e6)));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Row row(String name) {
        int size = imageSize != null ? imageSize : Models.info(name).imageSize();
        Models.Size s = Models.size(name, classes, channels, size);
        return new Row(name, classes, size, s.parameters(), s.multiplyAccumulates());
    }
}
