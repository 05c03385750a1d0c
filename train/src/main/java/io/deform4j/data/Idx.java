package io.deform4j.data;

import io.deform4j.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reader and writer of the IDX format of MNIST and Fashion-MNIST
 * (<a href="http://yann.lecun.com/exdb/mnist/">yann.lecun.com/exdb/mnist</a>).
 *
 * <p>An images file starts with the magic number {@code 0x00000803} (unsigned bytes, 3
 * dimensions), then the big-endian 32-bit count, rows and columns, then the pixels; a labels file
 * with {@code 0x00000801}, the count, then one byte per label. Files may be gzip-compressed; that
 * is detected from the gzip magic {@code 0x1f8b}, not from the name. A folder holds
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte}, each optionally with a {@code .gz} suffix.
 */
public final class Idx {

    /** Magic number of an unsigned-byte, 3-dimensional (images) file. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional (labels) file. */
    public static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    /**
     * Reads the training ({@code train-*}) and test ({@code t10k-*}) sets from {@code dir}.
     *
     * @param names class names, index = label
     * @throws DataFormatException if the folder or a file is missing or malformed
     */
    public static DataSplits readFolder(Path dir, List<String> names) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + ": folder not found (expected IDX files train-images-idx3-ubyte[.gz], "
                    + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])");
        }
        ImageDataset train = read(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"), names);
        ImageDataset test = read(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"), names);
        return new DataSplits(train, test);
    }

    /** {@code dir/stem} or {@code dir/stem.gz}, whichever exists. */
    static Path find(Path dir, String stem) {
        for (String name : List.of(stem, stem + ".gz")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DataFormatException(dir.resolve(stem) + ": file not found (nor " + stem + ".gz) in " + dir);
    }

    /** Reads an images file and its labels file. */
    public static InMemoryDataset read(Path images, Path labels, List<String> names) throws IOException {
        return read(Files.readAllBytes(images), fileName(images), Files.readAllBytes(labels), fileName(labels), names);
    }

    /** Reads images and labels from streams; the names are used in error messages. */
    public static InMemoryDataset read(InputStream images, String imagesName, InputStream labels, String labelsName,
            List<String> names) throws IOException {
        return read(images.readAllBytes(), imagesName, labels.readAllBytes(), labelsName, names);
    }

    private static InMemoryDataset read(byte[] imageBytes, String imagesName, byte[] labelBytes, String labelsName,
            List<String> names) throws IOException {
        ByteBuffer img = ByteBuffer.wrap(decompress(imageBytes, imagesName));
        ByteBuffer lab = ByteBuffer.wrap(decompress(labelBytes, labelsName));
        header(img, imagesName, IMAGES_MAGIC, 16);
        header(lab, labelsName, LABELS_MAGIC, 8);
        int count = img.getInt();
        int rows = img.getInt();
        int cols = img.getInt();
        int labelCount = lab.getInt();
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new DataFormatException(imagesName + ": bad dimensions " + count + "x" + rows + "x" + cols);
        }
        if (count != labelCount) {
            throw new DataFormatException(imagesName + ": " + count + " images but " + labelsName + " holds "
                    + labelCount + " labels");
        }
        long pixels = (long) rows * cols;
        if (img.remaining() != count * pixels) {
            throw new DataFormatException(imagesName + ": expected " + count + " images of " + rows + "x" + cols
                    + " = " + count * pixels + " pixel bytes after the header, found " + img.remaining());
        }
        if (lab.remaining() != count) {
            throw new DataFormatException(labelsName + ": expected " + count + " label bytes after the header, found "
                    + lab.remaining());
        }
        byte[][] images = new byte[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            images[i] = new byte[(int) pixels];
            img.get(images[i]);
            labels[i] = lab.get() & 0xFF;
            if (labels[i] >= names.size()) {
                throw new DataFormatException(labelsName + ": label " + i + " is " + labels[i] + ", expected 0.."
                        + (names.size() - 1));
            }
        }
        return new InMemoryDataset(images, labels, names, 1, rows, cols);
    }

    private static void header(ByteBuffer buffer, String name, int magic, int headerBytes) {
        if (buffer.remaining() < 4) {
            throw new DataFormatException(name + ": truncated: " + buffer.remaining()
                    + " bytes, an IDX header needs " + headerBytes);
        }
        int found = buffer.getInt();
        if (found != magic) {
            throw new DataFormatException(name + ": bad magic number 0x" + String.format("%08x", found)
                    + ", expected 0x" + String.format("%08x", magic)
                    + (magic == IMAGES_MAGIC ? " (IDX images file)" : " (IDX labels file)"));
        }
        if (buffer.remaining() < headerBytes - 4) {
            throw new DataFormatException(name + ": truncated: " + (buffer.remaining() + 4)
                    + " bytes, an IDX header needs " + headerBytes);
        }
    }

    /** The bytes, gunzipped if they start with the gzip magic {@code 0x1f8b}. */
    static byte[] decompress(byte[] bytes, String name) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1f || (bytes[1] & 0xFF) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataFormatException(name + ": corrupt gzip data: " + e.getMessage());
        }
    }

    /**
     * Writes a single-channel data set as an images and a labels IDX file, gzip-compressed if
     * {@code gzip}.
     */
    public static void write(ImageDataset data, Path images, Path labels, boolean gzip) throws IOException {
        if (data.channels() != 1) {
            throw new IllegalArgumentException("IDX holds single-channel images, got " + data.channels() + " channels");
        }
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(img)) {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(data.size());
            out.writeInt(data.height());
            out.writeInt(data.width());
            for (int i = 0; i < data.size(); i++) {
                out.write(data.image(i));
            }
        }
        ByteArrayOutputStream lab = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(lab)) {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(data.size());
            for (int i = 0; i < data.size(); i++) {
                out.writeByte(data.label(i));
            }
        }
        writeBytes(images, img.toByteArray(), gzip);
        writeBytes(labels, lab.toByteArray(), gzip);
    }

    private static void writeBytes(Path file, byte[] bytes, boolean gzip) throws IOException {
        AtomicFiles.write(file, out -> {
            try (OutputStream content = gzip ? new GZIPOutputStream(out) : out) {
                content.write(bytes);
            }
        });
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
