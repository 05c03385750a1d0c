package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both JPEG decoders against closed forms: the colours written, libjpeg's YCC formula in
 * floating point, and Pillow's CMYK rule {@code R = c·k/255}. Tolerances: 2 levels for colour
 * JPEGs (YCbCr rounding and chroma subsampling of a flat colour at quality 1.0), 1 otherwise.
 */
class ImageDecoderTest {

    @TempDir
    Path dir;

    private static Picture decode(Path file, ImageDecoder.Jpeg jpeg) throws IOException {
        assumeTrue(jpeg == ImageDecoder.Jpeg.IMAGEIO || ImageDecoder.turboJpegAvailable(),
                "TurboJPEG is not installed (apt-get install libturbojpeg-java libturbojpeg0-dev); CI installs it");
        return ImageDecoder.decode(Files.readAllBytes(file), file, jpeg);
    }

    private static void assertPixel(Picture p, int x, int y, int[] rgb, int tolerance) {
        for (int c = 0; c < 3; c++) {
            int got = p.pixels()[(y * p.width() + x) * 3 + c] & 0xFF;
            assertTrue(Math.abs(got - rgb[c]) <= tolerance, "pixel (" + x + ", " + y + ") channel " + c + ": " + got
                    + ", expected " + rgb[c] + " ± " + tolerance);
        }
    }

    @ParameterizedTest
    @EnumSource(ImageDecoder.Jpeg.class)
    void rgbGreyCmykYcckAndPngBecomeRgb(ImageDecoder.Jpeg jpeg) throws IOException {
        ImageNetFixture.rgbJpeg(dir.resolve("rgb.JPEG"), 50, 30, (x, y) -> 170);
        Picture rgb = decode(dir.resolve("rgb.JPEG"), jpeg);
        assertEquals(30, rgb.height());
        assertEquals(50, rgb.width());
        assertPixel(rgb, 17, 11, new int[] {170, 40, 200}, 2);

        ImageNetFixture.greyJpeg(dir.resolve("grey.JPEG"), 40, 20, 90);
        assertPixel(decode(dir.resolve("grey.JPEG"), jpeg), 3, 4, new int[] {90, 90, 90}, 1);

        ImageNetFixture.cmykJpeg(dir.resolve("cmyk.JPEG"), 24, 16, new int[] {200, 100, 50, 180}, false);
        int[] cmykRgb = {Math.round(200 * 180 / 255f), Math.round(100 * 180 / 255f), Math.round(50 * 180 / 255f)};
        assertPixel(decode(dir.resolve("cmyk.JPEG"), jpeg), 5, 5, cmykRgb, 1);

        ImageNetFixture.cmykJpeg(dir.resolve("ycck.JPEG"), 24, 16, new int[] {150, 120, 140, 230}, true);
        double y = 150;
        double cb = 120 - 128;
        double cr = 140 - 128;
        double[] ycc = {y + 1.402 * cr, y - 0.34414 * cb - 0.71414 * cr, y + 1.772 * cb};
        int[] ycckRgb = new int[3];
        for (int c = 0; c < 3; c++) {
            ycckRgb[c] = (int) Math.round((255 - Math.round(ycc[c])) * 230 / 255.0);
        }
        assertPixel(decode(dir.resolve("ycck.JPEG"), jpeg), 7, 9, ycckRgb, 1);

        ImageNetFixture.png(dir.resolve("png.JPEG"), 20, 10, (px, py) -> 7 * px + py);
        Picture png = decode(dir.resolve("png.JPEG"), jpeg);
        assertPixel(png, 13, 6, new int[] {7 * 13 + 6, 10, 20}, 0);
    }

    @Test
    void bothDecodersGiveTheSameBytesForAPhotoSizedJpeg() throws IOException {
        ImageNetFixture.rgbJpeg(dir.resolve("photo.JPEG"), 500, 375, (x, y) -> (x * x / 7 + y * 3 + (x ^ y)) & 0xFF);
        Picture turbo = decode(dir.resolve("photo.JPEG"), ImageDecoder.Jpeg.TURBOJPEG);
        Picture imageIo = decode(dir.resolve("photo.JPEG"), ImageDecoder.Jpeg.IMAGEIO);
        assertEquals(turbo.height(), imageIo.height());
        assertTrue(Arrays.equals(turbo.pixels(), imageIo.pixels()), "libjpeg-turbo and the JDK's libjpeg decode alike");
    }

    @ParameterizedTest
    @EnumSource(ImageDecoder.Jpeg.class)
    void brokenFilesAreNamed(ImageDecoder.Jpeg jpeg) throws IOException {
        Path text = Files.writeString(dir.resolve("text.JPEG"), "not an image");
        DataFormatException e = assertThrows(DataFormatException.class, () -> decode(text, jpeg));
        assertEquals(text + ": not an image (neither JPEG nor any format ImageIO reads)", e.getMessage());
        Path garbage = dir.resolve("garbage.JPEG");
        Files.write(garbage, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x13, 0x37, 0, 0, 1, 2, 3});
        e = assertThrows(DataFormatException.class, () -> decode(garbage, jpeg));
        assertTrue(e.getMessage().startsWith(garbage + ": "), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> ImageDecoder.decode(dir.resolve("gone.JPEG")));
        assertEquals(dir.resolve("gone.JPEG") + ": file not found", e.getMessage());
    }

    @Test
    void planarAndInterleavedAgree() {
        byte[] planes = {1, 2, 3, 4, 5, 6};
        Picture p = Picture.ofPlanar(planes, 3, 1, 2);
        assertArrayEquals(new byte[] {1, 3, 5, 2, 4, 6}, p.pixels());
        assertArrayEquals(planes, p.planar());
        assertArrayEquals(new byte[] {9, 9, 9, 8, 8, 8}, Picture.ofPlanar(new byte[] {9, 8}, 1, 1, 2).pixels());
    }
}
