package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deform4j.model.Models;
import io.deform4j.model.TorchWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --init-from FILE.npz}: a PyTorch-named state_dict as the starting point. */
class InitFromTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void singleThread() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** ResNet-18 for the shipped sample (1 channel, 28×28, 10 classes), initialised from {@code seed}, saved by PyTorch names. */
    private static Path weights(String model, long seed) throws IOException {
        Path file = tmp.resolve(model + "-" + seed + ".npz");
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = Models.create(model, 10, 1, 28);
            Models.initialize(block, m, new Shape(1, 1, 28, 28), seed);
            TorchWeights.save(block, file);
        }
        return file;
    }

    private static CliRunner train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--model", "resnet18", "--dataset", "sample",
                "--limit-train", "32", "--limit-test", "16", "--epochs", "1", "--batch-size", "16", "--threads", "1",
                "--seed", "42", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.command("train", args.toArray(String[]::new));
    }

    /** metrics.csv without the timing columns. */
    private static List<String> metrics(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.csv")).stream()
                .map(line -> line.substring(0, line.indexOf(",train_seconds") >= 0 ? line.indexOf(",train_seconds")
                        : line.lastIndexOf(',', line.lastIndexOf(',') - 1)))
                .toList();
    }

    @Test
    void theLoadedWeightsAreTheStartingPointExactly() throws IOException {
        CliRunner seeded = train(tmp.resolve("seeded"));
        assertThat(seeded.status()).as(seeded.err()).isZero();
        // the file holds exactly what seed 42 initialises: the run is the seeded run, bit for bit
        Path same = weights("resnet18", 42);
        CliRunner loaded = train(tmp.resolve("loaded"), "--init-from", same.toString());
        assertThat(loaded.status()).as(loaded.err()).isZero();
        assertThat(metrics(tmp.resolve("loaded"))).isEqualTo(metrics(tmp.resolve("seeded")));
        assertThat(Files.readString(tmp.resolve("loaded/run.json")))
                .contains("\"init_from\" : \"" + same.toString().replace("\\", "\\\\") + "\"");
        // other weights, same seed otherwise: another run
        CliRunner other = train(tmp.resolve("other"), "--init-from", weights("resnet18", 7).toString());
        assertThat(other.status()).as(other.err()).isZero();
        assertThat(metrics(tmp.resolve("other"))).isNotEqualTo(metrics(tmp.resolve("seeded")));
    }

    @Test
    void weightsOfAnotherModelAreBadInputNamingTheTensorsAndWriteNothing() throws IOException {
        Path out = tmp.resolve("mismatch");
        CliRunner r = train(out, "--init-from", weights("resnet34", 1).toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("does not fit the model", "unexpected layer1.2.conv1.weight (64, 64, 3, 3)");
        assertThat(out).doesNotExist();

        CliRunner missing = train(out, "--init-from", tmp.resolve("nothing.npz").toString());
        assertThat(missing.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such file", "nothing.npz");

        CliRunner cifar = CliRunner.command("train", "--model", "resnet20", "--dataset", "sample", "--epochs", "1",
                "--init-from", weights("resnet18", 1).toString(), "--out", out.toString());
        assertThat(cifar.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cifar.err()).contains("no PyTorch names");
        assertThat(out).doesNotExist();
    }
}
