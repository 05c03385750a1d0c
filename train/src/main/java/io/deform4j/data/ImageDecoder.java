package io.deform4j.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image files into RGB {@link Picture}s at their own size, as torchvision's loader
 * ({@code PIL.Image.open(f).convert("RGB")}) does: the format is told by the file's first bytes,
 * not its name (ImageNet has a PNG and CMYK JPEGs named {@code .JPEG}); greyscale is repeated over
 * the channels, CMYK and YCCK converted as Pillow converts Adobe CMYK, alpha dropped, embedded
 * colour profiles ignored.
 *
 * <p>JPEGs are decoded with libjpeg-turbo ({@link TurboJpeg}) when its Java binding is installed,
 * else with the JDK's ImageIO (same libjpeg arithmetic, about three times slower); the system
 * property {@value #PROPERTY} ({@code turbojpeg}, {@code imageio}) forces one. Other formats go
 * to ImageIO. Thread-safe.
 */
public final class ImageDecoder {

    /** System property that chooses the JPEG decoder: {@code turbojpeg}, {@code imageio} or {@code auto}. */
    public static final String PROPERTY = "deform4j.jpeg-decoder";

    /** The JPEG decoders. */
    public enum Jpeg {
        /** libjpeg-turbo through its Java binding. */
        TURBOJPEG,
        /** The JDK's ImageIO. */
        IMAGEIO
    }

    private ImageDecoder() {
    }

    /**
     * The JPEG decoder in use: {@value #PROPERTY} if set, else TurboJPEG where installed.
     *
     * @throws IllegalArgumentException if the property names an unknown or missing decoder
     */
    public static Jpeg jpegDecoder() {
        String chosen = System.getProperty(PROPERTY, "auto").toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "auto" -> TurboJpeg.instance() != null ? Jpeg.TURBOJPEG : Jpeg.IMAGEIO;
            case "imageio" -> Jpeg.IMAGEIO;
            case "turbojpeg" -> {
                if (TurboJpeg.instance() == null) {
                    throw new IllegalArgumentException(PROPERTY + "=turbojpeg but " + TurboJpeg.unavailableReason());
                }
                yield Jpeg.TURBOJPEG;
            }
            default -> throw new IllegalArgumentException(PROPERTY + " must be turbojpeg, imageio or auto, got '"
                    + chosen + "'");
        };
    }

    /** E.g. {@code "TurboJPEG (libjpeg-turbo)"}, or ImageIO and why TurboJPEG is not used. */
    public static String describe() {
        if (jpegDecoder() == Jpeg.TURBOJPEG) {
            return "TurboJPEG (libjpeg-turbo)";
        }
        String reason = TurboJpeg.unavailableReason();
        return "ImageIO (JDK)" + (reason == null ? ", chosen by -D" + PROPERTY : "; " + reason);
    }

    /** Whether TurboJPEG can be used here. */
    public static boolean turboJpegAvailable() {
        return TurboJpeg.instance() != null;
    }

    /**
     * Reads and decodes {@code file}.
     *
     * @throws DataFormatException if the file is missing, unreadable or not an image this class
     *                             decodes; the message starts with the file's path
     */
    public static Picture decode(Path file) {
        return decode(read(file), file, jpegDecoder());
    }

    /** Decodes {@code data}, the contents of {@code file} (named in messages), JPEGs with {@code jpeg}. */
    static Picture decode(byte[] data, Path file, Jpeg jpeg) {
        if (isJpeg(data)) {
            return jpeg == Jpeg.TURBOJPEG ? TurboJpeg.instance().decode(data, file) : imageIoJpeg(data, file);
        }
        return imageIo(data, file);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read: " + e.getMessage());
        }
    }

    static boolean isJpeg(byte[] data) {
        return data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF;
    }

    /**
     * A JPEG through ImageIO's raw raster, converted here as libjpeg would ({@link JpegHeader}
     * says how), so that embedded colour profiles are ignored as Pillow ignores them.
     */
    private static Picture imageIoJpeg(byte[] data, Path file) {
        JpegHeader header = JpegHeader.parse(data, file);
        Raster raster;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            try {
                reader.setInput(in, true, true);
                raster = reader.readRaster(0, null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file + ": cannot decode JPEG: " + e.getMessage());
        }
        int h = raster.getHeight();
        int w = raster.getWidth();
        int bands = raster.getNumBands();
        byte[] pixels = new byte[h * w * bands];
        raster.getDataElements(0, 0, w, h, pixels);
        switch (bands) {
            case 1 -> {
                return Picture.ofPlanar(pixels, 1, h, w);
            }
            case 3 -> {
                if (header.ycc()) {
                    JpegColour.yccToRgb(pixels);
                }
                return new Picture(pixels, h, w);
            }
            case 4 -> {
                if (header.ycc()) {
                    JpegColour.ycckToCmyk(pixels);
                }
                return JpegColour.cmykToRgb(pixels, h, w);
            }
            default -> throw new DataFormatException(file + ": JPEG with " + bands + " components (expected 1, 3 or 4)");
        }
    }

    /** Any other format ImageIO reads (PNG, GIF, BMP). */
    private static Picture imageIo(byte[] data, Path file) {
        BufferedImage image;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataFormatException(file + ": not an image (neither JPEG nor any format ImageIO reads)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            throw new DataFormatException(file + ": cannot decode image: " + e.getMessage());
        }
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] rgb = new byte[h * w * 3];
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR
                || type == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] src = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int stride = type == BufferedImage.TYPE_BYTE_GRAY ? 1 : type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
            for (int i = 0, j = 0; i < h * w; i++, j += stride) {
                if (stride == 1) {
                    rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = src[j];
                } else {
                    rgb[3 * i] = src[j + stride - 1];
                    rgb[3 * i + 1] = src[j + stride - 2];
                    rgb[3 * i + 2] = src[j + stride - 3];
                }
            }
            return new Picture(rgb, h, w);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (row[x] >> 16);
                rgb[o + 1] = (byte) (row[x] >> 8);
                rgb[o + 2] = (byte) row[x];
            }
        }
        return new Picture(rgb, h, w);
    }
}
