package io.deform4j.data;

import io.deform4j.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts {@code .tar.gz} archives (the CIFAR downloads) with Apache Commons Compress, which
 * reads every tar dialect (ustar, GNU long names, pax headers); each header's checksum is checked.
 * Only regular files and folders are written, and only inside the target folder: an entry whose
 * path would land outside it (absolute, or climbing out with {@code ..}) and any link entry
 * (symbolic or hard, which could point anywhere) stop the extraction with a
 * {@link DataFormatException} naming the archive and the entry. Other entry types (devices,
 * FIFOs) are skipped.
 */
final class TarGz {

    private TarGz() {
    }

    /**
     * Extracts {@code archive} into {@code target} (created if needed); existing files are replaced.
     *
     * @throws DataFormatException if an entry escapes {@code target}, is a link, or a header is corrupt
     * @throws IOException         if reading the archive or writing a file fails
     */
    static void extract(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        String name = archive.getFileName().toString();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16)))) {
            for (TarArchiveEntry entry = next(tar, name); entry != null; entry = next(tar, name)) {
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new DataFormatException(name + ": refusing link entry '" + entry.getName() + "' -> '"
                            + entry.getLinkName() + "' (only files and folders are extracted)");
                }
                Path path = inside(root, entry, name);
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isFile()) {
                    try {
                        AtomicFiles.write(path, out -> tar.transferTo(out));
                    } catch (IOException e) {
                        throw new IOException(name + ": cannot extract '" + entry.getName() + "': " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /**
     * The next entry, or null at the end. A header Commons Compress cannot parse, or one whose
     * checksum does not match (Commons Compress reports it but reads on), is a corrupt archive.
     */
    private static TarArchiveEntry next(TarArchiveInputStream tar, String name) {
        TarArchiveEntry entry;
        try {
            entry = tar.getNextEntry();
        } catch (IOException e) {
            throw new DataFormatException(name + ": corrupt tar archive: " + e.getMessage());
        }
        if (entry != null && !entry.isCheckSumOK()) {
            throw new DataFormatException(name + ": corrupt tar archive: the header checksum of entry '"
                    + entry.getName() + "' does not match");
        }
        return entry;
    }

    /** Where {@code entry} goes under {@code root}; refuses a path that would land outside it. */
    private static Path inside(Path root, TarArchiveEntry entry, String name) {
        try {
            return entry.resolveIn(root);
        } catch (IOException e) {
            throw new DataFormatException(name + ": refusing entry '" + entry.getName()
                    + "': it would land outside the target folder " + root);
        }
    }
}
