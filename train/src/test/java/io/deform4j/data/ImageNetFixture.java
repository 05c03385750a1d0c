package io.deform4j.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writers of real image files in the forms ImageNet has, and of a small ImageNet folder. */
final class ImageNetFixture {

    static final List<String> CLASSES = List.of("n01440764", "n01443537");

    private ImageNetFixture() {
    }

    /** An RGB JPEG (quality 1.0) whose pixel (x, y) has red {@code r(x, y)}, green 40, blue 200. */
    static void rgbJpeg(Path file, int w, int h, IntBinaryOperator r) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (r.applyAsInt(x, y) & 0xFF) << 16 | 40 << 8 | 200);
            }
        }
        jpeg(file, new IIOImage(image, null, null));
    }

    /** A greyscale (1-component) JPEG of constant {@code value}. */
    static void greyJpeg(Path file, int w, int h, int value) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, value);
            }
        }
        jpeg(file, new IIOImage(image, null, null));
    }

    /**
     * A 4-component JPEG of the constant samples {@code s}; with {@code ycck} an Adobe marker
     * (transform 2) declares them Y, Cb, Cr, K, else they are CMYK as stored (Adobe-inverted).
     */
    static void cmykJpeg(Path file, int w, int h, int[] s, boolean ycck) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, s);
            }
        }
        jpeg(file, new IIOImage(raster, null, null));
        if (ycck) {
            byte[] data = Files.readAllBytes(file);
            byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2};
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(data, 0, 2);
            out.write(adobe);
            out.write(data, 2, data.length - 2);
            Files.write(file, out.toByteArray());
        }
    }

    /** A PNG (RGB) written under any name, e.g. {@code x.JPEG}, whose pixel (x, y) is (r(x, y), 10, 20). */
    static void png(Path file, int w, int h, IntBinaryOperator r) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (r.applyAsInt(x, y) & 0xFF) << 16 | 10 << 8 | 20);
            }
        }
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void jpeg(Path file, IIOImage image) throws IOException {
        Files.createDirectories(file.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A small ImageNet: 2 classes, 4 training pictures each (RGB 500×375, greyscale 200×300, CMYK
     * 120×90, and a PNG named {@code .JPEG} or a YCCK JPEG), 2 validation pictures each, in class
     * folders or flat with {@value ImageNet#LABELS_FILE} in {@code root}.
     *
     * @return the validation files as {@code val/...} paths relative to {@code root}, in data-set order
     */
    static List<String> write(Path root, boolean flatValidation) throws IOException {
        for (int c = 0; c < CLASSES.size(); c++) {
            Path dir = root.resolve("train").resolve(CLASSES.get(c));
            int shade = 60 * c;
            rgbJpeg(dir.resolve(CLASSES.get(c) + "_1.JPEG"), 500, 375, (x, y) -> shade + x / 4);
            greyJpeg(dir.resolve(CLASSES.get(c) + "_2.JPEG"), 200, 300, 90 + shade);
            cmykJpeg(dir.resolve(CLASSES.get(c) + "_3.JPEG"), 120, 90, new int[] {200, 100, 50, 180}, false);
            if (c == 0) {
                png(dir.resolve(CLASSES.get(c) + "_4.JPEG"), 64, 80, (x, y) -> x + y);
            } else {
                cmykJpeg(dir.resolve(CLASSES.get(c) + "_4.JPEG"), 90, 120, new int[] {150, 120, 140, 230}, true);
            }
        }
        List<String> val = new ArrayList<>();
        StringBuilder labels = new StringBuilder(ImageNet.LABELS_HEADER + "\n");
        for (int i = 1; i <= 4; i++) {
            int c = i % 2;
            String id = String.format("ILSVRC2012_val_%08d", i);
            String name = flatValidation ? "val/" + id + ".JPEG" : "val/" + CLASSES.get(c) + "/" + id + ".JPEG";
            rgbJpeg(root.resolve(name), 300 + 20 * i, 200 + 30 * i, (x, y) -> 100 * c + y / 3);
            labels.append(id).append(',').append(CLASSES.get(c)).append(" 1 2 3 4 ").append(CLASSES.get(c))
                    .append(" 5 6 7 8\n");
        }
        for (int c = 0; c < 2; c++) {
            for (int i = 1; i <= 4; i++) {
                if (i % 2 == c) {
                    String id = String.format("ILSVRC2012_val_%08d", i);
                    val.add(flatValidation ? "val/" + id + ".JPEG" : "val/" + CLASSES.get(c) + "/" + id + ".JPEG");
                }
            }
        }
        if (flatValidation) {
            Files.writeString(root.resolve(ImageNet.LABELS_FILE), labels);
        }
        return val;
    }
}
