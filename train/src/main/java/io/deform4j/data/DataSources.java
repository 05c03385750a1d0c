package io.deform4j.data;

import io.deform4j.naming.Suggestions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a data set by name, with the preprocessing the paper uses for it.
 *
 * <table>
 * <caption>Data sets</caption>
 * <tr><th>name</th><th>source</th><th>preprocessing</th></tr>
 * <tr><td>{@code cifar10}</td><td>official binary files; downloaded when missing</td>
 *     <td>{@link Preprocessing#cifar} with {@link Normalization#CIFAR10}</td></tr>
 * <tr><td>{@code cifar100}</td><td>official binary files (fine labels); downloaded when missing</td>
 *     <td>{@link Preprocessing#cifar} with {@link Normalization#CIFAR100}</td></tr>
 * <tr><td>{@code fashion-mnist}</td><td>IDX files, default {@value DataOptions#FASHION_MNIST_DIR}</td>
 *     <td>{@link Normalization#FASHION_MNIST}, no augmentation</td></tr>
 * <tr><td>{@code mnist}</td><td>IDX files in the data folder</td><td>{@link Normalization#MNIST}</td></tr>
 * <tr><td>{@code folder}</td><td>{@link ImageFolder} at the data folder</td><td>by image size</td></tr>
 * <tr><td>{@code imagenet}</td><td>{@link ImageNet} at the data folder, decoded per batch</td>
 *     <td>{@link ImageNet#preprocessing()}: RandomResizedCrop(224) + flip; Resize(256) + CenterCrop(224)</td></tr>
 * <tr><td>{@code sample}</td><td>{@link BuiltInSample}, on the classpath</td>
 *     <td>{@link Normalization#FASHION_MNIST}, no augmentation</td></tr>
 * </table>
 *
 * <p>Names are matched ignoring case, {@code -} and {@code _} ({@code CIFAR-10} works). For
 * CIFAR, files are looked for in the data folder if one is given (and downloaded there when
 * missing), else in the cache home; downloads happen only when files are missing and
 * {@link DataOptions#download()} allows them.
 */
public final class DataSources {

    /** The names {@link #open} knows. */
    public static final List<String> NAMES = List.of("cifar10", "cifar100", "fashion-mnist", "mnist", "folder", "imagenet",
            "sample");

    /** Fashion-MNIST's classes, index = label. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private DataSources() {
    }

    /** Opens {@code name} from {@code dataDir} ({@code null}: the default place) with default options. */
    public static DataSplits open(String name, Path dataDir) throws IOException {
        return open(name, DataOptions.defaults().withDataDir(dataDir));
    }

    /**
     * Opens the data set {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message suggests the closest one),
     *                                  a missing folder or a malformed file
     * @throws IOException              if reading or downloading fails
     */
    public static DataSplits open(String name, DataOptions options) throws IOException {
        String canonical = canonical(name);
        return switch (canonical) {
            case "cifar10" -> cifar(CifarBinary.Variant.CIFAR10, options).withPreprocessing(
                    Preprocessing.cifar(Normalization.CIFAR10));
            case "cifar100" -> cifar(CifarBinary.Variant.CIFAR100, options).withPreprocessing(
                    Preprocessing.cifar(Normalization.CIFAR100));
            case "fashion-mnist" -> fashionMnist(options);
            case "mnist" -> Idx.readFolder(dir(options, options.cacheHome().resolve("mnist")), ClassNames.numbered(10))
                    .withPreprocessing(Preprocessing.normalizeOnly(Normalization.MNIST));
            case "folder" -> {
                if (options.dataDir() == null) {
                    throw new IllegalArgumentException("data set 'folder' needs a data folder "
                            + "(ROOT with train/<class>/*.jpg and test/<class>/*.jpg)");
                }
                yield ImageFolder.open(options.dataDir(), ImageFolder.AUTO_SIZE);
            }
            case "imagenet" -> {
                if (options.dataDir() == null) {
                    throw new IllegalArgumentException("data set 'imagenet' needs a data folder "
                            + "(ROOT with train/<wnid>/*.JPEG and val/<wnid>/*.JPEG or val/*.JPEG with "
                            + ImageNet.LABELS_FILE + ")");
                }
                yield ImageNet.open(options.dataDir());
            }
            case "sample" -> BuiltInSample.load();
            default -> throw new IllegalArgumentException(unknown(name));
        };
    }

    private static DataSplits fashionMnist(DataOptions options) throws IOException {
        Path dir = dir(options, Path.of(DataOptions.FASHION_MNIST_DIR));
        if (options.dataDir() == null && !java.nio.file.Files.isDirectory(dir)) {
            throw new DataFormatException(dir + ": folder not found; install Fashion-MNIST with "
                    + "'apt-get install dataset-fashion-mnist', give its folder, or use the built-in 'sample'");
        }
        return Idx.readFolder(dir, FASHION_MNIST_CLASSES)
                .withPreprocessing(Preprocessing.normalizeOnly(Normalization.FASHION_MNIST));
    }

    private static DataSplits cifar(CifarBinary.Variant variant, DataOptions options) throws IOException {
        Path dir = dir(options, options.cacheHome());
        if (CifarBinary.locate(variant, dir) == null && options.download()) {
            URI archive = options.archiveBase().resolve(variant.archiveName());
            new Downloader(options.progress()).fetchAndExtract(archive, variant.archiveMd5(), dir);
        }
        return CifarBinary.read(variant, dir);
    }

    private static Path dir(DataOptions options, Path fallback) {
        return options.dataDir() != null ? options.dataDir() : fallback;
    }

    /** The known name {@code name} stands for, or {@code name} lower-cased if none. */
    static String canonical(String name) {
        String key = Suggestions.key(name);
        return NAMES.stream().filter(n -> Suggestions.key(n).equals(key)).findFirst().orElse(name.toLowerCase(Locale.ROOT));
    }

    static String unknown(String name) {
        return Suggestions.unknown("data set", name, NAMES).getMessage();
    }
}
