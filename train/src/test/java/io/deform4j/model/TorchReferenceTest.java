package io.deform4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The registry's EfficientNets, SE-ResNeXts and ImageNet ResNets against their PyTorch references,
 * computed here by {@code tools/torch_reference.py} (Debian's python3 with python3-torch and
 * python3-torchvision; in CI their absence fails the test, elsewhere it skips).
 *
 * <ul>
 *   <li>Every model: the PyTorch name and shape of every tensor (buffers included), the parameter
 *       count for 10 and 1000 classes and the multiply-accumulates at the default image size, exactly.</li>
 *   <li>ResNet-18, EfficientNet-B0 and SE-ResNeXt-29 8x64d (small inputs, batch 2, for time): a seeded
 *       PyTorch model's {@code state_dict} loaded by name ({@link TorchWeights}), then eval-mode
 *       logits, train-mode logits, loss, gradients and running statistics, within
 *       {@link #LOGITS_TOLERANCE} (logits, loss) and {@link #GRADIENT_TOLERANCE} (gradients), each
 *       relative to the largest magnitude of the reference tensor.</li>
 * </ul>
 */
class TorchReferenceTest extends EngineTest {

    /** |deform4j − PyTorch| ≤ this · max|PyTorch|, for logits, loss and running statistics. */
    static final double LOGITS_TOLERANCE = 1e-4;
    /** The same for gradients, which sum over more float32 terms in other orders. */
    static final double GRADIENT_TOLERANCE = 5e-4;

    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireTorch() throws Exception {
        String message = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            message = PYTHON + " is missing";
        } else {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                message = "python3 cannot import torch and torchvision: " + out.strip();
            }
        }
        if (message != null) {
            message += "; install Debian's packages: apt-get install python3-torch python3-torchvision";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so the PyTorch comparison must run)");
            }
            Assumptions.abort(message);
        }
    }

    /** Runs the reference script with {@code args}; fails with its output unless it succeeds. */
    static void reference(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** {@code tools/torch_reference.py} of the repository (tests run in a module's folder). */
    static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("tools/torch_reference.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/torch_reference.py not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void namesShapesCountsAndMultiplyAccumulatesArePytorchs() throws Exception {
        Path out = dir.resolve("shapes.json");
        reference("shapes", out.toString());
        JsonNode all = Json.MAPPER.readTree(out.toFile());
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode ref = e.getValue();
            int size = ref.get("size").asInt();
            assertThat(Models.info(name).imageSize()).as(name + " default image size").isEqualTo(size);
            Map<String, String> expected = new TreeMap<>();
            ref.get("tensors").fields().forEachRemaining(t -> expected.put(t.getKey(), shape(t.getValue())));
            try (NDManager m = manager.newSubManager()) {
                Block block = Models.zeroInitialized(name, 10, 3, size, m);
                Map<String, String> actual = new TreeMap<>();
                TorchNames.of(block).forEach((k, p) -> actual.put(k, p.getArray().getShape().toString()));
                assertThat(actual).as(name + ": PyTorch name → shape").isEqualTo(expected);
            }
            Models.Size s = Models.size(name, 10, 3, size);
            assertThat(s.parameters()).as(name + " parameters, 10 classes").isEqualTo(ref.get("params_10").asLong());
            assertThat(s.multiplyAccumulates()).as(name + " MACs at " + size).isEqualTo(ref.get("macs").asLong());
            assertThat(Models.size(name, 1000, 3, size).parameters()).as(name + " parameters, 1000 classes")
                    .isEqualTo(ref.get("params_1000").asLong());
            checked.add(name);
        }
        assertThat(checked).containsExactlyInAnyOrder("efficientnet_b0", "efficientnet_b1", "se_resnext29_16x64d",
                "se_resnext29_8x64d", "resnet18", "resnet34", "preresnet18");
    }

    private static String shape(JsonNode dims) {
        List<Long> d = new ArrayList<>();
        dims.forEach(x -> d.add(x.asLong()));
        return new Shape(d.stream().mapToLong(Long::longValue).toArray()).toString();
    }

    @ParameterizedTest(name = "{0} at {1}x{1}, {2}")
    @CsvSource({
        "resnet18, 64, contiguous",
        "resnet18, 64, channels-last",
        "efficientnet_b0, 32, contiguous",
        "efficientnet_b0, 32, channels-last",
        "se_resnext29_8x64d, 16, contiguous",
        "se_resnext29_8x64d, 16, channels-last",
    })
    void sameOutputsAndGradientsAsPytorch(String name, int size, String format) throws Exception {
        Path weights = dir.resolve(name + "-" + size + ".npz");
        Path batch = dir.resolve(name + "-" + size + "-batch.npz");
        if (!Files.exists(batch)) {
            // EfficientNet: stochastic depth and dropout off on both sides, so that train mode is deterministic
            reference("export", name, weights.toString(), batch.toString(), "--size", String.valueOf(size),
                    "--batch", "2", "--seed", "3", "--no-drop");
        }
        MemoryFormat memoryFormat = MemoryFormat.parse(format);
        SoftAssertions soft = new SoftAssertions();
        try (NDManager m = manager.newSubManager()) {
            Block block = name.startsWith("efficientnet")
                    ? EfficientNet.build(EfficientNet.B0, 10, 3, size, 0, 0)
                    : Models.create(name, 10, 3, size);
            Models.initialize(block, m, new Shape(1, 3, size, size), 1L);
            TorchWeights.load(block, weights);
            memoryFormat.apply(block);
            Map<String, NDArray> ref = TorchWeights.read(m, batch);
            NDArray x = memoryFormat.copy(ref.get("input"));
            ParameterStore store = new ParameterStore(m, false);

            NDArray evalLogits = block.forward(store, new NDList(x), false).singletonOrThrow();
            report(soft, name, format, "eval logits", evalLogits, ref.get("eval_logits"), LOGITS_TOLERANCE);

            Map<String, Parameter> params = TorchNames.of(block);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray loss = CrossEntropy.mean(logits, ref.get("labels"));
                report(soft, name, format, "train logits", logits, ref.get("train_logits"), LOGITS_TOLERANCE);
                report(soft, name, format, "train loss", loss, ref.get("train_loss"), LOGITS_TOLERANCE);
                collector.backward(loss);
            }
            int grads = 0;
            for (Map.Entry<String, NDArray> e : ref.entrySet()) {
                if (e.getKey().startsWith("grad/")) {
                    String tensor = e.getKey().substring(5);
                    report(soft, name, format, "gradient of " + tensor, params.get(tensor).getArray().getGradient(),
                            e.getValue(), GRADIENT_TOLERANCE);
                    grads++;
                } else if (e.getKey().startsWith("after/")) {
                    String tensor = e.getKey().substring(6);
                    report(soft, name, format, tensor + " after the training forward", params.get(tensor).getArray(),
                            e.getValue(), LOGITS_TOLERANCE);
                }
            }
            assertThat(grads).as("gradients compared").isGreaterThanOrEqualTo(4);
        }
        soft.assertAll();
    }

    /** Asserts {@code actual} within {@code tolerance}·max|expected| of {@code expected}, and prints the error. */
    private static void report(SoftAssertions soft, String model, String format, String what, NDArray actual, NDArray expected,
            double tolerance) {
        assertThat(actual.getShape()).as(model + " " + what + " shape").isEqualTo(expected.getShape());
        float[] a = actual.toFloatArray();
        float[] b = expected.toFloatArray();
        double scale = 0;
        double error = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            error = Math.max(error, Math.abs(a[i] - b[i]));
        }
        double relative = error / Math.max(scale, Float.MIN_NORMAL);
        System.out.printf("%s (%s) %s: max error %.3g relative to max %.3g: %.3g%n", model, format, what, error,
                scale, relative);
        soft.assertThat(relative).as(model + " " + what + " relative error").isLessThanOrEqualTo(tolerance);
    }

    @Test
    void loadingNamesEveryMissingUnexpectedAndMisShapedTensor() throws IOException {
        try (NDManager m = manager.newSubManager()) {
            Block block = Models.zeroInitialized("resnet18", 10, 3, 32, m);
            NDList file = new NDList();
            TorchNames.of(block).forEach((name, p) -> {
                if (!name.equals("layer1.0.bn1.running_var")) { // missing
                    NDArray a = name.equals("fc.weight") ? m.zeros(new Shape(7, 512)) : p.getArray().duplicate();
                    a.setName(name);
                    file.add(a);
                }
            });
            NDArray extra = m.zeros(new Shape(3));
            extra.setName("fc2.bias");
            file.add(extra);
            NDArray counter = m.create(5L);
            counter.setName("bn1.num_batches_tracked"); // ignored
            file.add(counter);
            Path npz = dir.resolve("broken.npz");
            try (var out = Files.newOutputStream(npz)) {
                file.encode(out, NDList.Encoding.NPZ);
            }
            float before = block.getParameters().get(0).getValue().getArray().sum().getFloat();
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> TorchWeights.load(block, npz));
            assertThat(e.getMessage()).contains("3 problems", "missing layer1.0.bn1.running_var (64)",
                    "shape of fc.weight: (7, 512) in the file, (10, 512) in the model", "unexpected fc2.bias (3)")
                    .doesNotContain("num_batches_tracked");
            assertThat(block.getParameters().get(0).getValue().getArray().sum().getFloat()).isEqualTo(before);

            Path notNpz = dir.resolve("not.npz");
            Files.writeString(notNpz, "hello");
            e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> TorchWeights.load(block, notNpz));
            assertThat(e.getMessage()).contains("cannot read " + notNpz);
        }
    }
}
