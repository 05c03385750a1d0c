package io.deform4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an I/O error means, in words: the one place that turns the JDK's exceptions into
 * {@code PATH: what went wrong}. The JDK's message of most file-system errors is the bare path
 * ({@code /x/y} for "not a directory"), and that of an error while writing an open file
 * ({@code No space left on device}) has no path at all; {@link #withPath} gives the latter one.
 */
public final class FileErrors {

    /** What each file-system error means, for those the JDK reports with the bare path. */
    private static final Map<Class<? extends FileSystemException>, String> REASONS = Map.of(
            NoSuchFileException.class, "no such file or directory",
            NotDirectoryException.class, "not a directory",
            AccessDeniedException.class, "permission denied",
            FileAlreadyExistsException.class, "already exists",
            DirectoryNotEmptyException.class, "directory not empty",
            NotLinkException.class, "not a symbolic link",
            FileSystemLoopException.class, "file system loop (a link cycle)");

    private FileErrors() {
    }

    /**
     * {@code PATH: what went wrong} for a file-system error; the message of any other I/O error
     * (its type where it has none).
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String paths = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
            return paths + ": " + reason(e);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * What went wrong, without the path: the system's error text in lower case ({@code no space
     * left on device}, {@code read-only file system}) where the JDK gives one, else what the
     * exception's type says.
     */
    public static String reason(IOException e) {
        if (!(e instanceof FileSystemException f)) {
            return e.getMessage() != null ? lowerFirst(e.getMessage()) : e.getClass().getSimpleName();
        }
        if (f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        // Files.createDirectories throws FileAlreadyExistsException where a file stands in a folder's place
        if (f instanceof FileAlreadyExistsException && f.getFile() != null && Files.isRegularFile(Path.of(f.getFile()))) {
            return "exists and is not a directory";
        }
        return REASONS.getOrDefault(f.getClass(), "file system error (" + f.getClass().getSimpleName() + ")");
    }

    /**
     * {@code e} with {@code file} named, where it names no file: what writing to an open channel
     * throws ({@code IOException: No space left on device}) becomes a {@link FileSystemException}
     * of {@code file} with that reason; an exception that names a file already is returned as it is.
     */
    public static IOException withPath(IOException e, Path file) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(file.toString(), null,
                e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        named.initCause(e);
        return named;
    }

    /**
     * {@code FILE: what is wrong (key K, line N)}, one line, for a JSON, YAML or CSV file whose
     * content does not read: a value of the wrong type, a file cut short. The message of a value
     * that a record's constructor refused ({@link IllegalArgumentException}) is that message.
     */
    public static String content(Path file, JsonProcessingException e) {
        return file + ": " + problem(e);
    }

    /** What is wrong with a file's content, as {@link #content} says it, without the file. */
    public static String problem(JsonProcessingException e) {
        String what = null;
        for (Throwable t = e; t != null && what == null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException bad && bad.getMessage() != null) {
                what = bad.getMessage();
            }
        }
        if (what == null) {
            what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        }
        what = what.lines().findFirst().orElse("");
        StringBuilder where = new StringBuilder();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where.append("key '").append(m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[")).append("'");
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where.append(where.length() > 0 ? ", " : "").append("line ").append(e.getLocation().getLineNr());
        }
        return what + (where.length() > 0 ? " (" + where + ")" : "");
    }

    private static String lowerFirst(String text) {
        if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text; // an acronym (EIO) or empty: as it is
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
