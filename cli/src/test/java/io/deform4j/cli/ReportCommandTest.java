package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.report.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesThePageAndSaysWhere() throws Exception {
        SyntheticRuns.finished(dir.resolve("runs/original"), "original", 1, 3, 0.5);
        SyntheticRuns.finished(dir.resolve("runs/deformed"), "LE(1,0.99)", 1, 3, 0.6);
        Path out = dir.resolve("pages/report.html");

        CliRunner r = CliRunner.command("report", dir.resolve("runs").toString(), "--out", out.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).startsWith("wrote " + out + " (").contains("2 training run(s)");
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("LE(1,0.99)");
    }

    @Test
    void aBrokenRunIsListedInThePageAndTheExitStatusSaysBadInput() throws Exception {
        SyntheticRuns.finished(dir.resolve("runs/good"), "original", 1, 3, 0.5);
        Path bad = SyntheticRuns.finished(dir.resolve("runs/bad"), "original", 2, 3, 0.5);
        Files.writeString(bad.resolve("metrics.csv"), "epoch,lr\nnot,numbers\n");
        Path out = dir.resolve("report.html");

        CliRunner r = CliRunner.command("report", dir.resolve("runs").toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("error: cannot read " + bad + ": ", "metrics.csv",
                "1 run(s) or file(s) cannot be read, listed in the report");
        assertThat(Files.readString(out)).contains(bad.toString(), "cannot be read");
    }

    @Test
    void aPathWithNothingReadableIsBadInputNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner r = CliRunner.command("report", empty.toString(), "--out", dir.resolve("r.html").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + empty + " holds nothing deform4j wrote");
        assertThat(dir.resolve("r.html")).doesNotExist();

        r = CliRunner.command("report", dir.resolve("missing").toString(), "--out", dir.resolve("r.html").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + dir.resolve("missing") + " does not exist");
    }

    @Test
    void anOutputThatCannotBeWrittenIsBadInputNamingIt() throws Exception {
        SyntheticRuns.finished(dir.resolve("runs/a"), "original", 1, 2, 0.5);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path under = file.resolve("report.html");

        CliRunner r = CliRunner.command("report", dir.resolve("runs").toString(), "--out", under.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --out " + under + " cannot be created: " + file
                + " exists and is not a directory");

        Path folder = Files.createDirectories(dir.resolve("folder.html"));
        r = CliRunner.command("report", dir.resolve("runs").toString(), "--out", folder.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --out " + folder + ": is a directory");

        r = CliRunner.command("report", dir.resolve("runs").toString(), "--out", dir.resolve("report.pdf").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("expected a file name ending in .html");
    }

    @Test
    void theHelpNamesTheSectionsAndTheExitStatus() {
        CliRunner r = CliRunner.command("report", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: deform4j report", "--out=FILE.html", "supplementary", "Exit status");
    }
}
