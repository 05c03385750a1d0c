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
                "preresnet20", "preresnet110", "efficientnet_b0", "efficientnet_b1", "se_resnext29_16x64d",
                "se_resnext29_8x64d", "resnet18", "resnet34", "preresnet18"), Models.names());
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
        TrainingDefaults efficientNet = new TrainingDefaults(250, 128, 0.1, List.of(150, 225), 1e-4);
        assertEquals(efficientNet, Models.defaults("efficientnet_b0"));
        assertEquals(efficientNet, Models.defaults("efficientnet_b1"));
        TrainingDefaults seResNeXt = new TrainingDefaults(300, 128, 0.1, List.of(150, 225), 5e-4);
        assertEquals(seResNeXt, Models.defaults("se_resnext29_16x64d"));
        assertEquals(seResNeXt, Models.defaults("se_resnext29_8x64d"));
    }

    @Test
    void imageNetDefaultsAreTable5() {
        TrainingDefaults imageNet = new TrainingDefaults(120, 256, 0.2, List.of(30, 60, 90), 1e-4);
        for (String name : List.of("resnet18", "resnet34", "preresnet18")) {
            assertEquals(imageNet, Models.defaults(name), name);
            assertEquals(224, Models.info(name).imageSize(), name);
        }
    }

    @Test
    void efficientNetScalingIsTorchvisions() {
        assertEquals(16, EfficientNet.blocks(EfficientNet.B0));
        assertEquals(23, EfficientNet.blocks(EfficientNet.B1)); // ceil(1.1·n) per stage: 2,3,3,4,4,5,2
        assertEquals(96, EfficientNet.makeDivisible(16 * 6.0));
        assertEquals(8, EfficientNet.makeDivisible(3));
        assertEquals(32, EfficientNet.makeDivisible(35.2));
        assertEquals(16, EfficientNet.makeDivisible(9)); // 8 would be under 90 % of 9
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
