package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

    @TempDir
    Path dir;

    @Test
    void unknownNameSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSources.open("cifar1O", dir));
        assertEquals("unknown data set 'cifar1O'; did you mean 'cifar10'? Known: cifar10, cifar100, fashion-mnist, "
                + "mnist, folder, imagenet, sample", e.getMessage());
        assertTrue(DataSources.unknown("fashon").contains("did you mean 'fashion-mnist'"));
    }

    @Test
    void namesIgnoreCaseAndDashes() {
        assertEquals("cifar10", DataSources.canonical("CIFAR-10"));
        assertEquals("fashion-mnist", DataSources.canonical("Fashion_MNIST"));
    }

    @Test
    void builtInSampleIsBalancedWithPaperPreprocessing() throws IOException {
        DataSplits s = DataSources.open("sample", (Path) null);
        assertEquals(BuiltInSample.TRAIN_SIZE, s.train().size());
        assertEquals(BuiltInSample.TEST_SIZE, s.test().size());
        assertEquals(28, s.train().height());
        assertEquals(1, s.train().channels());
        assertEquals("Ankle boot", s.train().classNames().get(9));
        int[] counts = new int[10];
        for (int i = 0; i < s.train().size(); i++) {
            counts[s.train().label(i)]++;
        }
        for (int c : counts) {
            assertEquals(200, c);
        }
        assertEquals(Normalization.FASHION_MNIST, s.preprocessing().normalization());
    }

    @Test
    void cifarFromADataDirGetsCifarPreprocessing() throws IOException {
        TestData.writeCifar10(dir, 2);
        DataSplits s = DataSources.open("cifar10", DataOptions.defaults().withDataDir(dir).withDownload(false));
        assertEquals(10, s.train().size());
        assertEquals(Preprocessing.cifar(Normalization.CIFAR10), s.preprocessing());
        DataSplits limited = s.limit(5, 0, 1);
        assertEquals(5, limited.train().size());
        assertEquals(2, limited.test().size());
    }

    @Test
    void missingDataWithoutDownloadNamesTheFolder() {
        Path missing = dir.resolve("cifar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSources.open("cifar100", DataOptions.defaults().withDataDir(missing).withDownload(false)));
        assertTrue(e.getMessage().startsWith(missing + ": folder not found"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DataSources.open("folder", (Path) null))
                .getMessage().contains("needs a data folder"));
    }

    @Test
    void fashionMnistFromADataDir() throws IOException {
        InMemoryDataset tiny = TestData.indexed(20, 10, 1, 28, 28);
        Idx.write(tiny, dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), true);
        Idx.write(tiny, dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"), false);
        DataSplits s = DataSources.open("fashion-mnist", dir);
        assertEquals(20, s.test().size());
        assertEquals("T-shirt/top", s.train().classNames().get(0));
    }
}
