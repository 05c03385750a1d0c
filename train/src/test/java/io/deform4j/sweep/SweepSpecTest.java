package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading sweep specs: typed values, and every kind of bad spec refused with a message that says what and where. */
class SweepSpecTest {

    @TempDir
    Path tmp;

    private SweepSpec load(String yaml) throws IOException {
        Path file = tmp.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return SweepSpec.load(file.toString());
    }

    /** The message of the {@link IllegalArgumentException} that loading {@code yaml} throws. */
    private String refused(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> load(yaml)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
        }
    }

    @Test
    void readsTypedSettingsInTheOrderWritten() throws IOException {
        SweepSpec spec = load("""
                name: demo
                base: {dataset: sample, epochs: 2, batch-size: 64}
                grid:
                  vdm: [original, 'LE(1,0.9)']
                  seed: [1, 2]
                cells:
                  - {model: resnet20, lr: 0.1}
                  - {model: preresnet20, lr: 0.05}
                """);
        assertEquals("demo", spec.name());
        assertEquals(Map.of("dataset", "sample", "epochs", 2, "batch-size", 64), spec.base());
        assertEquals(List.of("dataset", "epochs", "batch-size"), List.copyOf(spec.base().keySet()));
        assertEquals(List.of("vdm", "seed"), List.copyOf(spec.grid().keySet()));
        assertEquals(List.of(1L, 2L), spec.grid().get("seed"));
        assertEquals(List.of("original", "LE(1,0.9)"), spec.grid().get("vdm"));
        assertEquals(List.of(Map.of("model", "resnet20", "lr", 0.1), Map.of("model", "preresnet20", "lr", 0.05)),
                spec.cells());
    }

    @Test
    void theNameDefaultsToTheFileNameAndNoCellsIsOneEmptyCell() throws IOException {
        Path file = tmp.resolve("my-sweep.yml");
        Files.writeString(file, "grid: {seed: [1, 2]}\n");
        SweepSpec spec = SweepSpec.load(file.toString());
        assertEquals("my-sweep", spec.name());
        assertEquals(List.of(Map.of()), spec.cells());
        assertEquals(Map.of(), spec.base());
    }

    @Test
    void anUnknownKeyIsRefusedWithTheClosestKnownOne() {
        assertMentions(refused("nme: x\n"), "spec.yaml", "unknown key 'nme'", "did you mean 'name'");
        assertMentions(refused("base: {epoch: 3}\n"), "base", "unknown setting 'epoch'", "did you mean 'epochs'");
        assertMentions(refused("grid: {sed: [1, 2]}\n"), "'sed'", "did you mean 'seed'");
        assertMentions(refused("cells: [{vmd: original}]\n"), "cells[0]", "'vmd'", "did you mean 'vdm'");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheSettingAndWhere() {
        assertMentions(refused("base: {epochs: three}\n"), "base", "epochs", "'three'", "integer");
        assertMentions(refused("grid: {seed: [1, x]}\n"), "grid.seed", "'x'", "integer");
        assertMentions(refused("cells: [{lr: 0.1}, {lr: fast}]\n"), "cells[1]", "lr", "'fast'");
        assertMentions(refused("grid: {seed: 3}\n"), "grid.seed must be a list");
        assertMentions(refused("grid: [seed, 1]\n"), "grid must map settings to lists");
        assertMentions(refused("base: [1, 2]\n"), "base must be a mapping");
        assertMentions(refused("- 1\n- 2\n"), "must be a mapping with keys");
    }

    @Test
    void anEmptyGridListIsRefused() {
        assertMentions(refused("grid: {seed: []}\n"), "grid.seed is empty", "at least one value");
    }

    @Test
    void cellsMustBeANonEmptyListOfMappings() {
        assertMentions(refused("cells: []\n"), "cells must be a non-empty list");
        assertMentions(refused("cells: {vdm: original}\n"), "cells must be a non-empty list");
        assertMentions(refused("cells: [{vdm: original}, [1]]\n"), "cells[1] must be a mapping");
        assertMentions(refused("cells: [3]\n"), "cells[0] must be a mapping");
    }

    @Test
    void aKeyInBothGridAndCellsIsRefused() {
        assertMentions(refused("grid: {seed: [1, 2]}\ncells: [{seed: 3}]\n"), "'seed' is in both grid and cells");
        // spelt differently, the same setting
        assertMentions(refused("grid: {batch_size: [32, 64]}\ncells: [{batch-size: 16}]\n"),
                "'batch-size' is in both grid and cells");
    }

    @Test
    void anUnquotedMappingCutByYamlsCommaIsExplained() {
        // in a flow list, YAML reads [original, LE(1,0.9)] as three items: original, "LE(1", "0.9)"
        assertMentions(refused("grid: {vdm: [original, LE(1,0.9)]}\n"), "grid.vdm", "'LE(1'", "quote",
                "'LE(1,0.9)'");
        assertMentions(refused("cells: [{vdm: LE(1,0.9), lr: 0.1}]\n"), "cells[0]", "'LE(1'", "quote");
    }

    @Test
    void aMissingFileAndBadYamlAreRefused() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.load(tmp.resolve("none.yaml").toString())).getMessage(), "does not exist", "table1");
        assertMentions(refused("grid: {seed: [1, 2\n"), "not valid YAML");
    }

    @Test
    void presetsAreReadFromTheJarUnlessAFileOfThatNameExists() {
        SweepSpec table1 = SweepSpec.load("table1");
        assertEquals("table1", table1.name());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), table1.grid().get("seed"));
        assertEquals(16, table1.cells().size());
        assertEquals(Map.of("vdm", "AP(18/pi,1,2,1)", "lr", 0.1), table1.cells().get(13));
    }

    @Test
    void runSettingsAreEachCellCrossedWithTheGridTheLastKeyFastest() throws IOException {
        SweepSpec spec = load("base: {epochs: 3}\ngrid: {vdm: [original, 'LE(1,0.9)'], seed: [1, 2]}\n"
                + "cells: [{model: resnet20}, {model: resnet32, epochs: 4}]\n");
        List<Map<String, Object>> runs = spec.runSettings();
        assertEquals(8, runs.size());
        assertEquals(Map.of("epochs", 3, "model", "resnet20", "vdm", "original", "seed", 1L), runs.get(0));
        assertEquals(Map.of("epochs", 3, "model", "resnet20", "vdm", "original", "seed", 2L), runs.get(1));
        assertEquals(Map.of("epochs", 3, "model", "resnet20", "vdm", "LE(1,0.9)", "seed", 1L), runs.get(2));
        assertEquals(Map.of("epochs", 4, "model", "resnet32", "vdm", "LE(1,0.9)", "seed", 2L), runs.get(7));
    }

    @Test
    void withGridReplacesOrAddsAGridListTypedAndChecked() throws IOException {
        SweepSpec spec = load("name: s\ngrid: {vdm: [original, 'LE(1,0.9)'], seed: [1, 2, 3]}\n");
        SweepSpec more = spec.withGrid("seed", List.of(1, 2, 3, 4, 5));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), more.grid().get("seed"));
        assertEquals(List.of("vdm", "seed"), List.copyOf(more.grid().keySet()));
        assertEquals(List.of(0.1, 0.2), spec.withGrid("lr", List.of("0.1", 0.2)).grid().get("lr"));
        assertEquals("s", more.name());
        assertEquals(List.of(1L, 2L, 3L), spec.grid().get("seed")); // the spec itself is unchanged
        assertMentions(assertThrows(IllegalArgumentException.class, () -> spec.withGrid("seed", List.of()))
                .getMessage(), "grid.seed is empty");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> spec.withGrid("sede", List.of(1)))
                .getMessage(), "seed");
        SweepSpec cells = load("cells: [{lr: 0.1}]\n");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> cells.withGrid("lr", List.of(0.2)))
                .getMessage(), "'lr' is in both grid and cells");
    }

    @Test
    void theReproducePresetComparesTheOriginalWithOneMappingOverThreeSeeds() {
        SweepSpec spec = SweepSpec.load("reproduce");
        assertEquals(List.of("original", "LE(1,0.99)"), spec.grid().get("vdm"));
        assertEquals(List.of(1L, 2L, 3L), spec.grid().get("seed"));
        assertEquals("sample", spec.base().get("dataset"));
        assertEquals(6, SweepPlan.expand(spec, Map.of()).runs().size());
    }
}
