package io.deform4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    /** Components in an order that is not alphabetical, a renamed one, and an optional one. */
    record Row(String name, int step, double trainLoss, @JsonProperty("acc") double accuracy, Double lr) {
    }

    @TempDir
    Path dir;

    @Test
    void doublesRoundTripBitForBit() throws IOException {
        List<Row> rows = List.of(
                new Row("a", 0, 0.1 + 0.2, Math.nextUp(1.0), 1e-300),
                new Row("b", 1, Double.MIN_VALUE, -0.0, Double.MAX_VALUE),
                new Row("c", 2, Double.NaN, Double.POSITIVE_INFINITY, null),
                new Row("d", 3, Math.PI, Double.NEGATIVE_INFINITY, Math.ulp(1e15)));
        Path file = dir.resolve("rows.csv");
        Csv.write(file, Row.class, rows);
        List<Row> back = Csv.read(file, Row.class);
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row a = rows.get(i);
            Row b = back.get(i);
            assertThat(Double.doubleToRawLongBits(b.trainLoss())).isEqualTo(Double.doubleToRawLongBits(a.trainLoss()));
            assertThat(Double.doubleToRawLongBits(b.accuracy())).isEqualTo(Double.doubleToRawLongBits(a.accuracy()));
            assertThat(b.lr()).isEqualTo(a.lr());
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.step()).isEqualTo(a.step());
        }
    }

    @Test
    void headerIsSnakeCaseInDeclarationOrderAndNumbersAreDoubleToString() throws IOException {
        Path file = dir.resolve("rows.csv");
        Csv.write(file, Row.class, List.of(new Row("x", 7, 0.5, 1e-7, null)));
        assertThat(Files.readString(file)).isEqualTo("name,step,train_loss,acc,lr\nx,7,0.5,1.0E-7,\n");
    }

    @Test
    void noRowsIsJustTheHeader() throws IOException {
        Path file = dir.resolve("empty.csv");
        Csv.write(file, Row.class, List.of());
        assertThat(Files.readString(file)).isEqualTo("name,step,train_loss,acc,lr\n");
        assertThat(Csv.read(file, Row.class)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180() throws IOException {
        Path file = dir.resolve("names.csv");
        List<Row> rows = List.of(new Row("AP(18/pi,1,2,1)", 0, 1, 1, null), new Row("say \"hi\"", 1, 1, 1, null),
                new Row("two\nlines", 2, 1, 1, null), new Row("plain", 3, 1, 1, null));
        Csv.write(file, Row.class, rows);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(1)).isEqualTo("\"AP(18/pi,1,2,1)\",0,1.0,1.0,");
        assertThat(lines.get(2)).isEqualTo("\"say \"\"hi\"\"\",1,1.0,1.0,");
        assertThat(lines.get(5)).isEqualTo("plain,3,1.0,1.0,");
        assertThat(Csv.read(file, Row.class)).containsExactlyElementsOf(rows);
    }

    @Test
    void aLastLineCutShortIsDroppedAndTheNextAppendRepairsTheFile() throws IOException {
        Path file = dir.resolve("log.csv");
        Row first = new Row("a", 1, 0.25, 0.5, 0.1);
        Row second = new Row("a", 2, 0.125, 0.75, 0.1);
        Csv.append(file, Row.class, first);
        Csv.append(file, Row.class, second);
        assertThat(Csv.read(file, Row.class)).containsExactly(first, second);
        // A crash in the middle of the third append: the line has all its commas but not its end.
        String whole = Files.readString(file);
        Files.writeString(file, whole + "a,3,0.0625,0.8");
        assertThat(Csv.read(file, Row.class)).containsExactly(first, second);
        Files.writeString(file, whole + "a,3,0.0625,0.875,0.1");
        assertThat(Csv.read(file, Row.class)).as("a complete-looking line without its break is still cut")
                .containsExactly(first, second);
        Row third = new Row("a", 3, 0.0625, 0.875, 0.1);
        Csv.append(file, Row.class, third);
        assertThat(Files.readString(file)).isEqualTo(whole + "a,3,0.0625,0.875,0.1\n");
        assertThat(Csv.read(file, Row.class)).containsExactly(first, second, third);
    }

    @Test
    void aCutHeaderIsAnEmptyFile() throws IOException {
        Path file = dir.resolve("cut.csv");
        Files.writeString(file, "name,st");
        assertThat(Csv.read(file, Row.class)).isEmpty();
    }

    @Test
    void columnsAreMatchedByNameAndUnknownOnesIgnored() throws IOException {
        Path file = dir.resolve("newer.csv");
        Files.writeString(file, "step,name,future,acc,train_loss,lr\n4,z,whatever,0.5,2.5,\n");
        assertThat(Csv.read(file, Row.class)).containsExactly(new Row("z", 4, 2.5, 0.5, null));
    }

    @Test
    void aDamagedCompleteLineIsAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "name,step,train_loss,acc,lr\na,1,0.5\nb,2,0.5,0.5,\n");
        assertThatThrownBy(() -> Csv.read(file, Row.class)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
        Files.writeString(file, "name,step,train_loss,acc,lr\na,1,0.5,zero,\n");
        assertThatThrownBy(() -> Csv.read(file, Row.class)).isInstanceOf(IOException.class)
                .hasMessageContaining("zero");
        Files.writeString(file, "name,step,train_loss,acc,lr\na,1,,0.5,\n");
        assertThatThrownBy(() -> Csv.read(file, Row.class)).as("an empty field in a primitive column")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aTableWithRunTimeColumns() throws IOException {
        Path file = dir.resolve("table.csv");
        List<List<Double>> rows = new ArrayList<>();
        rows.add(Arrays.asList(0.5, null, 2.0));
        rows.add(Arrays.asList(1.0, 3.0, null));
        Csv.write(file, List.of("l", "LE(1,0.99)", "x"), rows);
        assertThat(Files.readString(file)).isEqualTo("l,\"LE(1,0.99)\",x\n0.5,,2.0\n1.0,3.0,\n");
    }

    @Test
    void writingToAStreamLeavesItOpen() throws IOException {
        StringWriter out = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("standard output must stay open");
            }
        };
        Csv.write(out, Row.class, List.of(new Row("x", 1, 2, 3, 4.0)));
        assertThat(out.toString()).isEqualTo("name,step,train_loss,acc,lr\nx,1,2.0,3.0,4.0\n");
    }
}
