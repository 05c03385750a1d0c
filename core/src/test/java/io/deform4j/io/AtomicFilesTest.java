package io.deform4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    /** The names in the test folder, sorted. */
    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "old");
        AtomicFiles.write(file, new byte[] {'n', 'e', 'w'});
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(names()).containsExactly("a.txt");
    }

    @Test
    void aWriterThatThrowsLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes());
            out.flush();
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(names()).containsExactly("a.txt");
    }

    @Test
    void aWriterThatClosesTheStreamStillGetsItsFile() throws IOException {
        Path file = dir.resolve("sub/b.bin");
        AtomicFiles.write(file, out -> {
            out.write(new byte[] {1, 2, 3}, 1, 2);
            out.close();
        });
        assertThat(Files.readAllBytes(file)).containsExactly(2, 3);
    }

    @Test
    void temporaryFilesAreRecognisedAndDeleted() throws IOException {
        Path leftover = dir.resolve(".checkpoint-0003.bin.123456.tmp");
        Files.writeString(leftover, "half");
        Files.writeString(dir.resolve("run.json"), "{}");
        Files.writeString(dir.resolve("notes.tmp"), "not ours: no leading dot");
        assertThat(AtomicFiles.isTemporary(leftover)).isTrue();
        assertThat(AtomicFiles.isTemporary(dir.resolve("run.json"))).isFalse();
        assertThat(AtomicFiles.isTemporary(dir.resolve("notes.tmp"))).isFalse();
        AtomicFiles.deleteTemporaryFiles(dir);
        assertThat(names()).containsExactly("notes.tmp", "run.json");
    }

    @Test
    void appendAddsToTheEndOfAnExistingFileOnly() throws IOException {
        Path file = dir.resolve("log.txt");
        assertThatThrownBy(() -> AtomicFiles.append(file, new byte[] {'x'})).isInstanceOf(NoSuchFileException.class);
        AtomicFiles.writeString(file, "a\n");
        AtomicFiles.append(file, "b\n".getBytes());
        assertThat(Files.readString(file)).isEqualTo("a\nb\n");
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoTemporaryFileAndSaysWhichFile() throws Exception {
        try (SmallFileSystem small = SmallFileSystem.mount(dir.resolve("small"), 256 * 1024)) {
            Path file = small.root().resolve("checkpoint-0001.bin");
            byte[] old = new byte[100 * 1024];
            Arrays.fill(old, (byte) 7);
            AtomicFiles.write(file, old);
            // the new version needs more than is left: a checkpoint written as the disk fills
            assertThatThrownBy(() -> AtomicFiles.write(file, new byte[200 * 1024]))
                    .isInstanceOf(FileSystemException.class)
                    .satisfies(e -> assertThat(FileErrors.describe((IOException) e))
                            .isEqualTo(file + ": no space left on device"));
            assertThat(Files.readAllBytes(file)).isEqualTo(old);
            try (Stream<Path> entries = Files.list(small.root())) {
                assertThat(entries).containsExactly(file);
            }
            Path log = small.root().resolve("log.txt");
            AtomicFiles.writeString(log, "a\n");
            small.fill();
            assertThatThrownBy(() -> AtomicFiles.append(log, new byte[8192]))
                    .satisfies(e -> assertThat(FileErrors.describe((IOException) e))
                            .isEqualTo(log + ": no space left on device"));
        }
    }
}
