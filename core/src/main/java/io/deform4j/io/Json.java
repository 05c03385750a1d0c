package io.deform4j.io;

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
 * top-level {@value #FORMAT_VERSION_KEY} field and is replaced atomically; readers ignore keys
 * they do not know, so files written by a newer version still read.
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
     * Writes {@code value} as JSON to {@code file}, atomically ({@link AtomicFiles}), with a final
     * newline; an object gets {@value #FORMAT_VERSION_KEY} as its first field.
     */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(versioned(value)) + "\n");
    }

    /** {@code value} as a JSON tree; an object with {@value #FORMAT_VERSION_KEY} as its first field. */
    public static JsonNode versioned(Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        if (!tree.isObject()) {
            return tree;
        }
        ObjectNode object = MAPPER.createObjectNode().put(FORMAT_VERSION_KEY, FORMAT_VERSION);
        tree.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(FORMAT_VERSION_KEY)) {
                object.set(field.getKey(), field.getValue());
            }
        });
        return object;
    }
}
