package io.deform4j.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one way deform4j writes a file. A reader, or a process killed half-way, sees either the old
 * content or the new one, never a mix: the content goes to a temporary file in the same folder,
 * is forced to disk ({@code fsync}), is renamed over the target in one atomic step, and the
 * folder is forced too, so that the rename itself survives a power cut.
 *
 * <p>A temporary file is named {@code .NAME.RANDOM.tmp} beside its target {@code NAME}: a crash
 * between creating it and the rename leaves such a file behind, which {@link #isTemporary}
 * recognises and {@link #deleteTemporaryFiles} removes; no reader takes it for the target.
 *
 * <p>The one exception is {@link #append}, for a log that grows one durable line at a time
 * ({@code metrics.csv}): appending cannot be atomic, so a crash may cut its last line short,
 * and readers drop a last line without its line break ({@link Csv#read}).
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; may throw, which leaves the old file as it was. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMPORARY_PREFIX = ".";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} atomically and durably with what {@code writer} writes; creates
     * parent folders. If the writer throws, the target is left as it was and no temporary file
     * remains. The writer may close the stream it is given (encoders often do); the file is
     * forced and renamed afterwards all the same.
     *
     * @throws IOException if the file cannot be written; one that the system reports without a path
     *     (a full disk: {@code No space left on device}) names {@code target} ({@link FileErrors#withPath})
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, TEMPORARY_PREFIX + absolute.getFileName() + ".",
                TEMPORARY_SUFFIX);
        try {
            readableByAll(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(new Named(Channels.newOutputStream(channel), absolute),
                        BUFFER_BYTES);
                writer.writeTo(new KeepOpen(out));
                out.flush();
                try {
                    channel.force(true);
                } catch (IOException e) {
                    throw FileErrors.withPath(e, absolute);
                }
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Replaces {@code target} atomically and durably with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} atomically and durably with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends {@code bytes} to the existing file {@code target} and forces them to disk before
     * returning. Not atomic: a crash during the call may leave a prefix of {@code bytes} at the
     * end of the file.
     *
     * @throws java.nio.file.NoSuchFileException if {@code target} does not exist (create it with {@link #write})
     */
    public static void append(Path target, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw FileErrors.withPath(e, target);
        }
    }

    /** Whether {@code file} is named like a temporary file of {@link #write} (what a crash leaves behind). */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX);
    }

    /**
     * Deletes the temporary files a crash left in {@code folder} (not in its subfolders). Only
     * for a folder that no other process is writing to at the same time.
     */
    public static void deleteTemporaryFiles(Path folder) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(folder)) {
            leftovers = entries.filter(p -> isTemporary(p) && Files.isRegularFile(p)).toList();
        }
        for (Path p : leftovers) {
            Files.deleteIfExists(p);
        }
    }

    /** Temporary files are created owner-only; the result should be an ordinary file (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Makes a rename in {@code folder} durable, where the file system allows it. */
    private static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (and Windows) cannot open a folder for fsync; the rename is still atomic.
        }
    }

    /**
     * The file's stream, whose errors name the target: writing to an open channel fails with the
     * bare system message ({@code No space left on device}). The writer's own exceptions pass it by.
     */
    private static final class Named extends FilterOutputStream {

        private final Path target;

        Named(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw FileErrors.withPath(e, target);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw FileErrors.withPath(e, target);
            }
        }
    }

    /** The writer's view of the stream: closing it only flushes, so the file can still be forced. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
