package io.deform4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one JSON configuration of the project. Every JSON file deform4j writes ({@code run.json},
 * {@code summary.json}, {@code hessian.json}, …) uses snake_case keys, is indented, carries a
 * top-level {@value #FORMAT_VERSION_KEY} field and is replaced atomically ({@link #write});
 * readers ignore keys they do not know, so files written by a newer version still read. JSON
 * printed to standard output ({@code --format json}) uses the same {@link #MAPPER}; it is a bare
 * array of rows, a view like the aligned table, so it carries no format version.
 */
public final class Json {

    /** The key of the format version in every JSON file the project writes. */
    public static final String FORMAT_VERSION_KEY = "format_version";
    /** The current format version of the project's JSON files. */
    public static final int FORMAT_VERSION = 1;

    /** snake_case keys, indented output, unknown keys ignored on reading. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /**
     * Reads {@code file} as a {@code type}.
     *
     * @throws IOException if it cannot be read or is not a {@code type}: one line that names the
     *     file, what is wrong, the key and the line ({@link FileErrors#content})
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new IOException(FileErrors.content(file, e), e);
        }
    }

    /**
     * Writes {@code value} as a JSON object to {@code file}, atomically ({@link AtomicFiles}), with
     * {@value #FORMAT_VERSION_KEY} as its first key and a final newline.
     *
     * @param value a record, map or tree that serialises to a JSON object
     * @throws IllegalArgumentException if {@code value} serialises to something else (an array, a number, …)
     */
    public static void write(Path file, Object value) throws IOException {
        JsonNode content = MAPPER.valueToTree(value);
        if (!(content instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a JSON file of deform4j holds an object, got " + content.getNodeType()
                    + " from " + value.getClass().getName());
        }
        ObjectNode root = MAPPER.createObjectNode().put(FORMAT_VERSION_KEY, FORMAT_VERSION);
        root.setAll(object);
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(root) + "\n");
    }
}
