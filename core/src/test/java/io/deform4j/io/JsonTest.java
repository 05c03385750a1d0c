package io.deform4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    record Report(String modelName, double secondsPerStep) {
    }

    @Test
    void aFileHasTheFormatVersionFirstAndSnakeCaseKeys(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        Json.write(file, new Report("resnet20", 0.25));
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "format_version" : 1,
                  "model_name" : "resnet20",
                  "seconds_per_step" : 0.25
                }
                """);
        assertThat(Json.MAPPER.readValue(file.toFile(), Report.class)).isEqualTo(new Report("resnet20", 0.25));
    }

    @Test
    void aFileHoldsAnObject(@TempDir Path dir) {
        assertThatThrownBy(() -> Json.write(dir.resolve("list.json"), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARRAY");
        assertThat(dir.resolve("list.json")).doesNotExist();
    }
}
