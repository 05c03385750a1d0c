package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.model.MemoryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheTable4RowOfTheModel() {
        TrainConfig resnet = TrainConfig.resolve(TrainOptions.NONE);
        assertEquals("resnet20", resnet.model());
        assertEquals("sample", resnet.dataset());
        assertEquals("original", resnet.vdm());
        assertEquals(250, resnet.epochs());
        assertEquals(128, resnet.batchSize());
        assertEquals(0.1, resnet.lr());
        assertEquals(0.9, resnet.momentum());
        assertTrue(resnet.nesterov());
        assertEquals(5e-4, resnet.weightDecay());
        assertEquals(List.of(150, 225), resnet.milestones());
        assertEquals(0.1, resnet.gamma());
        assertEquals(42, resnet.seed());
        assertEquals(1, resnet.threads());
        TrainConfig pre = TrainConfig.resolve(options("model: preresnet20\n"));
        assertEquals(List.of(100, 150, 200), pre.milestones());
        assertEquals(1e-4, pre.weightDecay());
    }

    @Test
    void commandLineOverridesFileOverridesModelDefaults() {
        TrainOptions file = options("epochs: 7\nlr: 0.05\nmilestones: [3, 5]\nvdm: LE(1,0.99)\n");
        TrainOptions cli = new TrainOptions(null, null, null, null, 9, null, null, null, null, null, null, null, null,
                null, null, null, null);
        TrainConfig c = TrainConfig.resolve(cli.orElse(file));
        assertEquals(9, c.epochs());
        assertEquals(0.05, c.lr());
        assertEquals(List.of(3, 5), c.milestones());
        assertEquals("LE(1,0.99)", c.vdm());
        assertEquals(5e-4, c.weightDecay());
    }

    @Test
    void memoryFormatDefaultsToChannelsLastAndARunJsonWithoutItWasContiguous() throws IOException {
        assertEquals(MemoryFormat.CHANNELS_LAST, TrainConfig.resolve(TrainOptions.NONE).format());
        assertEquals(MemoryFormat.CONTIGUOUS, TrainConfig.resolve(options("memory-format: contiguous\n")).format());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.resolve(options("memory-format: nhwc\n")));
        assertTrue(e.getMessage().contains("memory format") && e.getMessage().contains("channels-last"),
                e.getMessage());
        String json = RunDirectory.JSON.writeValueAsString(TrainConfig.resolve(TrainOptions.NONE));
        assertTrue(json.contains("\"memory-format\" : \"channels-last\""), json);
        TrainConfig old = RunDirectory.JSON.readValue(json.replaceAll(",\\s*\"memory-format\"[^,}]*", ""),
                TrainConfig.class);
        assertEquals(MemoryFormat.CONTIGUOUS, old.format(), "runs recorded before the field were contiguous");
    }

    @Test
    void learningRateFollowsMultiStepLR() {
        TrainConfig c = TrainConfig.resolve(options("milestones: [2, 4]\nlr: 1\n"));
        assertEquals(1, c.learningRate(0));
        assertEquals(1, c.learningRate(1));
        assertEquals(0.1, c.learningRate(2), 1e-15);
        assertEquals(0.01, c.learningRate(4), 1e-15);
    }

    @Test
    void badValuesNameTheFieldAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.resolve(options("batch-size: 0\n")));
        assertTrue(e.getMessage().contains("batch-size: 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.resolve(options("gamma: 2\n")));
        assertTrue(e.getMessage().contains("gamma: 2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.resolve(options("momentum: 0\nnesterov: true\n")));
        assertTrue(e.getMessage().contains("nesterov"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.resolve(options("model: resnt20\n")));
        assertTrue(e.getMessage().contains("resnet20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.resolve(options("dataset: fashion\n")));
        assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.resolve(options("dataset: folder\n")));
        assertTrue(e.getMessage().contains("data-dir"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.resolve(options("vdm: LE(1,-1)\n")));
    }

    private TrainOptions options(String yaml) {
        try {
            return TrainOptions.readYaml(Files.writeString(tmp.resolve("c.yaml"), yaml));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
