package io.deform4j.train;

import io.deform4j.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Checkpoint files in a run directory, written so that a crash at any moment leaves the last
 * complete one usable.
 *
 * <p>Epoch {@code k} goes to {@code checkpoint-k.bin} (k zero-padded to 4 digits), written through
 * {@link AtomicFiles} (temporary file, {@code fsync}, atomic rename, directory forced). The file
 * ends with its length and a CRC-32 of everything before; {@link #latest} takes the newest file
 * that is complete and intact, so a truncated or damaged checkpoint is passed over, and a
 * temporary file is never taken for a checkpoint. The last {@value #KEEP}
 * checkpoints are kept.
 */
public final class Checkpoints {

    /** How many checkpoints a run directory keeps. */
    public static final int KEEP = 2;

    private static final long MAGIC = 0x44344a434b505431L; // "D4JCKPT1"
    private static final int VERSION = 1;
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.bin");

    private Checkpoints() {
    }

    /** The file of epoch {@code epoch}. */
    public static Path file(Path dir, int epoch) {
        return dir.resolve(String.format("checkpoint-%04d.bin", epoch));
    }

    /** Writes {@code checkpoint} atomically and durably, then deletes all but the newest {@value #KEEP}. */
    public static Path write(Path dir, Checkpoint checkpoint) throws IOException {
        Path target = file(dir, checkpoint.epoch());
        AtomicFiles.write(target, encode(checkpoint));
        List<Path> all = list(dir);
        for (int i = KEEP; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
        return target;
    }

    /** The newest complete, intact checkpoint in {@code dir}, if any; damaged files are skipped. */
    public static Optional<Checkpoint> latest(Path dir) throws IOException {
        for (Path file : list(dir)) {
            Optional<Checkpoint> checkpoint = read(file);
            if (checkpoint.isPresent()) {
                return checkpoint;
            }
        }
        return Optional.empty();
    }

    /** The checkpoint in {@code file}, or empty if it is truncated, corrupted or not a checkpoint. */
    public static Optional<Checkpoint> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 12) {
            return Optional.empty();
        }
        ByteBuffer tail = ByteBuffer.wrap(bytes, bytes.length - 12, 12);
        long length = tail.getLong();
        int crc = tail.getInt();
        if (length != bytes.length - 12) {
            return Optional.empty();
        }
        CRC32 check = new CRC32();
        check.update(bytes, 0, bytes.length - 12);
        if ((int) check.getValue() != crc) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 12))) {
            if (in.readLong() != MAGIC || in.readInt() != VERSION) {
                return Optional.empty();
            }
            int epoch = in.readInt();
            long seed = in.readLong();
            long steps = in.readLong();
            double best = in.readDouble();
            int bestEpoch = in.readInt();
            byte[] model = new byte[in.readInt()];
            in.readFully(model);
            byte[] optimizer = new byte[in.readInt()];
            in.readFully(optimizer);
            return Optional.of(new Checkpoint(epoch, seed, steps, best, bestEpoch, model, optimizer));
        }
    }

    /** Checkpoint files in {@code dir}, newest epoch first. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort(Comparator.comparingInt(Checkpoints::epochOf).reversed());
        return files;
    }

    private static int epochOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static byte[] encode(Checkpoint c) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(c.model().length + c.optimizer().length + 128);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(c.epoch());
            out.writeLong(c.seed());
            out.writeLong(c.steps());
            out.writeDouble(c.bestAccuracy());
            out.writeInt(c.bestEpoch());
            out.writeInt(c.model().length);
            out.write(c.model());
            out.writeInt(c.optimizer().length);
            out.write(c.optimizer());
            out.flush();
            int length = buffer.size();
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeLong(length);
            out.writeInt((int) crc.getValue());
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
