package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.landscape.CurveFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code landscape} and {@code hessian} on a run that {@code train} wrote, and their bad input. */
class LandscapeCommandTest {

    @TempDir
    static Path tmp;

    static Path run;

    @BeforeAll
    static void trainATinyRun() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        run = tmp.resolve("original");
        TrainCommandTest.Outcome o = TrainCommandTest.train("--dataset", "sample", "--limit-train", "32",
                "--limit-test", "16", "--epochs", "1", "--batch-size", "16", "--threads", "1", "--out", run.toString());
        assertThat(o.code()).as(o.err()).isZero();
    }

    static TrainCommandTest.Outcome landscape(String... args) {
        return TrainCommandTest.run("landscape", args);
    }

    static TrainCommandTest.Outcome hessian(String... args) {
        return TrainCommandTest.run("hessian", args);
    }

    @Test
    void curvesOfARunWrittenByTrainWithTheCenterEqualToThePlainEvaluation() throws IOException {
        Path out = tmp.resolve("curves");
        TrainCommandTest.Outcome o = landscape("--checkpoint", run.toString(), "--checkpoint", run.toString(),
                "--points", "5", "--limit", "16", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("curve.csv"));
        assertThat(lines.get(0)).isEqualTo("model,alpha,train_loss,train_acc,test_loss,test_acc");
        assertThat(lines).hasSize(1 + 2 * 5);
        assertThat(lines.get(1)).startsWith("original,-1.0,");
        assertThat(lines.get(6)).startsWith("original-2,-1.0,");
        assertThat(lines.get(3)).startsWith("original,0.0,");
        assertThat(lines.get(3).substring("original,".length())).isEqualTo(lines.get(8).substring("original-2,".length()));
        List<CurveFiles.CurvePoint> points = Csv.read(out.resolve("curve.csv"), CurveFiles.CurvePoint.class);
        assertThat(points).hasSize(2 * 5);
        assertThat(points.get(4).alpha()).isEqualTo(1.0);
        assertThat(points.get(4).trainAcc()).isBetween(0.0, 1.0);
        assertThat(o.err()).contains("images/s").contains("plain evaluation").contains("2 curve(s) × 5 points");
        assertThat(Files.size(out.resolve("curve.png"))).isGreaterThan(1000);
    }

    @Test
    void interpolationAndSurface() throws IOException {
        Path out = tmp.resolve("interp");
        TrainCommandTest.Outcome o = landscape("--checkpoint", run.toString(), "--checkpoint", run.toString(),
                "--interpolate", "--points", "3", "--limit", "16", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("curve.csv")).get(1)).startsWith("original->original-2,-0.5,");

        Path surface = tmp.resolve("surface");
        o = landscape("--checkpoint", run.toString(), "--surface", "--surface-points", "3", "--points", "3",
                "--limit", "16", "--log-loss", "--out", surface.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("surface: 1 model(s) × 3×3 points");
        List<String> rows = Files.readAllLines(surface.resolve("surface.csv"));
        assertThat(rows.get(0)).isEqualTo("x,y,train_loss,train_acc,test_loss,test_acc");
        assertThat(rows).hasSize(10);
        assertThat(Files.size(surface.resolve("surface.png"))).isGreaterThan(1000);
    }

    @Test
    void hessianWritesEigenvaluesTraceAndTiming() throws IOException {
        Path out = tmp.resolve("hessian");
        TrainCommandTest.Outcome o = hessian("--checkpoint", run.toString(), "--top", "2", "--max-iterations", "4",
                "--trace", "--trace-samples", "3", "--trace-min-samples", "3", "--limit", "16", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(out.resolve("hessian.json").toFile());
        assertThat(json.get(Json.FORMAT_VERSION_KEY).asInt()).isEqualTo(Json.FORMAT_VERSION);
        assertThat(json.get("eigenvalues")).hasSize(2);
        assertThat(json.get("eigenvalues").get(0).asDouble()).isGreaterThanOrEqualTo(json.get("eigenvalues").get(1).asDouble());
        assertThat(json.get("trace").get("samples").asInt()).isEqualTo(3);
        assertThat(json.get("trace").has("stderr")).isTrue();
        assertThat(json.get("hvp").asText()).isEqualTo("finite-difference");
        assertThat(json.get("examples").asInt()).isEqualTo(16);
        assertThat(json.get("seconds_per_hvp").asDouble()).isPositive();
        assertThat(o.err()).contains("s each");
    }

    @Test
    void badInputIsExitStatusTwoWithAClearMessage() throws IOException {
        TrainCommandTest.Outcome missing = landscape("--checkpoint", tmp.resolve("nowhere").toString(), "--out",
                tmp.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere").contains("does not exist");

        TrainCommandTest.Outcome grid = landscape("--checkpoint", run.toString(), "--range", "-1..1", "--out",
                tmp.resolve("y").toString());
        assertThat(grid.code()).isEqualTo(2);
        assertThat(grid.err()).contains("Invalid value for option '--range'").contains("LO:HI").contains("'-1..1'");

        TrainCommandTest.Outcome notRun = hessian("--checkpoint", tmp.toString(), "--out", tmp.resolve("z").toString());
        assertThat(notRun.code()).isEqualTo(2);
        assertThat(notRun.err()).contains("run.json is missing");

        Path other = tmp.resolve("resnet32");
        Files.createDirectories(other);
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String text = f.getFileName().toString();
                Path target = other.resolve(text);
                if (text.equals("run.json")) {
                    Files.writeString(target, Files.readString(f).replace("\"resnet20\"", "\"resnet32\""));
                } else {
                    Files.copy(f, target);
                }
            }
        }
        TrainCommandTest.Outcome architecture = landscape("--checkpoint", run.toString(), "--checkpoint",
                other.toString(), "--points", "3", "--limit", "16", "--out", tmp.resolve("w").toString());
        assertThat(architecture.code()).as(architecture.err()).isEqualTo(2);
        assertThat(architecture.err()).contains("does not match");
    }
}
