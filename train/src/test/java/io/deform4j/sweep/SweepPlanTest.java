package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expansion of a spec into runs: order, resolved configurations, names, and the refusals of expansion. */
class SweepPlanTest {

    @TempDir
    Path tmp;

    private SweepSpec spec(String yaml) throws IOException {
        Path file = tmp.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return SweepSpec.load(file.toString());
    }

    private SweepPlan plan(String yaml) throws IOException {
        return SweepPlan.expand(spec(yaml), Map.of());
    }

    private static List<String> names(SweepPlan plan) {
        return plan.runs().stream().map(SweepRun::name).toList();
    }

    @Test
    void cellsAreCrossedWithTheGridTheLastGridKeyVaryingFastest() throws IOException {
        SweepPlan plan = plan("""
                base: {dataset: sample, epochs: 2}
                grid:
                  vdm: [original, 'LE(1,0.9)']
                  seed: [1, 2]
                cells:
                  - {model: resnet20, lr: 0.1}
                  - {model: preresnet20, lr: 0.05}
                """);
        assertEquals(List.of(
                "resnet20-original-lr0.1-seed1", "resnet20-original-lr0.1-seed2",
                "resnet20-LE(1,0.9)-lr0.1-seed1", "resnet20-LE(1,0.9)-lr0.1-seed2",
                "preresnet20-original-lr0.05-seed1", "preresnet20-original-lr0.05-seed2",
                "preresnet20-LE(1,0.9)-lr0.05-seed1", "preresnet20-LE(1,0.9)-lr0.05-seed2"), names(plan));
        assertEquals(List.of("model", "vdm", "lr", "seed"), plan.varying());
        TrainConfig last = plan.runs().get(7).config();
        assertEquals("preresnet20", last.model());
        assertEquals("LE(1,0.9)", last.vdm());
        assertEquals(0.05, last.lr());
        assertEquals(2L, last.seed());
        assertEquals(2, last.epochs());
        // what the spec does not give comes from the model's row of Table 4
        assertEquals(List.of(150, 225), plan.runs().get(0).config().milestones());
        assertEquals(List.of(100, 150, 200), last.milestones());
    }

    @Test
    void runNamesHaveThePapersShapeModelDataSetMappingThenNamedSettings() throws IOException {
        SweepPlan plan = plan("""
                base: {epochs: 2}
                grid:
                  model: [resnet20]
                  dataset: [cifar10, cifar100]
                  vdm: ['LE(1,0.9)']
                  seed: [3]
                """);
        assertEquals(List.of("resnet20-cifar10-LE(1,0.9)-seed3", "resnet20-cifar100-LE(1,0.9)-seed3"), names(plan));
        assertEquals("resnet20-cifar100-LE(1,0.9)-seed3", SweepPlan.runName(
                Map.of("model", "resnet20", "dataset", "cifar100", "vdm", "LE(1,0.9)", "seed", 3L),
                List.of("model", "dataset", "vdm", "seed")));
    }

    @Test
    void charactersAFileSystemMayRefuseBecomeUnderscores() throws IOException {
        SweepPlan plan = plan("""
                base: {epochs: 1}
                grid:
                  vdm: ['0.5*l^2', 'expr:ln(exp(l)-0.9)']
                  data-dir: ['~/data/my set', 'x']
                """);
        assertEquals(List.of("0.5_l_2-data-dir-__data_my_set", "0.5_l_2-data-dir-x",
                "expr_ln(exp(l)-0.9)-data-dir-__data_my_set", "expr_ln(exp(l)-0.9)-data-dir-x"), names(plan));
        for (String name : names(plan)) {
            assertTrue(name.matches("[A-Za-z0-9._()+,=-]+"), name);
        }
    }

    @Test
    void runsWhoseNamesWouldCollideAreNumbered() throws IOException {
        // two spellings that only differ in characters replaced by '_'
        SweepPlan plan = plan("grid: {data-dir: ['a b', 'a/b', 'c']}\n");
        assertEquals(List.of("data-dir-a_b", "data-dir-a_b-2", "data-dir-c"), names(plan));
    }

    @Test
    void namesAreTheSameWheneverTheSpecIsReadAgainAndWhenValuesAreAdded() throws IOException {
        String yaml = """
                base: {dataset: sample, epochs: 2}
                grid:
                  vdm: [original, 'LE(1,0.9)']
                  seed: [1]
                """;
        SweepPlan first = plan(yaml);
        assertEquals(List.of("original-seed1", "LE(1,0.9)-seed1"), names(first));
        assertEquals(names(first), names(plan(yaml)));
        // a grid key with one value names the runs too, so that a second seed only adds runs
        SweepPlan more = plan(yaml.replace("seed: [1]", "seed: [1, 2]"));
        assertEquals(List.of("original-seed1", "original-seed2", "LE(1,0.9)-seed1", "LE(1,0.9)-seed2"), names(more));
        assertEquals(first.runs().get(1).config(), more.runs().get(2).config());
    }

    @Test
    void aSweepOfOneRunIsCalledRun() throws IOException {
        assertEquals(List.of("run"), names(plan("base: {epochs: 1}\n")));
    }

    @Test
    void overridesApplyToEveryRunButNotToWhatTheSpecVaries() throws IOException {
        SweepSpec spec = spec("""
                base: {epochs: 5}
                grid: {seed: [1, 2]}
                cells: [{lr: 0.1}, {lr: 0.2}]
                """);
        SweepPlan plan = SweepPlan.expand(spec, Map.of("epochs", 1, "threads", 2));
        assertTrue(plan.runs().stream().allMatch(r -> r.config().epochs() == 1 && r.config().threads() == 2));
        assertEquals(Map.of("epochs", 1, "threads", 2), plan.overrides());
        for (String key : List.of("seed", "lr")) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> SweepPlan.expand(spec, Map.of(key, 3))).getMessage();
            assertTrue(message.contains("--set " + key) && message.contains("change it in the spec"), message);
        }
        // a grid key with a single value names the runs as well
        SweepSpec single = spec("grid: {seed: [1]}\n");
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.expand(single, Map.of("seed", 2)));
    }

    @Test
    void aBadValueIsRefusedNamingTheRun() throws IOException {
        String message = assertThrows(IllegalArgumentException.class,
                () -> plan("base: {lr: -1}\ngrid: {seed: [1, 2]}\n")).getMessage();
        assertTrue(message.startsWith("run seed1: invalid lr: -1.0"), message);
    }

    @Test
    void everyPresetExpandsAndAMissingModelOrDataFolderIsNamed(@TempDir Path imagenet) throws IOException {
        assertEquals(80, SweepPlan.expand(SweepSpec.load("table1"), Map.of()).runs().size());
        assertEquals(140, SweepPlan.expand(SweepSpec.load("table2"), Map.of()).runs().size());
        assertEquals(30, SweepPlan.expand(SweepSpec.load("table3"), Map.of("data-dir", imagenet.toString()))
                .runs().size());
        String table3 = assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.expand(SweepSpec.load("table3"), Map.of())).getMessage();
        assertTrue(table3.contains("data-dir") && table3.contains("imagenet"), table3);
        String typo = assertThrows(IllegalArgumentException.class,
                () -> plan("grid: {model: [resnet20, resnt32]}\n")).getMessage();
        assertTrue(typo.contains("needs models resnt32"), typo);
    }
}
