package io.deform4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reader of ImageNet (ILSVRC-2012 classification) as it is commonly unpacked, with torchvision's
 * preprocessing.
 *
 * <p>Layout under {@code ROOT}:
 * <ul>
 * <li>{@code train/<wnid>/*.JPEG}: the classes are the training folders in sorted order
 *     ({@code n01440764} is label 0), as torchvision's {@code ImageFolder};</li>
 * <li>the validation set either in class folders, {@code val/<wnid>/*.JPEG}, or flat,
 *     {@code val/*.JPEG}, with the labels in {@value #LABELS_FILE} in {@code ROOT} or
 *     {@code ROOT/val} (Kaggle's form: a header {@code ImageId,PredictionString}, then one line
 *     per image, {@code ILSVRC2012_val_00000001,n01751748 …}, the wnid being the first word of
 *     the prediction string). Every flat image must have a line whose wnid is a training class;
 *     lines for images that are not there are ignored. Both layouts give the same data set: the
 *     examples ordered by class, then by file name.</li>
 * </ul>
 * Extensions {@code .jpeg}, {@code .jpg}, {@code .png} in any case; the format is read from the
 * file's bytes ({@link ImageDecoder}: ImageNet's CMYK and greyscale JPEGs and its PNG named
 * {@code .JPEG} become RGB).
 *
 * <p>Files are decoded per batch by the loader's threads, never held: training pictures get
 * {@link Augmentation#RANDOM_RESIZED_CROP} and a flip, validation pictures
 * {@link Augmentation#RESIZE_CENTRE_CROP}, both normalised with {@link Normalization#IMAGENET}.
 * An image that does not decode stops the run with a {@link DataFormatException} naming its path
 * (exit status 2): a data set with a broken file is reported rather than silently changed.
 */
public final class ImageNet {

    /** The labels file of a flat validation folder. */
    public static final String LABELS_FILE = "LOC_val_solution.csv";
    /** Its header line. */
    static final String LABELS_HEADER = "ImageId,PredictionString";

    private ImageNet() {
    }

    /** torchvision's ImageNet recipe. */
    public static Preprocessing preprocessing() {
        return new Preprocessing(Normalization.IMAGENET, Augmentation.RANDOM_RESIZED_CROP,
                Augmentation.RESIZE_CENTRE_CROP);
    }

    /**
     * Opens {@code root}: lists the files and reads the labels; decodes nothing.
     *
     * @throws DataFormatException if a folder is missing or empty, the labels file is missing or
     *                             malformed, or a flat validation image has no label
     */
    public static DataSplits open(Path root) throws IOException {
        String expected = " (expected train/<wnid>/*.JPEG and val/<wnid>/*.JPEG, or val/*.JPEG with "
                + LABELS_FILE + ")";
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root + ": folder not found" + expected);
        }
        Path trainDir = root.resolve("train");
        Path valDir = root.resolve("val");
        if (!Files.isDirectory(trainDir)) {
            throw new DataFormatException(trainDir + ": folder not found" + expected);
        }
        if (!Files.isDirectory(valDir)) {
            throw new DataFormatException(valDir + ": folder not found" + expected);
        }
        List<String> classes = ImageFolder.classFolders(trainDir);
        if (classes.isEmpty()) {
            throw new DataFormatException(trainDir + ": no class folders (expected train/<wnid>/*.JPEG)");
        }
        List<ImageFolder.LabelledFile> train = ImageFolder.files(trainDir, classes);
        List<ImageFolder.LabelledFile> val = validation(root, valDir, classes);
        Augmentation view = Augmentation.RESIZE_CENTRE_CROP;
        return new DataSplits(ImageFolder.dataset(train, classes, view), ImageFolder.dataset(val, classes, view),
                preprocessing());
    }

    /**
     * The pictures of an image folder {@code dir/<class>/*} (torchvision's {@code ImageFolder}
     * layout) as a data set with ImageNet's evaluation view, e.g. for benchmarks.
     *
     * @throws DataFormatException if {@code dir} has no class folder or no image
     */
    public static FolderDataset pictures(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + ": folder not found (expected <class>/*.JPEG)");
        }
        List<String> classes = ImageFolder.classFolders(dir);
        if (classes.isEmpty()) {
            throw new DataFormatException(dir + ": no class folders (expected <class>/*.JPEG)");
        }
        return ImageFolder.dataset(ImageFolder.files(dir, classes), classes, Augmentation.RESIZE_CENTRE_CROP);
    }

    private static List<ImageFolder.LabelledFile> validation(Path root, Path valDir, List<String> classes)
            throws IOException {
        List<Path> loose;
        try (Stream<Path> s = Files.list(valDir)) {
            loose = s.filter(ImageFolder::isImage).sorted().toList();
        }
        boolean folders = !ImageFolder.classFolders(valDir).isEmpty();
        if (folders && !loose.isEmpty()) {
            throw new DataFormatException(valDir + ": holds both class folders and " + loose.size()
                    + " images such as " + loose.get(0).getFileName() + " (expected one layout: val/<wnid>/*.JPEG"
                    + " or val/*.JPEG)");
        }
        if (folders) {
            return ImageFolder.files(valDir, classes);
        }
        if (loose.isEmpty()) {
            throw new DataFormatException(valDir + ": no images (expected val/<wnid>/*.JPEG, or val/*.JPEG with "
                    + LABELS_FILE + ")");
        }
        Path labelsFile = labelsFile(root, valDir);
        Map<String, Integer> labels = readLabels(labelsFile, classes);
        List<ImageFolder.LabelledFile> files = new ArrayList<>(loose.size());
        for (Path file : loose) {
            Integer label = labels.get(imageId(file));
            if (label == null) {
                throw new DataFormatException(file + ": no line for " + imageId(file) + " in " + labelsFile);
            }
            files.add(new ImageFolder.LabelledFile(file, label));
        }
        files.sort(Comparator.comparingInt(ImageFolder.LabelledFile::label)
                .thenComparing(f -> f.file().getFileName().toString()));
        return files;
    }

    private static Path labelsFile(Path root, Path valDir) {
        for (Path candidate : List.of(root.resolve(LABELS_FILE), valDir.resolve(LABELS_FILE))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DataFormatException(valDir + ": the validation images are not in class folders and there is no "
                + "labels file " + root.resolve(LABELS_FILE) + " nor " + valDir.resolve(LABELS_FILE)
                + " (Kaggle's " + LABELS_FILE + ": " + LABELS_HEADER + ", one line per image)");
    }

    /** The file name without its extension: Kaggle's {@code ImageId}. */
    static String imageId(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Reads Kaggle's {@value #LABELS_FILE}: image id → label.
     *
     * @throws DataFormatException for a wrong header, a malformed or repeated line, or a wnid
     *                             that is not a training class; the message names file and line
     */
    static Map<String, Integer> readLabels(Path file, List<String> classes) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        Map<String, Integer> labels = new HashMap<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().equals(LABELS_HEADER)) {
                throw new DataFormatException(file + ": line 1: expected the header " + LABELS_HEADER + ", got "
                        + (header == null ? "an empty file" : "'" + header.strip() + "'"));
            }
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                String id = comma < 0 ? line.strip() : line.substring(0, comma).strip();
                String[] words = comma < 0 ? new String[0] : line.substring(comma + 1).strip().split("\\s+");
                if (id.isEmpty() || words.length == 0 || words[0].isEmpty()) {
                    throw new DataFormatException(file + ": line " + lineNumber + ": expected ImageId,wnid …, got '"
                            + line.strip() + "'");
                }
                String wnid = words[0];
                Integer label = index.get(wnid);
                if (label == null) {
                    throw new DataFormatException(file + ": line " + lineNumber + ": " + id + " is labelled '" + wnid
                            + "', which is not a training class (no folder train/" + wnid + ")");
                }
                if (!seen.add(id)) {
                    throw new DataFormatException(file + ": line " + lineNumber + ": " + id + " is listed twice");
                }
                labels.put(id, label);
            }
        }
        return labels;
    }
}
