package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import io.deform4j.model.MemoryFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheTable4RowOfTheModel() {
        TrainConfig resnet = TrainConfig.of(Map.of());
        assertEquals("resnet20", resnet.model());
        assertEquals("sample", resnet.dataset());
        assertEquals("original", resnet.vdm());
        assertEquals("sgd", resnet.optimizer());
        assertEquals(250, resnet.epochs());
        assertEquals(128, resnet.batchSize());
        assertEquals(0.1, resnet.lr());
        assertEquals(0.9, resnet.momentum());
        assertTrue(resnet.nesterov());
        assertEquals(List.of(0.9, 0.999), resnet.betas());
        assertEquals(1e-8, resnet.eps());
        assertEquals(5e-4, resnet.weightDecay());
        assertEquals(List.of(150, 225), resnet.milestones());
        assertEquals(0.1, resnet.gamma());
        assertEquals(42, resnet.seed());
        assertEquals(1, resnet.threads());
        assertEquals(MemoryFormat.CHANNELS_LAST, resnet.format());
        TrainConfig pre = TrainConfig.resolve(List.of(file("model: preresnet20\n")));
        assertEquals(List.of(100, 150, 200), pre.milestones());
        assertEquals(1e-4, pre.weightDecay());
    }

    @Test
    void commandLineOverridesFileOverridesModelDefaults() {
        Map<String, Object> file = file("epochs: 7\nlr: 0.05\nmilestones: [3, 5]\nvdm: LE(1,0.99)\nweight_decay: 0.001\n");
        Map<String, Object> cli = TrainConfig.SCHEMA.layer(Map.of("epochs", "9", "batch-size", "64"));
        TrainConfig c = TrainConfig.resolve(List.of(cli, file));
        assertEquals(9, c.epochs());
        assertEquals(64, c.batchSize());
        assertEquals(0.05, c.lr());
        assertEquals(List.of(3, 5), c.milestones());
        assertEquals("LE(1,0.99)", c.vdm());
        assertEquals(1e-3, c.weightDecay());
        assertEquals(0.9, c.momentum());
    }

    @Test
    void everySettingIsAddressableByNameAsText() {
        TrainConfig base = TrainConfig.of(Map.of());
        Map<String, String> texts = Map.of("lr", "0.2", "vdm", "AP(18/pi,1,2,1)", "seed", "3", "model", "preresnet20",
                "weight-decay", "1e-3", "milestones", "none", "nesterov", "false", "betas", "0.8,0.99",
                "memory-format", "contiguous", "optimizer", "adamw");
        texts.forEach((name, text) -> {
            TrainConfig changed = base.with(name, TrainConfig.SCHEMA.parse(name, text));
            assertEquals(TrainConfig.SCHEMA.parse(name, text), changed.values().get(name), name);
        });
        assertEquals(List.of(), base.with("milestones", "none").milestones());
        assertEquals(List.of(0.8, 0.99), base.with("betas", "0.8,0.99").betas());
        // every setting has help, and a default that the resolved configuration keeps unless the model's row presets it
        Map<String, Object> modelRow = TrainConfig.SCHEMA.layerOf(io.deform4j.model.Models.defaults("resnet20"));
        for (var entry : TrainConfig.SCHEMA.entries()) {
            assertTrue(!entry.help().isBlank(), entry.name());
            Object expected = modelRow.getOrDefault(entry.name(), entry.defaultValue());
            assertEquals(expected, base.values().get(entry.name()), entry.name());
        }
    }

    @Test
    void runJsonKeysAreSnakeCaseAndTheRecordReadsBackAsConfig() throws IOException {
        TrainConfig config = TrainConfig.of(Map.of("vdm", "LE(1,0.9)", "epochs", 3, "lr", 0.05, "limit-train", 100));
        RunInfo info = RunInfo.started(config, "cpu", 100, 50, 272474);
        Path json = tmp.resolve("run.json");
        Json.write(json, info);
        JsonNode tree = Json.MAPPER.readTree(json.toFile());
        assertEquals(Json.FORMAT_VERSION, tree.get("format_version").asInt());
        assertEquals(3, tree.get("config").get("epochs").asInt());
        assertEquals(100, tree.get("config").get("limit_train").asInt());
        assertEquals("channels-last", tree.get("config").get("memory_format").asText());
        assertEquals(0, tree.get("epochs_completed").asInt());
        // the whole run.json, unchanged, is a --config file
        assertEquals(config, TrainConfig.resolve(List.of(TrainConfig.SCHEMA.readFile(json))));
        assertEquals(info, Json.MAPPER.readValue(json.toFile(), RunInfo.class));
    }

    @Test
    void aRunJsonOfVersion010StillReads() throws IOException {
        // Written by deform4j 0.1.0 (before format_version): kebab-case settings, no optimizer, betas or eps.
        RunInfo info;
        try (InputStream in = getClass().getResourceAsStream("run-0.1.0.json")) {
            info = Json.MAPPER.readValue(in, RunInfo.class);
        }
        TrainConfig c = info.config();
        assertEquals("resnet20", c.model());
        assertEquals(256, c.limitTrain());
        assertEquals(5e-4, c.weightDecay());
        assertEquals("sgd", c.optimizer());
        assertEquals(MemoryFormat.CHANNELS_LAST, c.format());
        assertEquals("finished", info.status());
        assertEquals(0.1, info.finalTestAcc());
        assertEquals(272186, info.parameters());
    }

    @Test
    void memoryFormatOfARecordWithoutItWasContiguous() {
        Map<String, Object> recorded = TrainConfig.of(Map.of()).values();
        recorded.remove("memory-format");
        assertEquals(MemoryFormat.CONTIGUOUS, TrainConfig.recorded(recorded).format());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.resolve(List.of(file("memory-format: nhwc\n"))));
        assertTrue(e.getMessage().contains("memory format") && e.getMessage().contains("channels-last"),
                e.getMessage());
    }

    @Test
    void learningRateFollowsMultiStepLR() {
        TrainConfig c = TrainConfig.resolve(List.of(file("milestones: [2, 4]\nlr: 1\n")));
        assertEquals(1, c.learningRate(0));
        assertEquals(1, c.learningRate(1));
        assertEquals(0.1, c.learningRate(2), 1e-15);
        assertEquals(0.01, c.learningRate(4), 1e-15);
    }

    @Test
    void badValuesNameTheSettingAndTheValue() {
        assertMessage("batch-size: 0\n", "batch-size: 0");
        assertMessage("gamma: 2\n", "gamma: 2.0");
        assertMessage("momentum: 0\nnesterov: true\n", "nesterov");
        assertMessage("model: resnt20\n", "resnet20");
        assertMessage("dataset: fashion\n", "did you mean");
        assertMessage("dataset: folder\n", "data-dir");
        assertMessage("vdm: LE(1,-1)\n", "e2");
        assertMessage("optimizer: adamm\n", "did you mean 'adam");
        assertMessage("betas: [0.9]\n", "betas");
        assertMessage("lr: fast\n", "invalid lr: 'fast' (expected a number)");
        assertMessage("epochs: 2.5\n", "invalid epochs: 2.5 (expected an integer)");
        assertMessage("nesterov: maybe\n", "expected true or false");
        assertMessage("milestones: 3,x\n", "invalid milestones: '3,x' (expected a list of integers");
        assertMessage("lerning-rate: 0.1\n", "unknown setting 'lerning-rate'");
        assertMessage("weight-decy: 0.1\n", "did you mean 'weight-decay'");
        assertMessage("- 1\n- 2\n", "must be a mapping of setting names to values");
        assertMessage("lr: [\n", "is not valid YAML or JSON");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.SCHEMA.readFile(tmp.resolve("absent.yaml")));
        assertTrue(e.getMessage().contains("absent.yaml does not exist"), e.getMessage());
    }

    private void assertMessage(String yaml, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.resolve(List.of(file(yaml))), yaml);
        assertTrue(e.getMessage().contains(expected), yaml + " -> " + e.getMessage());
    }

    private Map<String, Object> file(String yaml) {
        try {
            return TrainConfig.SCHEMA.readFile(Files.writeString(tmp.resolve("c.yaml"), yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
