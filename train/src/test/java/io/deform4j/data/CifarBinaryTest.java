package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {

    @TempDir
    Path dir;

    @Test
    void readsCifar10FromTheFolderWithNumberedClasses() throws IOException {
        TestData.writeCifar10(dir, 4);
        DataSplits splits = CifarBinary.read(CifarBinary.Variant.CIFAR10, dir);
        assertEquals(20, splits.train().size());
        assertEquals(4, splits.test().size());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), splits.train().classNames());
        assertEquals(3, splits.train().channels());
        assertEquals(32, splits.train().height());
        // file 2, record 3: label (3 + 2) % 10, pixels pattern(2003)
        assertEquals(5, splits.train().label(4 + 3));
        assertArrayEquals(TestData.pattern(2003, 3072), splits.train().image(4 + 3));
    }

    @Test
    void readsFromTheArchiveSubfolderWithClassNames() throws IOException {
        Path sub = dir.resolve("cifar-10-batches-bin");
        TestData.writeCifar10(sub, 2);
        Files.writeString(sub.resolve("batches.meta.txt"),
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
        DataSplits splits = CifarBinary.read(CifarBinary.Variant.CIFAR10, dir);
        assertEquals("truck", splits.train().classNames().get(9));
        assertEquals(10, splits.test().size() * 5);
    }

    @Test
    void readsCifar100FineLabels() throws IOException {
        int[] labels = {0, 99, 42};
        TestData.writeCifar(dir.resolve("train.bin"), CifarBinary.Variant.CIFAR100, labels, 0);
        TestData.writeCifar(dir.resolve("test.bin"), CifarBinary.Variant.CIFAR100, new int[] {7}, 50);
        DataSplits splits = CifarBinary.read(CifarBinary.Variant.CIFAR100, dir);
        assertEquals(100, splits.classes());
        assertEquals(99, splits.train().label(1));
        assertEquals(42, splits.train().label(2));
        assertArrayEquals(TestData.pattern(2, 3072), splits.train().image(2));
        assertArrayEquals(TestData.pattern(50, 3072), splits.test().image(0));
    }

    @Test
    void truncatedFileNamesFileAndRecordSize() throws IOException {
        TestData.writeCifar10(dir, 3);
        Path third = dir.resolve("data_batch_3.bin");
        byte[] bytes = Files.readAllBytes(third);
        Files.write(third, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarBinary.read(CifarBinary.Variant.CIFAR10, dir));
        assertEquals("data_batch_3.bin: truncated: 9209 bytes is not a multiple of the 3073-byte record", e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesFileRecordAndValue() throws IOException {
        TestData.writeCifar10(dir, 3);
        TestData.writeCifar(dir.resolve("test_batch.bin"), CifarBinary.Variant.CIFAR10, new int[] {1, 10, 2}, 0);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarBinary.read(CifarBinary.Variant.CIFAR10, dir));
        assertEquals("test_batch.bin: record 1 has label 10, expected 0..9", e.getMessage());
    }

    @Test
    void missingFolderNamesThePath() {
        Path missing = dir.resolve("nowhere");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CifarBinary.read(CifarBinary.Variant.CIFAR100, missing));
        assertTrue(e.getMessage().startsWith(missing + ": folder not found"), e.getMessage());
        assertTrue(e.getMessage().contains("train.bin"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        TestData.writeCifar10(dir, 1);
        Files.delete(dir.resolve("data_batch_4.bin"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CifarBinary.read(CifarBinary.Variant.CIFAR10, dir));
        assertTrue(e.getMessage().contains("missing CIFAR10 files data_batch_4.bin"), e.getMessage());
    }

    @Test
    void wrongNumberOfClassNamesIsReported() throws IOException {
        TestData.writeCifar10(dir, 1);
        Files.writeString(dir.resolve("batches.meta.txt"), "cat\ndog\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CifarBinary.read(CifarBinary.Variant.CIFAR10, dir));
        assertEquals("batches.meta.txt: expected 10 class names, one a line, found 2", e.getMessage());
    }
}
