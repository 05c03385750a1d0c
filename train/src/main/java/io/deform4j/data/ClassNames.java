package io.deform4j.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Class-name lists: read from a text file (one name a line) or numbered. */
final class ClassNames {

    private ClassNames() {
    }

    /** {@code "0", "1", …, "n-1"}. */
    static List<String> numbered(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }

    /**
     * The non-blank lines of {@code file}, trimmed, if the file exists; otherwise numbers.
     *
     * @throws DataFormatException if the file holds a number of names other than {@code expected}
     */
    static List<String> readOrNumber(Path file, int expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            return numbered(expected);
        }
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                names.add(line.trim());
            }
        }
        if (names.size() != expected) {
            throw new DataFormatException(file, "expected " + expected + " class names, one a line, found "
                    + names.size());
        }
        return List.copyOf(names);
    }
}
