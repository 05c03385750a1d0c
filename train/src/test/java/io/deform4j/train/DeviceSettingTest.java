package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings {@code device} and {@code accumulate} as TrainConfig reads, checks and records them. */
class DeviceSettingTest {

    @Test
    void defaultsAreAutoAndOneAndARecordWithoutThemWasACpuRunWithoutAccumulation() {
        TrainConfig config = TrainConfig.of(Map.of());
        assertEquals("auto", config.device());
        assertEquals(1, config.accumulate());
        Map<String, Object> old = config.values();
        old.remove("device");
        old.remove("accumulate");
        TrainConfig recorded = TrainConfig.recorded(old);
        assertEquals("cpu", recorded.device());
        assertEquals(1, recorded.accumulate());
    }

    @Test
    void theStepBatchIsAccumulateTimesTheBatchSize() {
        TrainConfig config = TrainConfig.of(Map.of("batch-size", "128", "accumulate", "2", "device", "GPU:1"));
        assertEquals(256, config.stepBatchSize());
        assertEquals("gpu:1", config.device(), "one spelling");
    }

    @Test
    void badValuesNameTheSettingAndTheValue() {
        assertEquals("invalid accumulate: 0 (expected micro-batches per step in [1, 1024])",
                assertThrows(IllegalArgumentException.class,
                        () -> TrainConfig.of(Map.of("accumulate", 0))).getMessage());
        assertEquals("invalid accumulate: 2000 (expected micro-batches per step in [1, 1024])",
                assertThrows(IllegalArgumentException.class,
                        () -> TrainConfig.of(Map.of("accumulate", 2000))).getMessage());
        String device = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.of(Map.of("device", "tpu"))).getMessage();
        assertTrue(device.startsWith("invalid device: tpu (expected auto, cpu, gpu or gpu:N"), device);
    }
}
