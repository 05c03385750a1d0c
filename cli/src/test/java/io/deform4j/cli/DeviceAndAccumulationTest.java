package io.deform4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --device} and {@code --accumulate} on the command line: bad values are exit 2 with nothing
 * written, run.json records the device used, and a resume that would change device must ask for
 * it. On the CPU build of libtorch (the default, and CI's) the engine sees no GPU.
 */
class DeviceAndAccumulationTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void thisBuildSeesNoGpu() {
        assertEquals(0, Engine.getEngine("PyTorch").getGpuCount(), "these tests are for the CPU build of libtorch");
    }

    private static String[] tiny(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--dataset", "sample", "--limit-train", "32", "--limit-test", "16",
                "--epochs", "1", "--threads", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void accumulateBelowOneIsBadInputAndWritesNothing() {
        Path out = tmp.resolve("run");
        TrainCommandTest.Outcome o = TrainCommandTest.train(tiny(out, "--accumulate", "0"));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("invalid accumulate: 0 (expected micro-batches per step in [1, 1024])"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aGpuWhereThereIsNoneIsBadInputAndWritesNothing() throws IOException {
        for (String device : new String[] {"gpu", "gpu:1"}) {
            Path out = tmp.resolve(device.replace(':', '-'));
            TrainCommandTest.Outcome o = TrainCommandTest.train(tiny(out, "--device", device));
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("device " + device + " is not available: the PyTorch engine sees no GPU"),
                    o.err());
            assertFalse(Files.exists(out), device);
        }
        Path compared = tmp.resolve("compare");
        TrainCommandTest.Outcome compare = TrainCommandTest.run("compare", tiny(compared, "--device", "gpu"));
        assertEquals(2, compare.code(), compare.err());
        assertFalse(Files.exists(compared));
        TrainCommandTest.Outcome typo = TrainCommandTest.train(tiny(tmp.resolve("typo"), "--device", "cuda"));
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("invalid device: cuda (expected auto, cpu, gpu or gpu:N"), typo.err());
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "base: " + SweepCommandTest.TINY + "\ngrid:\n  seed: [1, 2]\n");
        Path sweep = tmp.resolve("sweep");
        TrainCommandTest.Outcome local = TrainCommandTest.run("sweep", spec.toString(), "--out", sweep.toString(),
                "--set", "device=gpu");
        assertEquals(2, local.code(), local.err());
        assertTrue(local.err().contains("device gpu is not available"), local.err());
        assertFalse(Files.exists(sweep));
        Path landscape = tmp.resolve("landscape");
        TrainCommandTest.Outcome instrument = TrainCommandTest.run("landscape", "--checkpoint",
                tmp.resolve("no-run").toString(), "--device", "gpu", "--out", landscape.toString());
        assertEquals(2, instrument.code(), instrument.err());
        assertTrue(instrument.err().contains("device gpu is not available"), instrument.err());
        assertFalse(Files.exists(landscape));
    }

    @Test
    void runJsonRecordsTheDeviceUsedAndAResumeThatChangesDeviceMustSaySo() throws IOException {
        Path out = tmp.resolve("run");
        TrainCommandTest.Outcome ok = TrainCommandTest.train(tiny(out, "--batch-size", "8", "--accumulate", "2"));
        assertEquals(0, ok.code(), ok.err());
        JsonNode info = Json.MAPPER.readTree(out.resolve("run.json").toFile());
        assertEquals("cpu", info.get("device").asText(), "auto resolved on a machine without a GPU");
        assertEquals("auto", info.get("config").get("device").asText());
        assertEquals(2, info.get("config").get("accumulate").asInt());

        // as if it had trained on a GPU: resuming here with auto would move it to the CPU
        ((ObjectNode) info).put("device", "gpu:0");
        Json.MAPPER.writeValue(out.resolve("run.json").toFile(), info);
        TrainCommandTest.Outcome refused = TrainCommandTest.train("--resume", "--epochs", "2", "--out",
                out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("says the run trained on gpu:0; here its device auto is cpu")
                && refused.err().contains("resume with --device cpu"), refused.err());
        assertEquals(2, Files.readAllLines(out.resolve("metrics.csv")).size(), "nothing trained");

        TrainCommandTest.Outcome moved = TrainCommandTest.train("--resume", "--epochs", "2", "--device", "cpu",
                "--out", out.toString());
        assertEquals(0, moved.code(), moved.err());
        assertEquals(3, Files.readAllLines(out.resolve("metrics.csv")).size());
        JsonNode after = Json.MAPPER.readTree(out.resolve("run.json").toFile());
        assertEquals("cpu", after.get("device").asText());
        assertEquals("cpu", after.get("config").get("device").asText());
        assertEquals(2, TrainCommandTest.train("--resume", "--out", out.toString(), "--accumulate", "1").code(),
                "what a step computes is not a resume's to change");
    }
}
