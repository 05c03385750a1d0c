package io.deform4j.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link DataSources#open} looks for data and whether it may download.
 *
 * @param dataDir     the folder holding the data set, or {@code null} for the data set's default
 *                    ({@link #cacheHome} for CIFAR, {@value #FASHION_MNIST_DIR} for Fashion-MNIST)
 * @param cacheHome   where downloads go when {@code dataDir} is {@code null}; default
 *                    {@code $DEFORM4J_DATA_HOME}, else {@code ~/.deform4j/datasets}
 * @param download    whether missing CIFAR files may be downloaded; default {@code true}
 * @param archiveBase base URI of the CIFAR archives; default {@value #OFFICIAL_ARCHIVE_BASE}
 * @param progress    whether downloads draw a progress bar on standard error; default {@code true}
 */
public record DataOptions(Path dataDir, Path cacheHome, boolean download, URI archiveBase, boolean progress) {

    /** Environment variable that overrides the default {@link #cacheHome}. */
    public static final String DATA_HOME_ENV = "DEFORM4J_DATA_HOME";
    /** Where the official CIFAR archives are. */
    public static final String OFFICIAL_ARCHIVE_BASE = "https://www.cs.toronto.edu/~kriz/";
    /** Where the Debian package {@code dataset-fashion-mnist} installs Fashion-MNIST. */
    public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

    public DataOptions {
        Objects.requireNonNull(cacheHome, "cacheHome");
        Objects.requireNonNull(archiveBase, "archiveBase");
    }

    /** Defaults: no data folder, cache home from the environment, downloads allowed, progress bars. */
    public static DataOptions defaults() {
        return new DataOptions(null, defaultCacheHome(), true, URI.create(OFFICIAL_ARCHIVE_BASE), true);
    }

    /** {@code $DEFORM4J_DATA_HOME} if set, else {@code ~/.deform4j/datasets}. */
    public static Path defaultCacheHome() {
        String env = System.getenv(DATA_HOME_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".deform4j", "datasets");
    }

    public DataOptions withDataDir(Path dir) {
        return new DataOptions(dir, cacheHome, download, archiveBase, progress);
    }

    public DataOptions withCacheHome(Path dir) {
        return new DataOptions(dataDir, dir, download, archiveBase, progress);
    }

    public DataOptions withDownload(boolean allowed) {
        return new DataOptions(dataDir, cacheHome, allowed, archiveBase, progress);
    }

    public DataOptions withArchiveBase(URI base) {
        return new DataOptions(dataDir, cacheHome, download, base, progress);
    }

    public DataOptions withProgress(boolean show) {
        return new DataOptions(dataDir, cacheHome, download, archiveBase, show);
    }
}
