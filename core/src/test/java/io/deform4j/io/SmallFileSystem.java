package io.deform4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A size-limited (or read-only) tmpfs mounted on a folder for one test, to see what the code does
 * when a disk fills or refuses writes: {@code mount -t tmpfs -o size=BYTES tmpfs DIR}. Mounting
 * needs root. Outside CI a test run by another user is skipped, with a message saying so; in CI
 * (the environment variable {@code CI} set), where the tests run as root, it fails instead, so
 * that these tests can never be skipped there unnoticed.
 */
public final class SmallFileSystem implements AutoCloseable {

    private final Path root;

    private SmallFileSystem(Path root) {
        this.root = root;
    }

    /** A tmpfs of {@code bytes} bytes (rounded up to whole pages by the kernel) on the new folder {@code dir}. */
    public static SmallFileSystem mount(Path dir, long bytes) throws IOException, InterruptedException {
        return mount(dir, "size=" + bytes);
    }

    /** A read-only tmpfs on the new folder {@code dir}. */
    public static SmallFileSystem mountReadOnly(Path dir) throws IOException, InterruptedException {
        return mount(dir, "ro,size=65536");
    }

    private static SmallFileSystem mount(Path dir, String options) throws IOException, InterruptedException {
        requireRoot();
        Files.createDirectories(dir);
        Result mounted = command("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        if (mounted.status() != 0) {
            unavailable("mount -t tmpfs failed (" + mounted.output().strip() + ")");
        }
        return new SmallFileSystem(dir);
    }

    /** The mounted folder. */
    public Path root() {
        return root;
    }

    /** Changes the size of the file system, e.g. to make room for a run to go on. */
    public void resize(long bytes) throws IOException, InterruptedException {
        Result r = command("mount", "-o", "remount,size=" + bytes, root.toString());
        assertEquals(0, r.status(), r.output());
    }

    /** Fills the file system with a file of zeros, {@code filler}, until a write fails for want of space; returns it. */
    public Path fill() throws IOException {
        Path filler = root.resolve("filler");
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            while (true) {
                block.clear();
                channel.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        return filler;
    }

    /** Bytes in use. */
    public long used() throws IOException {
        var store = Files.getFileStore(root);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result r = command("umount", root.toString());
        assertEquals(0, r.status(), "umount " + root + ": " + r.output());
    }

    private static void requireRoot() throws IOException, InterruptedException {
        Result id = command("id", "-u");
        if (id.status() != 0 || !id.output().strip().equals("0")) {
            unavailable("mounting a small tmpfs needs root (uid " + id.output().strip() + ")");
        }
    }

    private static void unavailable(String why) {
        if (System.getenv("CI") != null) {
            fail(why + "; CI must run this test (as root), not skip it");
        }
        Assumptions.abort(why + "; skipped outside CI (run the tests as root to include it)");
    }

    private record Result(int status, String output) {
    }

    private static Result command(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not end within 30 s");
        }
        return new Result(p.exitValue(), output);
    }
}
