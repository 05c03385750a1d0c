package io.deform4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing and bad input of {@code train} and {@code compare}; one tiny real run. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    /** Runs {@code deform4j COMMAND ARGS} through the program's entry point ({@link CliRunner}). */
    static Outcome run(String command, String... args) {
        CliRunner r = CliRunner.command(command, args);
        return new Outcome(r.status(), r.out(), r.err());
    }

    static Outcome train(String... args) {
        return run("train", args);
    }

    private String[] tiny(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--limit-train", "32", "--limit-test", "16",
                "--epochs", "1", "--batch-size", "16", "--threads", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--dataset")) {
            args.addAll(List.of("--dataset", "sample"));
        }
        return args.toArray(String[]::new);
    }

    @Test
    void tinyRunWritesMetricsRunJsonAndACheckpointAndRefusesToOverwriteIt() throws IOException {
        Path out = tmp.resolve("run");
        Outcome ok = train(tiny(out, "--vdm", "LE(1,0.99)"));
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("final test accuracy"), ok.out());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("epoch,lr,train_loss,train_deformed_loss,train_acc,test_loss,test_acc,train_seconds,eval_seconds",
                metrics.get(0));
        assertEquals(2, metrics.size());
        String json = Files.readString(out.resolve("run.json"));
        assertTrue(json.contains("\"vdm\" : \"LE(1,0.99)\"") && json.contains("\"best_test_acc\""), json);
        assertTrue(json.contains("\"weight_decay\" : 5.0E-4") && json.contains("\"milestones\" : [ 150, 225 ]"), json);
        assertTrue(json.startsWith("{\n  \"format_version\" : 1,"), json);
        assertTrue(Files.exists(out.resolve("checkpoint-0001.bin")));

        String before = Files.readString(out.resolve("metrics.csv"));
        Outcome again = train(tiny(out));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume") && again.err().contains("--overwrite"), again.err());
        assertEquals(before, Files.readString(out.resolve("metrics.csv")));

        Outcome resumed = train("--resume", "--out", out.toString(), "--epochs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(3, Files.readAllLines(out.resolve("metrics.csv")).size());
        assertEquals(2, train("--resume", "--out", out.toString(), "--lr", "0.5").code());

        Outcome over = train(tiny(out, "--overwrite"));
        assertEquals(0, over.code(), over.err());
        assertEquals(2, Files.readAllLines(out.resolve("metrics.csv")).size());
        assertFalse(Files.exists(out.resolve("checkpoint-0002.bin")));
    }

    @Test
    void unknownModelSuggestsTheClosestAndWritesNothing() {
        Path out = tmp.resolve("m");
        Outcome o = train(tiny(out, "--model", "resnet21"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("resnet21") && o.err().contains("did you mean 'resnet20'"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownDatasetSuggestsTheClosest() {
        Outcome o = train(tiny(tmp.resolve("d"), "--dataset", "cifar-10"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("did you mean 'cifar10'"), o.err());
    }

    @Test
    void invalidHyperParametersNameTheFieldAndValue() {
        Outcome lr = train(tiny(tmp.resolve("a"), "--lr", "-0.1"));
        assertEquals(2, lr.code());
        assertTrue(lr.err().contains("lr") && lr.err().contains("-0.1"), lr.err());
        Outcome momentum = train(tiny(tmp.resolve("b"), "--momentum", "1.5"));
        assertEquals(2, momentum.code());
        assertTrue(momentum.err().contains("momentum: 1.5"), momentum.err());
        Outcome milestones = train(tiny(tmp.resolve("c"), "--milestones", "20,10"));
        assertEquals(2, milestones.code());
        assertTrue(milestones.err().contains("milestones"), milestones.err());
        Outcome vdm = train(tiny(tmp.resolve("e"), "--vdm", "LE(1,"));
        assertEquals(2, vdm.code());
        Outcome notANumber = train(tiny(tmp.resolve("f"), "--epochs", "three"));
        assertEquals(2, notANumber.code());
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")));
    }

    @Test
    void missingDataFolderIsBadInput() {
        Path out = tmp.resolve("f");
        Outcome o = train(tiny(out, "--dataset", "folder", "--data-dir", tmp.resolve("nowhere").toString()));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("nowhere"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void nonEmptyOutputOfSomethingElseIsRefusedAndLeftAlone() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        Files.writeString(out.resolve("metrics.csv"), "precious");
        Outcome o = train(tiny(out, "--overwrite"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not empty"), o.err());
        assertEquals("precious", Files.readString(out.resolve("metrics.csv")));
        assertEquals(2, train("--resume", "--out", out.toString()).code());
    }

    @Test
    void yamlConfigIsReadAndUnknownKeysAreBadInput() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "epochs: 1\nlearning-rate: 0.1\n");
        Outcome o = train("--config", bad.toString(), "--out", tmp.resolve("y").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("learning-rate"), o.err());
        Path wrong = Files.writeString(tmp.resolve("wrong.yaml"), "epochs: many\n");
        assertEquals(2, train("--config", wrong.toString(), "--out", tmp.resolve("z").toString()).code());
        assertEquals(2, train("--config", tmp.resolve("absent.yaml").toString(), "--out", tmp.resolve("z").toString())
                .code());
    }

    @Test
    void compareRejectsTheOriginalAsTheDeformedMapping() {
        Outcome o = run("compare", "--vdm", "original", "--out", tmp.resolve("c").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("deformation mapping"), o.err());
    }

    @Test
    void aRunJsonIsAConfigThatReproducesItsRun() throws IOException {
        Path first = tmp.resolve("first");
        assertEquals(0, train(tiny(first, "--vdm", "AP(18/pi,1,2,1)", "--optimizer", "adam", "--lr", "0.001",
                "--betas", "0.8,0.99", "--milestones", "none")).code());
        Path second = tmp.resolve("second");
        Outcome again = train("--config", first.resolve("run.json").toString(), "--out", second.toString());
        assertEquals(0, again.code(), again.err());
        var a = Json.MAPPER.readTree(first.resolve("run.json").toFile());
        var b = Json.MAPPER.readTree(second.resolve("run.json").toFile());
        assertEquals(a.get("config"), b.get("config"));
        assertEquals("adam", a.get("config").get("optimizer").asText());
        assertEquals("[0.8,0.99]", a.get("config").get("betas").toString());
        assertEquals(Files.readAllLines(first.resolve("metrics.csv")).get(1).split(",")[2],
                Files.readAllLines(second.resolve("metrics.csv")).get(1).split(",")[2], "same train loss, same bits");
    }
}
