package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
    void table2CountsTheEpochsOfTheModelsThisBuildHasAndNamesTheOthers() {
        SweepCost cost = SweepCost.of(SweepSpec.load("table2"), Map.of());
        assertEquals(140, cost.runs()); // 28 cells × 5 seeds
        // ResNet-20/110 and PreResNet-20/110 on two data sets, original and deformed: 16 cells × 5 seeds
        assertEquals(Map.of(250, 80), cost.runsByEpochs());
        assertEquals(20_000, cost.runEpochs());
        assertFalse(cost.complete());
        assertEquals(Set.of("efficientnet_b0", "efficientnet_b1", "se_resnext29_16x64d"), cost.unknownModels());
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
