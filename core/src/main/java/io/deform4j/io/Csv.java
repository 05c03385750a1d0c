package io.deform4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV configuration of the project (Jackson's CSV module). A file holds the rows of one
 * record class: a header line of the record's components in declaration order, in snake_case
 * ({@code trainLoss} → {@code train_loss}; {@code @JsonProperty} renames a column), then one
 * line per row, {@code \n}-terminated. Fields are quoted only when they must be (RFC 4180: a
 * comma, quote or line break inside; inner quotes doubled). Numbers are written with
 * {@link Double#toString}/{@link Integer#toString}, so a double reads back bit for bit; NaN and
 * infinities are written {@code NaN}, {@code Infinity}, {@code -Infinity}; a null (a boxed
 * component) is an empty field.
 *
 * <p>Whole files are replaced through {@link AtomicFiles}; {@link #append} adds one durable row.
 * Readers match columns by the header, ignore columns they do not know, and drop a last line
 * without its line break (what a crash during an append leaves).
 */
public final class Csv {

    /** Declaration order, snake_case, unknown columns ignored, rows with a missing column refused. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Csv() {
    }

    /**
     * Replaces {@code file} atomically with the header of {@code type} and {@code rows}, taken
     * one at a time (a lazy {@link Iterable} writes a large file without holding its rows).
     */
    public static <T> void write(Path file, Class<T> type, Iterable<? extends T> rows) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writer(schema(type)).writeValue(out, rows));
    }

    /** Writes the header of {@code type} and {@code rows} to {@code out} (standard output, for instance). */
    public static <T> void write(java.io.Writer out, Class<T> type, List<? extends T> rows) throws IOException {
        MAPPER.writer(schema(type)).writeValue(out, rows);
        out.flush();
    }

    /**
     * Replaces {@code file} atomically with a table whose columns are known only at run time:
     * the header {@code columns}, then each row's values in column order ({@code null} = empty).
     */
    public static void write(Path file, List<String> columns, List<? extends List<?>> rows) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writer(schema(columns)).writeValue(out, rows));
    }

    /**
     * Writes a table whose columns are known only at run time to {@code out} (standard output,
     * for instance): the header {@code columns}, then each row's values in column order
     * ({@code null} = empty).
     */
    public static void write(java.io.Writer out, List<String> columns, List<? extends List<?>> rows)
            throws IOException {
        MAPPER.writer(schema(columns)).writeValue(out, rows);
        out.flush();
    }

    /**
     * Appends {@code row} to {@code file} and forces it to disk. A file that does not exist yet,
     * or whose last line a crash cut short, is rewritten whole (atomically) with its complete
     * rows and {@code row}, so the new row never runs on from a cut one.
     */
    public static <T> void append(Path file, Class<T> type, T row) throws IOException {
        if (endsWithLineBreak(file)) {
            AtomicFiles.append(file, MAPPER.writer(schema(type).withoutHeader()).writeValueAsBytes(row));
            return;
        }
        List<T> rows = Files.exists(file) ? read(file, type) : new ArrayList<>();
        rows.add(row);
        write(file, type, rows);
    }

    /**
     * The rows of {@code file}, matched to the components of {@code type} by the header. A last
     * line without its line break (cut short by a crash) is dropped; an empty file has no rows.
     *
     * @throws IOException if the file cannot be read, or a complete line is not a row of {@code type}
     *     (the message names the file and line)
     */
    public static <T> List<T> read(Path file, Class<T> type) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        if (complete.isEmpty()) {
            return new ArrayList<>();
        }
        try (MappingIterator<T> rows = MAPPER.readerFor(type).with(CsvSchema.emptySchema().withHeader())
                .readValues(complete)) {
            return new ArrayList<>(rows.readAll());
        } catch (JsonProcessingException e) {
            throw new IOException(FileErrors.content(file, e), e);
        }
    }

    /** The schema of a table with the header {@code columns}. */
    private static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        return schema.build();
    }

    /** The schema of {@code type}: its components in declaration order, with a header. */
    private static CsvSchema schema(Class<?> type) {
        return MAPPER.schemaFor(type).withHeader();
    }

    private static boolean endsWithLineBreak(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            return size > 0 && channel.read(last, size - 1) == 1 && last.get(0) == '\n';
        }
    }
}
