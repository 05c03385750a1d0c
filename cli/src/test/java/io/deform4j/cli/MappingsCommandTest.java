package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import io.deform4j.mapping.Vdm;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingsCommandTest {

    @Test
    void jsonHasExactlyTheFourKeysPerMappingAndPoint() throws Exception {
        CliRunner r = CliRunner.run("mappings", "--vdm", "AP(18/pi,1,2,1)", "--vdm", "le(1,0.99)", "--at", "0.5,1,2",
                "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode rows = Json.MAPPER.readTree(r.out());
        assertEquals(6, rows.size());
        for (JsonNode row : rows) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("vdm", "l", "value", "derivative"), keys);
        }
        JsonNode first = rows.get(0);
        assertEquals("AP(18/pi,1,2,1)", first.get("vdm").asText());
        assertEquals(Vdm.parse("AP(18/pi,1,2,1)").derivative(0.5), first.get("derivative").asDouble(), 0);
        assertEquals("LE(1,0.99)", rows.get(5).get("vdm").asText());
    }

    @Test
    void csvQuotesTheNotationAndTableAligns() {
        CliRunner csv = CliRunner.run("mappings", "--vdm", "AP(10,1,1,1)", "--at", "1", "--format", "csv");
        assertEquals(0, csv.status(), csv.err());
        assertThat(csv.out().lines()).containsExactly("vdm,l,value,derivative",
                "\"AP(10,1,1,1)\",1.0," + Vdm.parse("AP(10,1,1,1)").value(1) + ",6.0");
        CliRunner table = CliRunner.run("mappings", "--vdm", "original", "--at", "2");
        assertThat(table.out()).contains("vdm").contains("original").contains("2.00000");
    }

    @Test
    void aPointOutsideTheDomainExitsWithStatus2AndTheMappingError() {
        CliRunner r = CliRunner.run("mappings", "--vdm", "LE(1,1.9)", "--at", "1,0.5", "--format", "json");
        assertEquals(ExitCodes.BAD_INPUT, r.status());
        assertThat(r.err()).contains("LE(1,1.9) is undefined at l = 0.5").contains("ln e2");
        assertThat(r.out()).as("nothing half-printed").isEmpty();
    }

    @Test
    void badSpecsAndOptionsExitWithStatus2() {
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("mappings", "--vdm", "AP(1,2").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("mappings", "--at", "x").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("mappings", "--format", "xml").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("mappings", "--plot", "a.gif").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("mappings", "--plot", "a.png", "--range", "5:1").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("mapings").status());
    }

    @Test
    void plotWritesTheImageAndTheCurvesBesideIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fig2.png");
        CliRunner r = CliRunner.run("mappings", "--vdm", "AP(5,1,2,1)", "--vdm", "LE(1,1.9)", "--plot", png.toString(),
                "--range", "0:4", "--samples", "41");
        assertEquals(0, r.status(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);
        List<String> csv = Files.readAllLines(dir.resolve("fig2.csv"));
        assertEquals("l,\"AP(5,1,2,1)\",\"LE(1,1.9)\"", csv.get(0));
        assertEquals(42, csv.size());
        assertThat(csv.get(1)).as("LE(1,1.9) is undefined at l = 0: empty cell").endsWith(",");
        String[] last = csv.get(41).split(",");
        assertEquals(4.0, Double.parseDouble(last[0]));
        assertEquals(Vdm.parse("LE(1,1.9)").derivative(4), Double.parseDouble(last[2]), 0);
        assertThat(r.err()).contains("LE(1,1.9) is undefined at");

        Path svg = dir.resolve("fig2b.svg");
        assertEquals(0, CliRunner.run("mappings", "--vdm", "LE(1,0.9)", "--plot", svg.toString()).status());
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void helpReadsLikeAManPage() {
        CliRunner r = CliRunner.run("mappings", "--help");
        assertEquals(0, r.status());
        assertThat(r.out()).contains("Usage: deform4j mappings").contains("Examples:").contains("Exit status")
                .contains("--vdm").contains("--plot");
        assertThat(CliRunner.run("--help").out()).contains("mappings");
    }
}
