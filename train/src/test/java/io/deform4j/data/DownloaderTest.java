package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from {@code file:} URIs only: tests never touch the network. */
class DownloaderTest {

    @TempDir
    Path dir;

    @Test
    void md5OfKnownContent() throws IOException {
        Path f = dir.resolve("abc");
        Files.writeString(f, "abc");
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Downloader.md5(f));
    }

    @Test
    void fetchVerifiesTheChecksum() throws IOException {
        Path source = dir.resolve("source.bin");
        Files.writeString(source, "abc");
        Path target = dir.resolve("cache/copy.bin");
        Downloader downloader = new Downloader(false);
        downloader.fetch(source.toUri(), "900150983CD24FB0D6963F7D28E17F72", target);
        assertEquals("abc", Files.readString(target));

        Path other = dir.resolve("cache/other.bin");
        IOException e = assertThrows(IOException.class,
                () -> downloader.fetch(source.toUri(), "00000000000000000000000000000000", other));
        assertTrue(e.getMessage().startsWith("other.bin: MD5 mismatch: expected 00000000000000000000000000000000, "
                + "downloaded 900150983cd24fb0d6963f7d28e17f72"), e.getMessage());
        assertFalse(Files.exists(other));
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of("copy.bin"), files.map(p -> p.getFileName().toString()).toList(),
                    "no partial download is left");
        }
    }

    @Test
    void fetchAndExtractACifarArchiveThenRead() throws IOException {
        Path staging = dir.resolve("staging");
        TestData.writeCifar10(staging, 2);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", null);
        for (String f : CifarBinary.Variant.CIFAR10.files()) {
            entries.put("cifar-10-batches-bin/" + f, Files.readAllBytes(staging.resolve(f)));
        }
        Path server = dir.resolve("server");
        Files.createDirectories(server);
        Path archive = server.resolve("cifar-10-binary.tar.gz");
        TestData.writeTarGz(archive, entries);
        Path cache = dir.resolve("cache");
        new Downloader(false).fetchAndExtract(archive.toUri(), Downloader.md5(archive), cache);
        assertFalse(Files.exists(cache.resolve("cifar-10-binary.tar.gz")), "archive removed after extraction");
        DataSplits splits = CifarBinary.read(CifarBinary.Variant.CIFAR10, cache);
        assertEquals(10, splits.train().size());
    }

    @Test
    void dataSourcesDownloadsOnlyWhenMissingAndChecksTheOfficialMd5() throws IOException {
        Path server = dir.resolve("server");
        Files.createDirectories(server);
        Files.writeString(server.resolve("cifar-10-binary.tar.gz"), "not the real archive");
        DataOptions options = DataOptions.defaults().withCacheHome(dir.resolve("home")).withProgress(false)
                .withArchiveBase(server.toUri());
        IOException e = assertThrows(IOException.class, () -> DataSources.open("cifar10", options));
        assertTrue(e.getMessage().contains("MD5 mismatch: expected c32a1d4ab5d03f1284b67883e8d87530"), e.getMessage());

        TestData.writeCifar10(dir.resolve("home"), 1);
        assertEquals(5, DataSources.open("cifar10", options).train().size(), "present files: no download");
    }
}
