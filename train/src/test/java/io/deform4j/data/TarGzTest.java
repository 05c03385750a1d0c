package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {

    @TempDir
    Path dir;

    private Path archive(Map<String, byte[]> entries) throws IOException {
        Path archive = dir.resolve("a.tar.gz");
        TestData.writeTarGz(archive, entries);
        return archive;
    }

    private static Map<String, byte[]> entries(String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(name, content);
        return entries;
    }

    @Test
    void extractsFilesAndFoldersExactly() throws IOException {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        String longName = "top/" + "x".repeat(120) + "/c.bin"; // > 100 characters: a pax path record
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("top/", null);
        entries.put("top/a.bin", bytes);
        entries.put("top/sub/b.txt", "hello".getBytes(StandardCharsets.UTF_8));
        entries.put("top/empty/", null);
        entries.put(longName, new byte[] {7});
        Path out = dir.resolve("out");
        TarGz.extract(archive(entries), out);
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("top/a.bin")));
        assertEquals("hello", Files.readString(out.resolve("top/sub/b.txt")));
        assertTrue(Files.isDirectory(out.resolve("top/empty")));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(out.resolve(longName)));
    }

    @Test
    void refusesParentEscape() throws IOException {
        Path out = dir.resolve("out");
        Path archive = archive(entries("top/../../evil.txt", new byte[] {1}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> TarGz.extract(archive, out));
        assertTrue(e.getMessage().startsWith("a.tar.gz: refusing entry 'top/../../evil.txt': it would land outside "
                + "the target folder " + out.toAbsolutePath()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void parentStepsThatStayInsideAreAllowed() throws IOException {
        Path out = dir.resolve("out");
        TarGz.extract(archive(entries("top/sub/../ok.txt", new byte[] {1})), out);
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(out.resolve("top/ok.txt")));
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        Path evil = dir.resolve("evil.txt").toAbsolutePath();
        Path archive = archive(entries(evil.toString(), new byte[] {1}));
        DataFormatException e = assertThrows(DataFormatException.class, () -> TarGz.extract(archive, dir.resolve("out")));
        assertTrue(e.getMessage().startsWith("a.tar.gz: refusing entry '" + evil + "': it would land outside"),
                e.getMessage());
        assertFalse(Files.exists(evil));
    }

    @Test
    void refusesSymbolicAndHardLinks() throws IOException {
        for (byte type : new byte[] {TarConstants.LF_SYMLINK, TarConstants.LF_LINK}) {
            Path archive = dir.resolve("links.tar.gz");
            try (TarArchiveOutputStream tar = TestData.tarGz(archive)) {
                TarArchiveEntry link = new TarArchiveEntry("link", type);
                link.setLinkName("/etc/passwd");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            Path out = dir.resolve("out" + type);
            DataFormatException e = assertThrows(DataFormatException.class, () -> TarGz.extract(archive, out));
            assertEquals("links.tar.gz: refusing link entry 'link' -> '/etc/passwd' (only files and folders are "
                    + "extracted)", e.getMessage());
            assertFalse(Files.exists(out.resolve("link")));
        }
    }

    @Test
    void corruptHeaderIsReported() throws IOException {
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("x");
            entry.setSize(1);
            tar.putArchiveEntry(entry);
            tar.write(1);
            tar.closeArchiveEntry();
        }
        byte[] bytes = tarBytes.toByteArray();
        bytes[0] = 'y'; // the name changes, the stored header checksum does not
        Path archive = dir.resolve("bad.tar.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(bytes);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> TarGz.extract(archive, dir.resolve("o")));
        assertTrue(e.getMessage().startsWith("bad.tar.gz: corrupt tar archive: "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("o/y")));
    }
}
