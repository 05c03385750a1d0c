package io.deform4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The check, before any work starts, that a command can write where it was told to: every
 * {@code --out} (a folder, or a file such as {@code report --out page.html}) and every other
 * file a command writes ({@code mappings --plot}). A bad output is the user's input, so the
 * check throws an {@link IllegalArgumentException} (exit status 2) that names the option, the
 * path and the reason: not a directory, permission denied, read-only file system, no space left
 * on device.
 *
 * <p>Nothing is created: the nearest folder that exists on the way to the path must be a folder
 * in which a small file can be created, written, forced to disk and deleted. That probe is what
 * the commands' own writes will do ({@link AtomicFiles}), so it fails for the same reasons: file
 * permissions, a read-only mount, a full disk (a probe of {@value #PROBE_BYTES} bytes needs a
 * block), where reading the permission bits would miss the last two and be wrong for root. The
 * probe is named like a temporary file of {@link AtomicFiles}, so that if the process dies
 * between creating and deleting it, it is recognised as a leftover.
 */
public final class OutputPaths {

    /** Bytes written by the probe: one block of any common file system. */
    static final int PROBE_BYTES = 4096;

    private OutputPaths() {
    }

    /**
     * Checks that the folder {@code dir} (given as {@code option}, e.g. {@code --out}) exists as a
     * writable folder or can be created.
     *
     * @throws IllegalArgumentException naming the option, the path and why it cannot be written
     */
    public static void checkFolder(String option, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + dir + ": exists and is not a directory");
        }
        probe(option, dir, absolute);
    }

    /**
     * Checks that the file {@code file} (given as {@code option}) can be written: it is not a
     * folder, and its folder exists and is writable or can be created.
     *
     * @throws IllegalArgumentException naming the option, the path and why it cannot be written
     */
    public static void checkFile(String option, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory; give the file to write");
        }
        Path folder = absolute.getParent();
        if (folder == null) {
            throw new IllegalArgumentException(option + " " + file + ": not a file name");
        }
        probe(option, file, folder);
    }

    /** Probes the nearest existing folder on the way to {@code target} ({@code path} as given). */
    private static void probe(String option, Path path, Path target) {
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException(option + " " + path + ": no folder on its way exists");
        }
        String where = existing.equals(target) ? "" : " in " + existing;
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + path + " cannot be created: " + existing
                    + " exists and is not a directory");
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(existing, ".deform4j-write-check.", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocate(PROBE_BYTES);
                while (block.hasRemaining()) {
                    channel.write(block);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            // a folder in which a new file does not exist once made: a virtual file system (/proc, /sys)
            String reason = e instanceof NoSuchFileException ? "the file system there takes no new files ("
                    + FileErrors.reason(e) + ")" : FileErrors.reason(e);
            throw new IllegalArgumentException(option + " " + path + " cannot be " + (where.isEmpty() ? "written"
                    : "created") + where + ": " + reason, e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // a leftover probe is named as a temporary file; deleteTemporaryFiles removes it
                }
            }
        }
    }
}
