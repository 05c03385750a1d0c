package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** A 1×3×4 image: row y, column x holds 10·y + x + 1. */
    private static final byte[] IMAGE = {1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24};

    @Test
    void cropOffsetsStayWithinThePadding() {
        SplittableRandom rng = new SplittableRandom(1);
        boolean[] seenTop = new boolean[9];
        int flips = 0;
        for (int i = 0; i < 2000; i++) {
            Crop c = Augmentation.CIFAR.sample(32, 32, rng);
            assertTrue(c.top() >= -4 && c.top() <= 4, "top " + c.top());
            assertTrue(c.left() >= -4 && c.left() <= 4, "left " + c.left());
            assertEquals(32, c.height());
            assertEquals(32, c.width());
            seenTop[c.top() + 4] = true;
            flips += c.flip() ? 1 : 0;
        }
        for (boolean seen : seenTop) {
            assertTrue(seen, "every offset in [-4, 4] occurs");
        }
        assertTrue(flips > 900 && flips < 1100, "flips " + flips);
    }

    @Test
    void flipIsExact() {
        byte[] flipped = new Crop(0, 0, 3, 4, true).apply(IMAGE, 1, 3, 4);
        assertArrayEquals(new byte[] {4, 3, 2, 1, 14, 13, 12, 11, 24, 23, 22, 21}, flipped);
    }

    @Test
    void paddingIsZeroAndCropShifts() {
        byte[] shifted = new Crop(-1, 1, 3, 4, false).apply(IMAGE, 1, 3, 4);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 2, 3, 4, 0, 12, 13, 14, 0}, shifted);
        byte[] shiftedFlipped = new Crop(-1, 1, 3, 4, true).apply(IMAGE, 1, 3, 4);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 4, 3, 2, 0, 14, 13, 12}, shiftedFlipped);
    }

    @Test
    void renderMatchesApplyThenNormalise() {
        Normalization norm = new Normalization(new float[] {0.5f}, new float[] {0.25f});
        float[][] table = norm.table();
        SplittableRandom rng = new SplittableRandom(3);
        Augmentation aug = Augmentation.padCropFlip(2);
        for (int i = 0; i < 50; i++) {
            Crop c = aug.sample(3, 4, rng);
            byte[] bytes = c.apply(IMAGE, 1, 3, 4);
            float[] out = new float[12 + 5];
            c.render(IMAGE, 1, 3, 4, table, out, 5);
            for (int k = 0; k < 12; k++) {
                assertEquals(((bytes[k] & 0xFF) / 255f - 0.5f) / 0.25f, out[5 + k], 1e-6, c.toString());
            }
        }
    }

    @Test
    void centreCropAndNone() {
        Crop c = Augmentation.IMAGENET_TEST.sample(256, 256, new SplittableRandom(0));
        assertEquals(new Crop(16, 16, 224, 224, false), c);
        assertEquals(Crop.whole(32, 32), Augmentation.NONE.sample(32, 32, new SplittableRandom(0)));
        assertEquals(224, Augmentation.IMAGENET_TRAIN.outputHeight(256));
        assertEquals(28, Augmentation.CIFAR.outputWidth(28));
    }

    @Test
    void cropLargerThanImageIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.IMAGENET_TRAIN.sample(32, 32, new SplittableRandom(0)));
        assertEquals("crop 224x224 does not fit in a 32x32 image padded by 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, -1, true, true));
    }

    @Test
    void presetsArePinned() {
        assertEquals(new Augmentation(0, 4, true, true), Augmentation.CIFAR);
        assertEquals(new Augmentation(224, 0, true, true), Augmentation.IMAGENET_TRAIN);
    }
}
