package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deform4j.report.Range;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The one reader of {@code LO:HI}, alone and behind every {@code --range} option. */
class RangeConverterTest {

    private final RangeConverter converter = new RangeConverter();

    @Test
    void readsTwoNumbersJoinedByAColon() {
        assertEquals(new Range(-10, 10), converter.convert("-10:10"));
        assertEquals(new Range(-0.5, 1.5), converter.convert(" -0.5 : 1.5 "));
        assertEquals(new Range(0, 5e3), converter.convert("0:5e3"));
    }

    @Test
    void badInputSaysWhatWasExpected() {
        for (String bad : new String[] {"-1..1", "a:1", "1", "1:2:3", ":1", "1:", ""}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("expected LO:HI").hasMessageContaining("'" + bad + "'");
        }
        for (String bad : new String[] {"5:1", "1:1", "NaN:1", "-Infinity:0"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("finite LO < HI").hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void everyRangeOptionReportsTheOptionAndTheFormWithStatus2() {
        CliRunner mappings = CliRunner.run("mappings", "--plot", "a.png", "--range", "5:1");
        assertEquals(ExitCodes.BAD_INPUT, mappings.status());
        assertThat(mappings.err()).contains("Invalid value for option '--range'").contains("LO:HI").contains("'5:1'");
        CliRunner simulate = CliRunner.run("simulate", "fig4", "--out", "unused", "--range", "-10..10");
        assertEquals(ExitCodes.BAD_INPUT, simulate.status());
        assertThat(simulate.err()).contains("Invalid value for option '--range'").contains("LO:HI").contains("'-10..10'");
        CliRunner landscape = CliRunner.run("landscape", "--checkpoint", "unused", "--out", "unused",
                "--surface-range", "1:x");
        assertEquals(ExitCodes.BAD_INPUT, landscape.status());
        assertThat(landscape.err()).contains("Invalid value for option '--surface-range'").contains("LO:HI");
    }
}
