package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit statuses, through the entry point of {@code bin/deform4j} ({@link CliRunner}); 75 for
 * a training run interrupted by a signal needs a process of its own ({@link TrainSignalTest}),
 * and 1 for an I/O failure a disk that fills during a run ({@link DiskFullTest}).
 */
class ExitStatusTest {

    @Test
    void successIs0() {
        CliRunner r = CliRunner.run("--version");
        assertEquals(ExitCodes.OK, r.status(), r.err());
        assertThat(r.out()).startsWith("deform4j ");
    }

    @Test
    void badInputIs2WithTheOffendingValue() {
        CliRunner r = CliRunner.run("mappings", "--samples", "many");
        assertEquals(ExitCodes.BAD_INPUT, r.status());
        assertThat(r.err()).startsWith("error: ").contains("many").contains("--samples");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOutputThatCannotBeWrittenIs2AndNamesThePathAndWhy(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        CliRunner r = CliRunner.run("mappings", "--vdm", "LE(1,0.9)", "--plot", notAFolder.resolve("d.svg").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.status());
        assertThat(r.err()).isEqualTo("error: --plot " + notAFolder.resolve("d.svg") + " cannot be created: " + notAFolder
                + " exists and is not a directory\n");
    }

    @Test
    void theHelpOfTrainAndCompareNamesStatus75() {
        for (String command : new String[] {"train", "compare"}) {
            CliRunner r = CliRunner.run(command, "--help");
            assertEquals(ExitCodes.OK, r.status(), r.err());
            assertThat(r.out().replaceAll("\\s+", " ")).contains("Exit status: 0 success").contains("75 interrupted by");
        }
        assertEquals(75, ExitCodes.INTERRUPTED, "EX_TEMPFAIL of sysexits.h");
    }
}
