package io.deform4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

/** The device setting: its forms, its resolution for a given number of GPUs, and on this build. */
class DevicesTest {

    @Test
    void checkAcceptsTheFourFormsInOneSpellingAndNamesTheSettingOtherwise() {
        assertEquals("auto", Devices.check("auto"));
        assertEquals("cpu", Devices.check("CPU"));
        assertEquals("gpu", Devices.check("gpu"));
        assertEquals("gpu:3", Devices.check(" gpu:3 "));
        for (String bad : new String[] {"", "cuda", "gpu:", "gpu:-1", "gpu:x", "cpu:0", "gpu0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.check(bad));
            assertTrue(e.getMessage().startsWith("invalid device: " + bad + " (expected auto, cpu, gpu or gpu:N"),
                    e.getMessage());
        }
    }

    @Test
    void autoIsTheFirstGpuWhenThereIsOneAndAGpuThatIsNotThereIsAnError() {
        assertEquals(Device.cpu(), Devices.resolve("auto", 0));
        assertEquals(Device.gpu(0), Devices.resolve("auto", 2));
        assertEquals(Device.cpu(), Devices.resolve("cpu", 2));
        assertEquals(Device.gpu(0), Devices.resolve("gpu", 2));
        assertEquals(Device.gpu(1), Devices.resolve("gpu:1", 2));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu", 0));
        assertTrue(none.getMessage().startsWith("device gpu is not available: the PyTorch engine sees no GPU"),
                none.getMessage());
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                () -> Devices.resolve("gpu:2", 2));
        assertEquals("device gpu:2 is not available: the PyTorch engine sees 2 GPU(s), gpu:0 to gpu:1",
                beyond.getMessage());
        assertEquals("cpu", Devices.name(Device.cpu()));
        assertEquals("gpu:1", Devices.name(Device.gpu(1)));
    }

    /** With the CPU build of libtorch (the default, and CI's) the engine sees no GPU; with a CUDA build, its first. */
    @Test
    void onThisBuildAutoIsWhatTheEngineSees() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        if (gpus == 0) {
            assertEquals(Device.cpu(), Devices.resolve("auto"));
            assertThrows(IllegalArgumentException.class, () -> Devices.resolve("gpu:0"));
        } else {
            assertEquals(Device.gpu(0), Devices.resolve("auto"));
        }
    }
}
