package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {

    @TempDir
    Path dir;

    private Path archive(Map<String, byte[]> entries, Map<String, Character> types) throws IOException {
        Path archive = dir.resolve("a.tar.gz");
        TestData.writeTarGz(archive, entries, types);
        return archive;
    }

    @Test
    void extractsFilesAndFolders() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("top/", null);
        entries.put("top/a.bin", new byte[1000]);
        entries.put("top/sub/b.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        TarGz.extract(archive(entries, Map.of()), out);
        assertArrayEquals(new byte[1000], Files.readAllBytes(out.resolve("top/a.bin")));
        assertTrue(Files.readString(out.resolve("top/sub/b.txt")).equals("hello"));
    }

    @Test
    void refusesParentEscape() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("top/../../evil.txt", new byte[] {1});
        Path out = dir.resolve("out");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TarGz.extract(archive(entries, Map.of()), out));
        assertTrue(e.getMessage().startsWith("a.tar.gz: refusing entry 'top/../../evil.txt'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("/tmp/evil.txt", new byte[] {1});
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TarGz.extract(archive(entries, Map.of()), dir.resolve("out")));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void refusesLinks() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("link", new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TarGz.extract(archive(entries, Map.of("link", '2')), dir.resolve("out")));
        assertTrue(e.getMessage().contains("refusing link entry 'link'"), e.getMessage());
    }

    @Test
    void corruptHeaderIsReported() throws IOException {
        Path archive = dir.resolve("bad.tar.gz");
        byte[] header = TestData.tarHeader("x", 0, '0');
        header[0] = 'y';
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(header);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> TarGz.extract(archive, dir.resolve("o")));
        assertTrue(e.getMessage().startsWith("bad.tar.gz: corrupt tar header"), e.getMessage());
    }
}
