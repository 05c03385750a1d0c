package io.deform4j.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A picture another command drew (a PNG), embedded in the page as a {@code data:} URI so the page
 * needs no file beside it. A PNG larger than {@value #MAX_PNG_BYTES} bytes (the terrain views of
 * {@code simulate}, about 0.5–0.7 MB of photographic colour that PNG compresses badly) is
 * re-encoded as JPEG of quality {@value #JPEG_QUALITY}, about a sixth of the size with no visible
 * difference at the size shown.
 */
final class EmbeddedImage {

    /** PNGs up to this size are embedded as they are. */
    static final int MAX_PNG_BYTES = 250_000;
    /** JPEG quality of re-encoded pictures. */
    static final float JPEG_QUALITY = 0.85f;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private EmbeddedImage() {
    }

    /**
     * The {@code <img>} element of the PNG in {@code file}, with its pixel size and {@code alt} text.
     *
     * @throws IOException if the file cannot be read or is not a PNG (the message names it)
     */
    static String img(Path file, String alt) throws IOException {
        byte[] png = Files.readAllBytes(file);
        if (png.length < 24 || !Arrays.equals(Arrays.copyOf(png, 8), PNG_SIGNATURE)) {
            throw new IOException(file + " is not a PNG picture");
        }
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8); // IHDR: width, height, big-endian
        int width = header.getInt();
        int height = header.getInt();
        String uri = png.length <= MAX_PNG_BYTES ? "data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                : "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(file));
        return "<img src=\"" + uri + "\" width=\"" + width + "\" height=\"" + height + "\" alt=\"" + Html.escape(alt)
                + "\">";
    }

    private static byte[] jpeg(Path file) throws IOException {
        BufferedImage decoded = ImageIO.read(file.toFile());
        if (decoded == null) {
            throw new IOException(file + " cannot be decoded as a PNG picture");
        }
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, java.awt.Color.WHITE, null); // JPEG has no alpha: transparent parts white
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
