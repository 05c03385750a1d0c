package io.deform4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry without the engine: names, info, defaults, errors. */
class RegistryTest {

    @Test
    void registersTheCifarFamilies() {
        assertEquals(List.of("resnet20", "resnet32", "resnet44", "resnet56", "resnet110",
                "preresnet20", "preresnet110"), Models.names());
        assertEquals(110, Models.info("resnet110").depth());
        assertEquals("preresnet", Models.info("PreResNet20").family());
    }

    @Test
    void defaultsAreTable4() {
        TrainingDefaults r = Models.defaults("resnet20");
        assertEquals(new TrainingDefaults(250, 128, 0.1, List.of(150, 225), 5e-4), r);
        assertEquals(r, Models.defaults("resnet56"));
        assertEquals(new TrainingDefaults(250, 128, 0.1, List.of(100, 150, 200), 1e-4),
                Models.defaults("preresnet110"));
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Models.create("resnt56", 10, 3));
        assertTrue(e.getMessage().contains("did you mean 'resnet56'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.info("preresnet-110"));
        assertTrue(e.getMessage().contains("'preresnet110'"), e.getMessage());
    }

    @Test
    void badArgumentsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Models.create("resnet20", 0, 3));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.create("resnet20", 10, -1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CifarResNet.blocksPerStage(21));
        assertTrue(e.getMessage().contains("got 21"), e.getMessage());
    }
}
