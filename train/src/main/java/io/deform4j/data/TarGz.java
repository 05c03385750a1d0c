package io.deform4j.data;

import io.deform4j.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A small extractor of {@code .tar.gz} archives (POSIX ustar with GNU long names and pax path
 * records), enough for the CIFAR archives. It refuses entries whose path would land outside the
 * target folder (absolute paths, {@code ..}) and link entries, so an archive cannot write
 * elsewhere.
 */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /**
     * Extracts {@code archive} into {@code target} (created if needed).
     *
     * @throws DataFormatException if an entry escapes {@code target}, is a link, or a header is corrupt
     */
    static void extract(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        String name = archive.getFileName().toString();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                if (!readBlock(in, header)) {
                    return;
                }
                if (isZero(header)) {
                    return;
                }
                verifyChecksum(header, name);
                char type = (char) header[156];
                long size = octal(header, 124, 12, name);
                String entry = longName != null ? longName : entryName(header);
                longName = null;
                switch (type) {
                    case 'L' -> longName = trimNul(new String(readData(in, size, name), StandardCharsets.UTF_8));
                    case 'x' -> longName = paxPath(readData(in, size, name));
                    case 'g' -> skip(in, size, name);
                    case '5' -> Files.createDirectories(resolve(root, entry, name));
                    case '0', '\0', '7' -> {
                        AtomicFiles.write(resolve(root, entry, name), out -> copy(in, out, size, name));
                        skip(in, padding(size), name);
                    }
                    case '1', '2' -> throw new DataFormatException(name + ": refusing link entry '" + entry
                            + "' (only files and folders are extracted)");
                    default -> skip(in, size + padding(size), name);
                }
            }
        }
    }

    /** The path of {@code entry} under {@code root}, refusing anything that escapes it. */
    static Path resolve(Path root, String entry, String archive) {
        if (entry.isEmpty() || entry.startsWith("/") || entry.startsWith("\\") || entry.matches("^[A-Za-z]:.*")) {
            throw new DataFormatException(archive + ": refusing entry '" + entry
                    + "': absolute or empty path, expected a path inside the target folder");
        }
        for (String part : entry.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new DataFormatException(archive + ": refusing entry '" + entry
                        + "': '..' would escape the target folder " + root);
            }
        }
        Path resolved = root.resolve(entry).normalize();
        if (!resolved.startsWith(root)) {
            throw new DataFormatException(archive + ": refusing entry '" + entry + "': it escapes the target folder "
                    + root);
        }
        return resolved;
    }

    private static String entryName(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar") ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            String kv = space < 0 ? record : record.substring(space + 1);
            if (kv.startsWith("path=")) {
                return kv.substring(5);
            }
        }
        return null;
    }

    private static void verifyChecksum(byte[] header, String name) {
        long stored = octal(header, 148, 8, name);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
        }
        if (sum != stored) {
            throw new DataFormatException(name + ": corrupt tar header (checksum " + stored + ", computed " + sum + ")");
        }
    }

    private static long octal(byte[] header, int offset, int length, String name) {
        String text = field(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new DataFormatException(name + ": corrupt tar header: '" + text + "' is not an octal number");
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        return n == BLOCK;
    }

    private static byte[] readData(InputStream in, long size, String name) throws IOException {
        if (size > 1 << 20) {
            throw new DataFormatException(name + ": tar header record of " + size + " bytes is implausibly large");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new DataFormatException(name + ": truncated tar archive");
        }
        skip(in, padding(size), name);
        return data;
    }

    private static void copy(InputStream in, OutputStream out, long size, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new DataFormatException(name + ": truncated tar archive");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long count, String name) throws IOException {
        long left = count;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new DataFormatException(name + ": truncated tar archive");
                }
                n = 1;
            }
            left -= n;
        }
    }
}
