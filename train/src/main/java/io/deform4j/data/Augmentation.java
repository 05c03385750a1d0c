package io.deform4j.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A geometric augmentation: an optional resizing ({@link Scaling}), an optional zero padding, a
 * random or centred crop, and an optional random horizontal flip, as torchvision's
 * {@code Resize(size)}, {@code RandomResizedCrop(size)}, {@code RandomCrop(size, padding)},
 * {@code CenterCrop(size)} and {@code RandomHorizontalFlip()}; padding is with black pixels
 * (byte 0), before normalisation.
 *
 * <p>Without scaling, the augmentation works on a data set's fixed-size images: {@link #sample}
 * draws a {@link Crop} from the example's own random stream, first the crop offset (top, then
 * left), then the flip. With scaling ({@link #scales()}), it works on the picture at its own size
 * ({@link ImageDataset#picture(int)}): {@link #resize} draws a {@link ResizedCrop}, first the
 * window (RandomResizedCrop) or the crop offset, then the flip.
 *
 * <p>Presets: {@link #NONE} (test mode), {@link #CIFAR} (pad 4, random 32×32 crop, flip, as in
 * the paper's CIFAR experiments), {@link #IMAGENET_TRAIN} (random 224 crop of the 256×256 stored
 * image, flip), {@link #IMAGENET_TEST} (centre 224 crop), and for pictures of any size
 * {@link #RANDOM_RESIZED_CROP} (RandomResizedCrop(224) + flip, ImageNet training) and
 * {@link #RESIZE_CENTRE_CROP} (Resize(256) + CenterCrop(224), ImageNet evaluation).
 *
 * @param cropSize   side of the square output, or 0 to keep the input's height and width
 * @param padding    zero pixels added on each side before cropping, ≥ 0
 * @param randomCrop whether the crop offset is random (else the crop is centred)
 * @param flip       whether the output is mirrored left-right with probability ½
 * @param scaling    resizing before the crop; with any but {@link Scaling#NONE} the crop size is
 *                   positive and there is no padding
 */
public record Augmentation(int cropSize, int padding, boolean randomCrop, boolean flip, Scaling scaling) {

    /** No augmentation: the image as it is. */
    public static final Augmentation NONE = new Augmentation(0, 0, false, false);
    /** CIFAR training: pad 4, random crop to the input size (32×32), random horizontal flip. */
    public static final Augmentation CIFAR = new Augmentation(0, 4, true, true);
    /** ImageNet-style training on 256×256 stored images: random 224×224 crop, random flip. */
    public static final Augmentation IMAGENET_TRAIN = new Augmentation(224, 0, true, true);
    /** ImageNet-style test on 256×256 stored images: centre 224×224 crop. */
    public static final Augmentation IMAGENET_TEST = new Augmentation(224, 0, false, false);
    /** torchvision's ImageNet training: RandomResizedCrop(224, scale 0.08–1, ratio 3/4–4/3), flip. */
    public static final Augmentation RANDOM_RESIZED_CROP = new Augmentation(224, 0, true, true,
            Scaling.RandomArea.IMAGENET);
    /** torchvision's ImageNet evaluation: Resize(256) (shorter side), CenterCrop(224). */
    public static final Augmentation RESIZE_CENTRE_CROP = new Augmentation(224, 0, false, false,
            new Scaling.ShorterSide(256));

    public Augmentation {
        if (cropSize < 0) {
            throw new IllegalArgumentException("crop size must be 0 (keep the input size) or positive, got " + cropSize);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        Objects.requireNonNull(scaling, "scaling");
        if (!(scaling instanceof Scaling.None) && (cropSize == 0 || padding != 0)) {
            throw new IllegalArgumentException("a resizing augmentation needs a crop size and no padding, got crop "
                    + cropSize + ", padding " + padding);
        }
        if (scaling instanceof Scaling.ShorterSide s && s.size() < cropSize) {
            throw new IllegalArgumentException("crop " + cropSize + " is larger than the resized shorter side "
                    + s.size());
        }
        if (scaling instanceof Scaling.RandomArea && !randomCrop) {
            throw new IllegalArgumentException("a random-area crop is random: randomCrop must be true");
        }
    }

    /** An augmentation without resizing. */
    public Augmentation(int cropSize, int padding, boolean randomCrop, boolean flip) {
        this(cropSize, padding, randomCrop, flip, Scaling.NONE);
    }

    /** Whether this augmentation resizes, and so works on pictures at their own size. */
    public boolean scales() {
        return !(scaling instanceof Scaling.None);
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
        if (scales()) {
            throw new IllegalStateException("a resizing augmentation draws a ResizedCrop (resize), not a Crop: " + this);
        }
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

    /**
     * Draws the window, resizing, crop and flip for one picture of {@code height×width}, with the
     * arithmetic of torchvision 0.14 ({@code RandomResizedCrop.get_params}, {@code Resize},
     * {@code CenterCrop}: Python's {@code round} is half-to-even, {@link Math#rint}).
     *
     * @throws IllegalStateException if this augmentation does not resize
     */
    public ResizedCrop resize(int height, int width, SplittableRandom rng) {
        if (scaling instanceof Scaling.RandomArea area) {
            int[] window = randomArea(area, height, width, rng);
            boolean mirrored = flip && rng.nextBoolean();
            return new ResizedCrop(window[0], window[1], window[2], window[3], cropSize, cropSize, 0, 0, cropSize,
                    cropSize, mirrored);
        }
        if (scaling instanceof Scaling.ShorterSide side) {
            int shorter = Math.min(height, width);
            int longer = Math.max(height, width);
            int newLong = (int) ((double) side.size() * longer / shorter);
            int sh = height <= width ? side.size() : newLong;
            int sw = height <= width ? newLong : side.size();
            int top;
            int left;
            if (randomCrop) {
                top = rng.nextInt(sh - cropSize + 1);
                left = rng.nextInt(sw - cropSize + 1);
            } else {
                top = (int) Math.rint((sh - cropSize) / 2.0);
                left = (int) Math.rint((sw - cropSize) / 2.0);
            }
            boolean mirrored = flip && rng.nextBoolean();
            return new ResizedCrop(0, 0, height, width, sh, sw, top, left, cropSize, cropSize, mirrored);
        }
        throw new IllegalStateException("an augmentation without resizing draws a Crop (sample): " + this);
    }

    /** {@code RandomResizedCrop.get_params}: {top, left, height, width} of the window. */
    private static int[] randomArea(Scaling.RandomArea a, int height, int width, SplittableRandom rng) {
        double area = (double) height * width;
        double logMin = Math.log(a.minRatio());
        double logMax = Math.log(a.maxRatio());
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * uniform(rng, a.minScale(), a.maxScale());
            double ratio = Math.exp(uniform(rng, logMin, logMax));
            int w = (int) Math.rint(Math.sqrt(target * ratio));
            int h = (int) Math.rint(Math.sqrt(target / ratio));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new int[] {top, left, h, w};
            }
        }
        double inRatio = (double) width / height;
        int w;
        int h;
        if (inRatio < a.minRatio()) {
            w = width;
            h = (int) Math.rint(w / a.minRatio());
        } else if (inRatio > a.maxRatio()) {
            h = height;
            w = (int) Math.rint(h * a.maxRatio());
        } else {
            w = width;
            h = height;
        }
        return new int[] {(height - h) / 2, (width - w) / 2, h, w};
    }

    private static double uniform(SplittableRandom rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }
}
