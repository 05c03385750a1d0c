package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxTest {

    @TempDir
    Path dir;

    private static InMemoryDataset small(int n) {
        byte[][] images = new byte[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = TestData.pattern(i, 6 * 5);
            labels[i] = i % 10;
        }
        return new InMemoryDataset(images, labels, TestData.tenNames(), 1, 6, 5);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void roundTripsGzipAndRawFolders(boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        Idx.write(small(12), dir.resolve("train-images-idx3-ubyte" + suffix), dir.resolve("train-labels-idx1-ubyte" + suffix),
                gzip);
        Idx.write(small(3), dir.resolve("t10k-images-idx3-ubyte" + suffix), dir.resolve("t10k-labels-idx1-ubyte" + suffix),
                gzip);
        DataSplits splits = Idx.readFolder(dir, TestData.tenNames());
        assertEquals(12, splits.train().size());
        assertEquals(3, splits.test().size());
        assertEquals(6, splits.train().height());
        assertEquals(5, splits.train().width());
        assertEquals(1, splits.train().channels());
        assertEquals(7, splits.train().label(7));
        assertArrayEquals(TestData.pattern(11, 30), splits.train().image(11));
    }

    @Test
    void gzipIsDetectedByMagicNotName() throws IOException {
        Path img = dir.resolve("images.raw");
        Path lab = dir.resolve("labels.raw");
        Idx.write(small(4), img, lab, true);
        assertEquals(4, Idx.read(img, lab, TestData.tenNames()).size());
    }

    @Test
    void badMagicIsNamed() throws IOException {
        Path img = dir.resolve("i");
        Path lab = dir.resolve("l");
        Idx.write(small(4), lab, img, false);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.read(img, lab, TestData.tenNames()));
        assertEquals("i: bad magic number 0x00000801, expected 0x00000803 (IDX images file)", e.getMessage());
    }

    @Test
    void countMismatchIsNamed() throws IOException {
        Path img = dir.resolve("imgs");
        Path lab = dir.resolve("labs");
        Idx.write(small(4), img, dir.resolve("unused"), false);
        Idx.write(small(3), dir.resolve("unused2"), lab, false);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.read(img, lab, TestData.tenNames()));
        assertEquals("imgs: 4 images but labs holds 3 labels", e.getMessage());
    }

    @Test
    void truncatedPixelsAreReported() throws IOException {
        Path img = dir.resolve("imgs");
        Path lab = dir.resolve("labs");
        Idx.write(small(4), img, lab, false);
        byte[] bytes = Files.readAllBytes(img);
        Files.write(img, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.read(img, lab, TestData.tenNames()));
        assertEquals("imgs: expected 4 images of 6x5 = 120 pixel bytes after the header, found 119", e.getMessage());
    }

    @Test
    void truncatedHeaderAndCorruptGzipAreReported() throws IOException {
        Path img = dir.resolve("imgs");
        Path lab = dir.resolve("labs");
        Idx.write(small(4), img, lab, false);
        Files.write(img, new byte[] {0, 0, 8, 3, 0, 0, 0});
        assertTrue(assertThrows(DataFormatException.class, () -> Idx.read(img, lab, TestData.tenNames())).getMessage()
                .startsWith("imgs: truncated: 7 bytes"));
        Files.write(img, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertTrue(assertThrows(DataFormatException.class, () -> Idx.read(img, lab, TestData.tenNames())).getMessage()
                .startsWith("imgs: corrupt gzip data"));
    }

    @Test
    void labelOutOfRangeNamesFileIndexAndValue() throws IOException {
        Path img = dir.resolve("imgs");
        Path lab = dir.resolve("labs");
        Idx.write(small(4), img, lab, false);
        byte[] labels = Files.readAllBytes(lab);
        labels[8 + 2] = 12;
        Files.write(lab, labels);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.read(img, lab, TestData.tenNames()));
        assertEquals("labs: label 2 is 12, expected 0..9", e.getMessage());
    }

    @Test
    void missingFolderAndFileAreNamed() throws IOException {
        Path missing = dir.resolve("fmnist");
        assertTrue(assertThrows(DataFormatException.class, () -> Idx.readFolder(missing, TestData.tenNames()))
                .getMessage().startsWith(missing + ": folder not found"));
        Files.createDirectories(missing);
        assertTrue(assertThrows(DataFormatException.class, () -> Idx.readFolder(missing, TestData.tenNames()))
                .getMessage().contains("train-images-idx3-ubyte: file not found"));
    }

    @Test
    void headerIsBigEndian() throws IOException {
        Path img = dir.resolve("imgs");
        Idx.write(small(2), img, dir.resolve("labs"), false);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(img));
        assertEquals(Idx.IMAGES_MAGIC, b.getInt());
        assertEquals(2, b.getInt());
        assertEquals(6, b.getInt());
        assertEquals(5, b.getInt());
    }
}
