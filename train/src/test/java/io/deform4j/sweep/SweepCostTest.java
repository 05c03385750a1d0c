package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting runs and run-epochs from a spec, also where this build lacks the spec's models. */
class SweepCostTest {

    @Test
    void table1IsEightyRunsOfTheResNet20TableFourLength() {
        SweepCost cost = SweepCost.of(SweepSpec.load("table1"), Map.of());
        assertEquals(80, cost.runs()); // 16 cells × 5 seeds
        assertEquals(Map.of(250, 80), cost.runsByEpochs()); // ResNet-20's Table 4 row: 250 epochs
        assertEquals(20_000, cost.runEpochs());
        assertTrue(cost.complete());
        assertEquals(Set.of(), cost.unknownModels());
    }

    @Test
    void table2CountsTheEpochsOfEachModelsTableFourRow() {
        SweepCost cost = SweepCost.of(SweepSpec.load("table2"), Map.of());
        assertEquals(140, cost.runs()); // 28 cells × 5 seeds
        // ResNet-20/110, PreResNet-20/110 and EfficientNet-B0/B1 on two data sets, original and deformed:
        // 24 cells × 5 seeds at 250 epochs; SE-ResNeXt-29: 4 cells × 5 seeds at 300
        assertEquals(Map.of(250, 120, 300, 20), cost.runsByEpochs());
        assertEquals(36_000, cost.runEpochs());
        assertTrue(cost.complete());
        assertEquals(Set.of(), cost.unknownModels());
    }

    @Test
    void aModelThisBuildLacksIsNamedAndItsRunsLeftUncounted(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("spec.yaml");
        Files.writeString(file, "grid: {model: [resnet20, resnet1001], seed: [1, 2]}\n");
        SweepCost cost = SweepCost.of(SweepSpec.load(file.toString()), Map.of());
        assertEquals(4, cost.runs());
        assertEquals(Map.of(250, 2), cost.runsByEpochs());
        assertFalse(cost.complete());
        assertEquals(Set.of("resnet1001"), cost.unknownModels());
    }

    @Test
    void table3TakesItsEpochsFromThePresetsTableFiveSettings() {
        SweepCost cost = SweepCost.of(SweepSpec.load("table3"), Map.of());
        assertEquals(30, cost.runs());
        assertEquals(Map.of(120, 30), cost.runsByEpochs());
        assertEquals(3_600, cost.runEpochs());
        assertTrue(cost.complete());
    }

    @Test
    void overridesCountAsTheRunsWouldTrainThem() {
        SweepCost cost = SweepCost.of(SweepSpec.load("table2"), Map.of("epochs", 3));
        assertEquals(Map.of(3, 140), cost.runsByEpochs());
        assertTrue(cost.complete());
    }
}
