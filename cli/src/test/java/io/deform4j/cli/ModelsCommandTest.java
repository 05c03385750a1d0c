package io.deform4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import io.deform4j.model.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code models} run on its own command line (independent of its registration in the root). */
class ModelsCommandTest {

    private record Result(int status, String out, String err) {
    }

    @BeforeAll
    static void singleThread() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** Runs {@code deform4j models ARGS} through the program's entry point ({@link CliRunner}). */
    private static Result run(String... args) {
        CliRunner r = CliRunner.command("models", args);
        return new Result(r.status(), r.out(), r.err());
    }

    @Test
    void jsonListsEveryModelWithExactlyNameClassesParams() throws Exception {
        Result r = run("--classes", "10", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode rows = Json.MAPPER.readTree(r.out());
        assertEquals(Models.names().size(), rows.size());
        for (JsonNode row : rows) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("name", "classes", "image_size", "params", "macs"), keys);
            assertEquals(10, row.get("classes").asInt());
        }
        assertEquals("resnet20", rows.get(0).get("name").asText());
        assertEquals(272_474, rows.get(0).get("params").asLong());
        assertEquals(32, rows.get(0).get("image_size").asInt());
        JsonNode resnet18 = null;
        for (JsonNode row : rows) {
            if (row.get("name").asText().equals("resnet18")) {
                resnet18 = row;
            }
        }
        assertEquals(224, resnet18.get("image_size").asInt());
        assertEquals(11_181_642, resnet18.get("params").asLong());
        assertEquals(1_813_566_464L, resnet18.get("macs").asLong()); // torchvision's 1.81 GFLOPS, at 10 classes
    }

    @Test
    void imageSizeAppliesToEveryModel() throws Exception {
        // 64, not 224: DJL sizes its parameter-free layers by running them on zeros, gigabytes for SE-ResNeXt at 224
        Result r = run("--classes", "1000", "--image-size", "64", "--format", "json");
        assertEquals(0, r.status(), r.err());
        for (JsonNode row : Json.MAPPER.readTree(r.out())) {
            assertEquals(64, row.get("image_size").asInt());
            if (row.get("name").asText().equals("efficientnet_b0")) {
                assertEquals(5_288_548, row.get("params").asLong());
            }
        }
    }

    @Test
    void tableHasAHeaderAndOneLinePerModel() {
        Result r = run("--classes", "100", "--channels", "1");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(Models.names().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("name"), lines.get(0));
        assertTrue(lines.get(1).startsWith("resnet20") && lines.get(1).contains("100")
                && lines.get(1).contains("1x32x32"), lines.get(1));
        assertTrue(lines.get(0).contains("MMAC"), lines.get(0));
    }

    @Test
    void badInputExitsWithStatus2() {
        Result r = run("--classes", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.status());
        assertTrue(r.err().contains("got 0"), r.err());
        assertEquals(ExitCodes.BAD_INPUT, run("--format", "xml").status());
    }
}
