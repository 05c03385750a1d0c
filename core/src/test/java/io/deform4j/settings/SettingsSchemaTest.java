package io.deform4j.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSchemaTest {

    /** A settings record as a user of the schema writes one. */
    record Example(
            @Setting(help = "Steps.", label = "N", defaultValue = "10") int steps,
            @Setting(help = "Rate.", defaultValue = "0.5") double learningRate,
            @Setting(help = "Decays.", defaultValue = "none") List<Integer> milestones,
            @Setting(help = "Name.", defaultValue = "", whenAbsentFromRecord = "old") String name,
            @Setting(help = "Flag.", defaultValue = "true") boolean flag) {

        Example {
            if (steps < 1) {
                throw new IllegalArgumentException("invalid steps: " + steps + " (expected >= 1)");
            }
        }
    }

    private static final SettingsSchema<Example> SCHEMA = SettingsSchema.of(Example.class);

    @TempDir
    Path tmp;

    @Test
    void namesTypesAndDefaultsComeFromTheRecord() {
        assertThat(SCHEMA.names()).containsExactly("steps", "learning-rate", "milestones", "name", "flag");
        assertThat(SCHEMA.entry("learning_rate").name()).isEqualTo("learning-rate");
        assertThat(SCHEMA.entry("learningRate").defaultValue()).isEqualTo(0.5);
        assertThat(SCHEMA.entry("steps").label()).isEqualTo("N");
        assertThat(SCHEMA.create()).isEqualTo(new Example(10, 0.5, List.of(), "", true));
    }

    @Test
    void layersAreTakenInOrderThenDefaults() {
        Example e = SCHEMA.create(Map.of("steps", 3), Map.of("steps", 7, "learning-rate", 0.1));
        assertThat(e).isEqualTo(new Example(3, 0.1, List.of(), "", true));
    }

    @Test
    void textParsesByType() {
        assertThat(SCHEMA.parse("steps", " 12 ")).isEqualTo(12);
        assertThat(SCHEMA.parse("learning-rate", "1e-3")).isEqualTo(1e-3);
        assertThat(SCHEMA.parse("milestones", "150,225")).isEqualTo(List.of(150, 225));
        assertThat(SCHEMA.parse("milestones", "[3, 5]")).isEqualTo(List.of(3, 5));
        assertThat(SCHEMA.parse("milestones", "none")).isEqualTo(List.of());
        assertThat(SCHEMA.parse("flag", "FALSE")).isEqualTo(false);
        assertThatThrownBy(() -> SCHEMA.parse("flag", "no")).hasMessage("invalid flag: 'no' (expected true or false)");
        assertThatThrownBy(() -> SCHEMA.parse("steps", "1.5")).hasMessage("invalid steps: '1.5' (expected an integer)");
        assertThatThrownBy(() -> SCHEMA.parse("stepz", "1")).hasMessageContaining("did you mean 'steps'");
    }

    @Test
    void yamlValuesAreCheckedAgainstTheType() {
        assertThat(SCHEMA.convert("learning-rate", 1)).isEqualTo(1.0);
        assertThat(SCHEMA.convert("steps", 4.0)).isEqualTo(4);
        assertThat(SCHEMA.convert("milestones", List.of(1, "2"))).isEqualTo(List.of(1, 2));
        assertThat(SCHEMA.convert("name", 42)).isEqualTo("42");
        assertThatThrownBy(() -> SCHEMA.convert("steps", 4.5)).hasMessage("invalid steps: 4.5 (expected an integer)");
        assertThatThrownBy(() -> SCHEMA.convert("flag", 1)).hasMessage("invalid flag: 1 (expected true or false)");
        assertThatThrownBy(() -> SCHEMA.convert("milestones", 3)).hasMessageStartingWith("invalid milestones: 3");
        assertThatThrownBy(() -> SCHEMA.convert("steps", null)).hasMessage("invalid steps: no value (expected an integer)");
    }

    @Test
    void theRecordsOwnValidationIsTheOnlyOne() {
        assertThatThrownBy(() -> SCHEMA.create(Map.of("steps", 0))).hasMessage("invalid steps: 0 (expected >= 1)");
        assertThatThrownBy(() -> SCHEMA.create(Map.of("stepsz", 1))).hasMessageContaining("unknown setting 'stepsz'");
    }

    @Test
    void recordedValuesFillWhatAnOlderRecordLacks() {
        assertThat(SCHEMA.recorded(Map.of("steps", 2))).isEqualTo(new Example(2, 0.5, List.of(), "old", true));
        Example e = new Example(5, 0.25, List.of(1, 2), "x", false);
        assertThat(SCHEMA.recorded(SCHEMA.values(e))).isEqualTo(e);
    }

    @Test
    void filesAreFlatMappingsOrRecordsWithAConfig() throws IOException {
        Path flat = Files.writeString(tmp.resolve("a.yaml"), "steps: 4\nlearning_rate: 0.2\nmilestones: 1,2\n");
        assertThat(SCHEMA.readFile(flat)).isEqualTo(Map.of("steps", 4, "learning-rate", 0.2, "milestones", List.of(1, 2)));
        Path record = Files.writeString(tmp.resolve("run.json"),
                "{\"format_version\": 1, \"config\": {\"steps\": 6}, \"status\": \"finished\"}");
        assertThat(SCHEMA.readFile(record)).isEqualTo(Map.of("steps", 6));
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
        assertThat(SCHEMA.readFile(empty)).isEmpty();
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "steps: x\n");
        assertThatThrownBy(() -> SCHEMA.readFile(bad))
                .hasMessage("config file " + bad + ": invalid steps: 'x' (expected an integer)");
    }

    @Test
    void valuesAreWrittenAsTheyWouldBeTyped() {
        assertThat(SettingsSchema.text(5e-4)).isEqualTo("0.0005");
        assertThat(SettingsSchema.text(List.of(150, 225))).isEqualTo("150,225");
        assertThat(SettingsSchema.text(List.of())).isEqualTo("none");
        assertThat(SettingsSchema.text(0.1)).isEqualTo("0.1");
    }
}
