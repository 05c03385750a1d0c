package io.deform4j.data;

import java.util.SplittableRandom;

/**
 * A geometric augmentation: an optional zero padding, a random or centred crop, and an optional
 * random horizontal flip, as torchvision's {@code RandomCrop(size, padding)},
 * {@code CenterCrop(size)} and {@code RandomHorizontalFlip()}; padding is with black pixels
 * (byte 0), before normalisation. For each example, {@link #sample} draws a {@link Crop} from
 * the example's own random stream: first the crop offset (top, then left), then the flip.
 *
 * <p>Presets: {@link #NONE} (test mode), {@link #CIFAR} (pad 4, random 32×32 crop, flip, as in
 * the paper's CIFAR experiments), {@link #IMAGENET_TRAIN} (random 224 crop of the 256×256 stored
 * image, flip) and {@link #IMAGENET_TEST} (centre 224 crop).
 *
 * @param cropSize   side of the square output, or 0 to keep the input's height and width
 * @param padding    zero pixels added on each side before cropping, ≥ 0
 * @param randomCrop whether the crop offset is random (else the crop is centred)
 * @param flip       whether the output is mirrored left-right with probability ½
 */
public record Augmentation(int cropSize, int padding, boolean randomCrop, boolean flip) {

    /** No augmentation: the image as it is. */
    public static final Augmentation NONE = new Augmentation(0, 0, false, false);
    /** CIFAR training: pad 4, random crop to the input size (32×32), random horizontal flip. */
    public static final Augmentation CIFAR = new Augmentation(0, 4, true, true);
    /** ImageNet-style training on 256×256 stored images: random 224×224 crop, random flip. */
    public static final Augmentation IMAGENET_TRAIN = new Augmentation(224, 0, true, true);
    /** ImageNet-style test on 256×256 stored images: centre 224×224 crop. */
    public static final Augmentation IMAGENET_TEST = new Augmentation(224, 0, false, false);

    public Augmentation {
        if (cropSize < 0) {
            throw new IllegalArgumentException("crop size must be 0 (keep the input size) or positive, got " + cropSize);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
    }

    /** Padded random crop of the input size plus flip, e.g. {@code padCropFlip(4)} = {@link #CIFAR}. */
    public static Augmentation padCropFlip(int padding) {
        return new Augmentation(0, padding, true, true);
    }

    /** Whether this augmentation draws random numbers (test mode does not). */
    public boolean isRandom() {
        return randomCrop || flip;
    }

    /** Output height for an input of height {@code height}. */
    public int outputHeight(int height) {
        return cropSize == 0 ? height : cropSize;
    }

    /** Output width for an input of width {@code width}. */
    public int outputWidth(int width) {
        return cropSize == 0 ? width : cropSize;
    }

    /**
     * Draws the crop and flip for one example of {@code height×width}.
     *
     * @throws IllegalArgumentException if the crop does not fit in the padded image
     */
    public Crop sample(int height, int width, SplittableRandom rng) {
        int outH = outputHeight(height);
        int outW = outputWidth(width);
        int spanH = height + 2 * padding - outH;
        int spanW = width + 2 * padding - outW;
        if (spanH < 0 || spanW < 0) {
            throw new IllegalArgumentException("crop " + outH + "x" + outW + " does not fit in a " + height + "x"
                    + width + " image padded by " + padding);
        }
        int top;
        int left;
        if (randomCrop) {
            top = rng.nextInt(spanH + 1) - padding;
            left = rng.nextInt(spanW + 1) - padding;
        } else {
            top = (height - outH) / 2;
            left = (width - outW) / 2;
        }
        boolean mirrored = flip && rng.nextBoolean();
        return new Crop(top, left, outH, outW, mirrored);
    }
}
