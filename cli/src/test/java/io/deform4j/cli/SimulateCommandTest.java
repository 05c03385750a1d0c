package io.deform4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code deform4j simulate ARGS} through the program's entry point ({@link CliRunner}). */
    private int run(String... args) {
        CliRunner r = CliRunner.command("simulate", args);
        out.write(r.out());
        err.write(r.err());
        return r.status();
    }


    @Test
    void fig4WritesOneRunPerStartAndMapping() throws Exception {
        Path target = dir.resolve("fig4");
        int code = run("fig4", "--out", target.toString(), "--starts", "3", "--seed", "5");
        assertEquals(0, code, err.toString());
        JsonNode summary = Json.MAPPER.readTree(target.resolve("summary.json").toFile());
        assertEquals(Json.FORMAT_VERSION, summary.get(Json.FORMAT_VERSION_KEY).asInt());
        assertEquals("fig4", summary.get("study").asText());
        assertEquals(5, summary.get("seed").asLong());
        JsonNode runs = summary.get("runs");
        assertEquals(6, runs.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : runs) {
            for (String key : new String[] {"vdm", "init", "final", "loss", "eigenvalues", "deformed_eigenvalues"}) {
                assertTrue(r.has(key), key + " in " + r);
            }
            assertEquals(2, r.get("init").size());
            assertEquals(2, r.get("final").size());
            assertEquals(2, r.get("eigenvalues").size());
            assertTrue(r.get("eigenvalues").get(0).asDouble() <= r.get("eigenvalues").get(1).asDouble());
            seen.add(r.get("vdm").asText() + "#" + r.get("start").asInt());
        }
        assertEquals(Set.of("original#0", "original#1", "original#2", "LE(1,0.99)#0", "LE(1,0.99)#1",
                "LE(1,0.99)#2"), seen);
        for (JsonNode s : summary.get("summary")) {
            for (String key : new String[] {"median_max_eigenvalue", "mean_max_eigenvalue", "median_loss"}) {
                assertTrue(s.has(key), key + " in " + s);
            }
        }
        for (String png : new String[] {"contour.png", "landscape.png", "eigenvalues.png"}) {
            assertNotNull(ImageIO.read(target.resolve(png).toFile()), png);
        }
        assertEquals(6 * 301 + 1, Files.readAllLines(target.resolve("trajectories.csv")).size());
        String text = out.toString();
        assertTrue(text.contains("LE(1,0.99)"), text);
        assertTrue(text.contains("flatter than original from"), text);
        assertTrue(text.contains("took"), text);
    }

    @Test
    void customTakesEverythingFromFlags() throws Exception {
        Path target = dir.resolve("custom");
        int code = run("custom", "--out", target.toString(), "--surface", "(p1^2 + 10 p2^2)/2 + 0.1",
                "--vdm", "LE(1,0.09)", "--vdm", "AP(10,1,1,1)", "--optimizer", "adam", "--lr", "0.05",
                "--steps", "20", "--start", "3,2", "--milestones", "10", "--gamma", "0.5");
        assertEquals(0, code, err.toString());
        JsonNode summary = Json.MAPPER.readTree(target.resolve("summary.json").toFile());
        assertEquals(3, summary.get("runs").size());
        assertEquals(20, summary.get("steps").asInt());
        assertTrue(summary.get("optimizer").asText().startsWith("Adam"));
        assertTrue(summary.get("schedule").asText().contains("[10]"));
        assertTrue(!summary.has("seed"));
    }

    @Test
    void adamWDecaysByPyTorchsDefaultAndRandomStartsComeFromTheRange() throws Exception {
        Path target = dir.resolve("adamw");
        int code = run("custom", "--out", target.toString(), "--surface", "(p1^2 + p2^2)/2 + 0.1", "--vdm", "LE(1,0.09)",
                "--optimizer", "adamw", "--eps", "1e-6", "--steps", "5", "--starts", "4", "--range", "2:3");
        assertEquals(0, code, err.toString());
        JsonNode summary = Json.MAPPER.readTree(target.resolve("summary.json").toFile());
        assertEquals("AdamW(betas=(0.9, 0.999), eps=1.0E-6) weight decay 0.01", summary.get("optimizer").asText());
        for (JsonNode r : summary.get("runs")) {
            for (JsonNode x : r.get("init")) {
                assertTrue(x.asDouble() >= 2 && x.asDouble() <= 3, r.toString());
            }
        }
    }

    @Test
    void aDivergingRunIsMarkedNotDropped() throws Exception {
        Path target = dir.resolve("diverge");
        int code = run("custom", "--out", target.toString(), "--surface", "p1^4 + p2^2", "--vdm", "AP(10,1,1,1)",
                "--lr", "0.5", "--steps", "30", "--start", "3,1");
        assertEquals(0, code, err.toString());
        JsonNode runs = Json.MAPPER.readTree(target.resolve("summary.json").toFile()).get("runs");
        assertEquals(2, runs.size());
        assertEquals("diverged", runs.get(0).get("status").asText());
        assertTrue(runs.get(0).get("loss").isNull());
        assertTrue(runs.get(0).get("message").asText().contains("diverged at step"));
        assertTrue(out.toString().contains("DIVERGED"));
    }

    @Test
    void badInputExitsWithStatus2() {
        assertEquals(2, run("custom", "--out", dir.toString(), "--surface", "p1^^2", "--vdm", "LE(1,0.99)"));
        assertTrue(err.toString().contains("^"), err.toString());
        assertEquals(2, run("fig1", "--out", dir.toString(), "--vdm", "AP(10,1"));
        assertEquals(2, run("custom", "--out", dir.toString(), "--surface", "ln(p1)", "--vdm", "LE(1,0.99)",
                "--start", "-1,0"));
        assertTrue(err.toString().contains("outside the domain"), err.toString());
        assertEquals(2, run("custom", "--out", dir.toString(), "--surface", "p1^2"));
        assertEquals(2, run("fig9", "--out", dir.toString()));
        assertEquals(2, run("fig1"));
    }

    @Test
    void helpReadsLikeAManPage() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.contains("Examples:"), help);
        assertTrue(help.contains("Description:"), help);
        assertTrue(help.contains("deform4j simulate fig4"), help);
    }
}
