package io.deform4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {

    @Test
    void fileSystemErrorsSayWhatWentWrongWithWhichPath() {
        // the JDK's messages of these are the bare path
        assertEquals("/x/y", new NotDirectoryException("/x/y").getMessage());
        assertEquals("/x/y: not a directory", FileErrors.describe(new NotDirectoryException("/x/y")));
        assertEquals("/x/y: permission denied", FileErrors.describe(new AccessDeniedException("/x/y")));
        assertEquals("/x/y: no such file or directory", FileErrors.describe(new NoSuchFileException("/x/y")));
        assertEquals("/a -> /b: no such file or directory", FileErrors.describe(new NoSuchFileException("/a", "/b", null)));
        assertEquals("/x: file system error (FileSystemException)", FileErrors.describe(new FileSystemException("/x")));
        assertEquals("disk full", FileErrors.describe(new IOException("disk full")));
        assertEquals("EOFException", FileErrors.describe(new EOFException()));
    }

    @Test
    void theSystemsReasonsReadInLowerCaseAcronymsAsTheyAre() {
        assertEquals("/x: read-only file system", FileErrors.describe(new FileSystemException("/x", null,
                "Read-only file system")));
        assertEquals("no space left on device", FileErrors.reason(new IOException("No space left on device")));
        assertEquals("EIO", FileErrors.reason(new FileSystemException("/x", null, "EIO")));
    }

    @Test
    void anExistingFileWhereAFolderIsWantedIsNamedSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertEquals(file + ": exists and is not a directory",
                FileErrors.describe(new FileAlreadyExistsException(file.toString())));
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertEquals(folder + ": already exists", FileErrors.describe(new FileAlreadyExistsException(folder.toString())));
    }

    @Test
    void anErrorWithoutAPathGetsTheFileItWasWriting() {
        IOException full = new IOException("No space left on device");
        IOException named = FileErrors.withPath(full, Path.of("/d/run.json"));
        assertEquals("/d/run.json: no space left on device", FileErrors.describe(named));
        assertSame(full, named.getCause());
        IOException denied = new AccessDeniedException("/other");
        assertSame(denied, FileErrors.withPath(denied, Path.of("/d/run.json")), "a path it has already is kept");
    }
}
