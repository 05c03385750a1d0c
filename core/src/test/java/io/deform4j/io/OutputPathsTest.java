package io.deform4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputPaths}: every reason an output cannot be written, named with the option and the path. */
class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatExistsOrCanBeCreatedPassesAndNothingIsLeftBehind() throws IOException {
        OutputPaths.checkFolder("--out", dir);
        OutputPaths.checkFolder("--out", dir.resolve("new/deeper"));
        OutputPaths.checkFile("--out", dir.resolve("new/page.html"));
        assertThat(Files.exists(dir.resolve("new"))).as("the check creates nothing").isFalse();
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries).as("the probe is deleted").isEmpty();
        }
    }

    @Test
    void aFileWhereAFolderIsNeededIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "keep");
        assertThatThrownBy(() -> OutputPaths.checkFolder("--out", file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--out " + file + ": exists and is not a directory");
        assertThatThrownBy(() -> OutputPaths.checkFolder("--out", file.resolve("run")))
                .hasMessage("--out " + file.resolve("run") + " cannot be created: " + file
                        + " exists and is not a directory");
        assertThatThrownBy(() -> OutputPaths.checkFile("--plot", file.resolve("a/b.svg")))
                .hasMessage("--plot " + file.resolve("a/b.svg") + " cannot be created: " + file
                        + " exists and is not a directory");
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    @Test
    void aFolderWhereAFileIsNeededIsNamed() {
        assertThatThrownBy(() -> OutputPaths.checkFile("--out", dir))
                .hasMessage("--out " + dir + ": is a directory; give the file to write");
    }

    @Test
    void aReadOnlyFileSystemIsNamed() throws Exception {
        try (SmallFileSystem ro = SmallFileSystem.mountReadOnly(dir.resolve("ro"))) {
            assertThatThrownBy(() -> OutputPaths.checkFolder("--out", ro.root()))
                    .hasMessage("--out " + ro.root() + " cannot be written: read-only file system");
            assertThatThrownBy(() -> OutputPaths.checkFolder("--out", ro.root().resolve("run")))
                    .hasMessage("--out " + ro.root().resolve("run") + " cannot be created in " + ro.root()
                            + ": read-only file system");
        }
    }

    @Test
    void aFullDiskIsNamed() throws Exception {
        try (SmallFileSystem small = SmallFileSystem.mount(dir.resolve("small"), 64 * 1024)) {
            Path filler = small.fill();
            assertThatThrownBy(() -> OutputPaths.checkFolder("--out", small.root().resolve("run")))
                    .hasMessage("--out " + small.root().resolve("run") + " cannot be created in " + small.root()
                            + ": no space left on device");
            try (Stream<Path> entries = Files.list(small.root())) {
                assertThat(entries).as("no probe is left behind").containsExactly(filler);
            }
        }
    }
}
