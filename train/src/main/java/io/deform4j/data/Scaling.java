package io.deform4j.data;

/**
 * How an {@link Augmentation} resizes an image of its own size before cropping: not at all
 * ({@link #NONE}), the shorter side to a length (torchvision's {@code Resize(size)}), or a random
 * window of random area and aspect ratio to the crop size (torchvision's
 * {@code RandomResizedCrop}). Resizing is Pillow's bilinear filter ({@link Bilinear}).
 */
public sealed interface Scaling {

    /** No resizing: the image is cropped as it is. */
    Scaling NONE = new None();

    /** No resizing. */
    record None() implements Scaling {
    }

    /**
     * The shorter side becomes {@code size}, the longer {@code ⌊size·long/short⌋}, as
     * torchvision's {@code Resize(size)}; the crop is then taken from the resized image.
     *
     * @param size length of the shorter side after resizing, positive
     */
    record ShorterSide(int size) implements Scaling {
        public ShorterSide {
            if (size <= 0) {
                throw new IllegalArgumentException("resize length must be positive, got " + size);
            }
        }
    }

    /**
     * torchvision's {@code RandomResizedCrop}: a window whose area is a uniform fraction in
     * {@code [minScale, maxScale]} of the image's and whose aspect ratio (width/height) is
     * log-uniform in {@code [minRatio, maxRatio]}, at a uniform position, resized to the crop
     * size; after 10 draws that do not fit, the centred window of the whole image clamped to the
     * ratio range.
     */
    record RandomArea(double minScale, double maxScale, double minRatio, double maxRatio) implements Scaling {

        /** torchvision's defaults: scale 0.08–1, ratio 3/4–4/3. */
        public static final RandomArea IMAGENET = new RandomArea(0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);

        public RandomArea {
            if (!(minScale > 0 && minScale <= maxScale && Double.isFinite(maxScale))) {
                throw new IllegalArgumentException("area scale range must satisfy 0 < min <= max, got [" + minScale
                        + ", " + maxScale + "]");
            }
            if (!(minRatio > 0 && minRatio <= maxRatio && Double.isFinite(maxRatio))) {
                throw new IllegalArgumentException("aspect ratio range must satisfy 0 < min <= max, got [" + minRatio
                        + ", " + maxRatio + "]");
            }
        }
    }
}
