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
 * <p>Names: the end of epoch {@code k} goes to {@code checkpoint-k.bin} (k zero-padded to 4
 * digits); an interruption ({@code StopSignals}) after step {@code s} of epoch {@code k} (both
 * 1-based) to {@code checkpoint-k-step-s.bin} (s zero-padded to 6 digits), which a listing shows
 * before {@code checkpoint-k.bin}, as it comes before it in time. Each is written through
 * {@link AtomicFiles} (temporary file, {@code fsync}, atomic rename, directory forced). The file
 * ends with its length and a CRC-32 of everything before; {@link #latest} takes the newest file
 * that is complete and intact, so a truncated or damaged checkpoint is passed over, and a
 * temporary file is never taken for a checkpoint.
 *
 * <p>Retention: the newest {@value #KEEP} end-of-epoch checkpoints are kept. A mid-epoch
 * checkpoint does not count towards them and is deleted as soon as a later checkpoint of either
 * kind is written: there is at most one, only while it is the newest, and the end-of-epoch
 * checkpoint before it always stays as a fall-back.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): magic {@code D4JCKPT1}, version, epoch, seed,
 * steps, best accuracy, best epoch, since version 2 the {@link Checkpoint.EpochSoFar} (step, loss,
 * deformed loss, correct, examples, train seconds), then the model's and the optimizer's bytes, each
 * after its length. A version-1 file (before mid-epoch checkpoints) reads as an end-of-epoch one.
 */
public final class Checkpoints {

    /** How many end-of-epoch checkpoints a run directory keeps. */
    public static final int KEEP = 2;

    private static final long MAGIC = 0x44344a434b505431L; // "D4JCKPT1"
    /** The format written; {@link #read} reads this one and version 1. */
    static final int VERSION = 2;
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)(?:-step-(\\d+))?\\.bin");

    private Checkpoints() {
    }

    /** The file of the end of epoch {@code epoch} (1-based). */
    public static Path file(Path dir, int epoch) {
        return file(dir, epoch, 0);
    }

    /**
     * The file of the position {@code step} batches into the epoch after {@code epochs} completed
     * ones: {@link #file(Path, int)} of {@code epochs} when {@code step} is 0.
     */
    public static Path file(Path dir, int epochs, int step) {
        return dir.resolve(step == 0 ? String.format("checkpoint-%04d.bin", epochs)
                : String.format("checkpoint-%04d-step-%06d.bin", epochs + 1, step));
    }

    /**
     * Writes {@code checkpoint} atomically and durably, then deletes what the retention policy
     * (above) no longer keeps.
     */
    public static Path write(Path dir, Checkpoint checkpoint) throws IOException {
        Path target = file(dir, checkpoint.epoch(), checkpoint.soFar().step());
        AtomicFiles.write(target, encode(checkpoint));
        long written = position(target);
        int ends = 0;
        for (Path file : list(dir)) {
            boolean stale = isInsideEpoch(file) ? position(file) < written : ++ends > KEEP;
            if (stale) {
                Files.deleteIfExists(file);
            }
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
            if (in.readLong() != MAGIC) {
                return Optional.empty();
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                return Optional.empty();
            }
            int epoch = in.readInt();
            long seed = in.readLong();
            long steps = in.readLong();
            double best = in.readDouble();
            int bestEpoch = in.readInt();
            Checkpoint.EpochSoFar soFar = version == 1 ? Checkpoint.EpochSoFar.NONE
                    : new Checkpoint.EpochSoFar(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                            in.readInt(), in.readDouble());
            byte[] model = new byte[in.readInt()];
            in.readFully(model);
            byte[] optimizer = new byte[in.readInt()];
            in.readFully(optimizer);
            return Optional.of(new Checkpoint(epoch, seed, steps, best, bestEpoch, soFar, model, optimizer));
        }
    }

    /** Checkpoint files in {@code dir}, newest position first. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort(Comparator.comparingLong(Checkpoints::position).reversed());
        return files;
    }

    /** The place of a checkpoint file's position in the run: (epochs completed, step) as one number. */
    private static long position(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not named as a checkpoint (" + NAME.pattern() + ")");
        }
        long epoch = Long.parseLong(m.group(1));
        return m.group(2) == null ? epoch << 32 : ((epoch - 1) << 32) | Long.parseLong(m.group(2));
    }

    private static boolean isInsideEpoch(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() && m.group(2) != null;
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
            Checkpoint.EpochSoFar soFar = c.soFar();
            out.writeInt(soFar.step());
            out.writeDouble(soFar.loss());
            out.writeDouble(soFar.deformedLoss());
            out.writeDouble(soFar.correct());
            out.writeInt(soFar.examples());
            out.writeDouble(soFar.trainSeconds());
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
