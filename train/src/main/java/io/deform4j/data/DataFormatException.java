package io.deform4j.data;

import java.nio.file.Path;

/**
 * A data file or folder that is missing or not in the expected format. The message names the
 * file and says what was expected, e.g. {@code "data_batch_3.bin: truncated: 30730000 bytes is
 * not a multiple of the 3073-byte record"}. An {@link IllegalArgumentException}, so the command
 * line reports it as bad input.
 */
public class DataFormatException extends IllegalArgumentException {

    public DataFormatException(String message) {
        super(message);
    }

    /** A problem with {@code file}; the message starts with the file's name. */
    public DataFormatException(Path file, String problem) {
        super(name(file) + ": " + problem);
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
