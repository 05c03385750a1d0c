package io.deform4j.data;

import io.deform4j.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Downloads an archive once, checks its MD5 and extracts it ({@link TarGz}). The download is
 * written through {@link AtomicFiles} and renamed into place only once its checksum matches, so
 * a broken download never looks complete; a file already present with the right checksum is not fetched again.
 * Any {@link URI} that {@link URI#toURL()} can open works, {@code file:} included (tests use it).
 */
public final class Downloader {

    private final boolean progress;

    /**
     * @param progress whether to draw a progress bar on standard error
     */
    public Downloader(boolean progress) {
        this.progress = progress;
    }

    /**
     * Makes sure {@code file} holds the content of {@code uri} with MD5 {@code md5}.
     *
     * @return {@code file}
     * @throws IOException if the download fails or the checksum does not match
     */
    public Path fetch(URI uri, String md5, Path file) throws IOException {
        if (Files.isRegularFile(file) && md5(file).equalsIgnoreCase(md5)) {
            return file;
        }
        URLConnection connection = uri.toURL().openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        long length = connection.getContentLengthLong();
        AtomicFiles.write(file, out -> {
            MessageDigest digest = newMd5();
            try (InputStream raw = connection.getInputStream();
                    InputStream in = new DigestInputStream(progress ? wrap(raw, uri, length) : raw, digest)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new IOException("download of " + uri + " failed: " + e.getMessage(), e);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(md5)) {
                throw new IOException(file.getFileName() + ": MD5 mismatch: expected " + md5.toLowerCase(Locale.ROOT)
                        + ", downloaded " + actual + " from " + uri);
            }
        });
        return file;
    }

    /**
     * Fetches the archive into {@code folder} and extracts it there; the archive is deleted
     * afterwards. Entries are extracted into a temporary folder first and moved in place only
     * when all of them are out.
     */
    public void fetchAndExtract(URI uri, String md5, Path folder) throws IOException {
        String name = Path.of(uri.getPath()).getFileName().toString();
        Path archive = fetch(uri, md5, folder.resolve(name));
        Path staging = Files.createTempDirectory(folder, ".extract-");
        try {
            TarGz.extract(archive, staging);
            try (var children = Files.list(staging)) {
                for (Path child : children.toList()) {
                    Path dest = folder.resolve(child.getFileName().toString());
                    if (Files.exists(dest)) {
                        deleteTree(dest);
                    }
                    Files.move(child, dest, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            deleteTree(staging);
        }
        Files.deleteIfExists(archive);
    }

    /** The MD5 of a file, lower-case hex. */
    public static String md5(Path file) throws IOException {
        MessageDigest digest = newMd5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream wrap(InputStream raw, URI uri, long length) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("download " + Path.of(uri.getPath()).getFileName())
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit("MiB", 1 << 20)
                .setUpdateIntervalMillis(500)
                .showSpeed();
        if (length > 0) {
            builder.setInitialMax(length);
        }
        return ProgressBar.wrap(raw, builder);
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
