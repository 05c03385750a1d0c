package io.deform4j.data;

/**
 * One mini-batch ready for the network: normalised float pixels in {@code N×C×H×W} order and
 * integer labels.
 *
 * @param images {@code size·channels·height·width} floats, normalised per channel
 * @param labels {@code size} class indices
 */
public record Batch(float[] images, int[] labels, int size, int channels, int height, int width) {

    public Batch {
        if (labels.length != size || images.length != size * channels * height * width) {
            throw new IllegalArgumentException("batch of " + size + " examples of " + channels + "x"
                    + height + "x" + width + " needs " + size * channels * height * width
                    + " pixels and " + size + " labels, got " + images.length + " and " + labels.length);
        }
    }

    /** The images' shape {@code {size, channels, height, width}}, e.g. for {@code ai.djl.ndarray.types.Shape}. */
    public long[] shape() {
        return new long[] {size, channels, height, width};
    }
}
