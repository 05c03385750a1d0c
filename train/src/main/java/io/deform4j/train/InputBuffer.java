package io.deform4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.deform4j.data.Batch;
import io.deform4j.model.MemoryFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A batch as engine arrays: its labels, and its pixels in one native buffer reused for every
 * batch. DJL's {@code create(float[])} copies the array into a fresh, zero-filled direct buffer
 * per batch (1.5 MB at 128×3×32×32) that the tensor then aliases and that only the garbage
 * collector frees; this one is filled in place.
 *
 * <p>On the CPU the tensor returned by {@link #images} aliases the buffer (on a GPU it is a copy,
 * made as it is created): it must be dead (closed, and no
 * autograd graph holding it) before the next call overwrites it. The training step and the
 * evaluation pass satisfy this: each batch's arrays live in a sub-manager closed at the end of
 * the batch, and the backward pass releases the graph. Not thread-safe.
 *
 * <p>For {@link MemoryFormat#CHANNELS_LAST} the pixels are written in {@code N×H×W×C} order and
 * the array is that buffer seen as {@code N×C×H×W}, so the first convolution reads it as it is.
 */
public final class InputBuffer {

    private final MemoryFormat format;
    private ByteBuffer buffer;
    /** The pixels reordered to N×H×W×C before the one bulk copy into {@link #buffer}. */
    private float[] scratch;

    public InputBuffer(MemoryFormat format) {
        this.format = format;
    }

    /**
     * The batch's images as an {@code N×C×H×W} float32 array in this buffer's memory format,
     * owned by {@code manager}, aliasing this buffer.
     */
    NDArray images(NDManager manager, Batch batch) {
        int n = batch.size();
        int c = batch.channels();
        int h = batch.height();
        int w = batch.width();
        int count = Math.toIntExact(new Shape(n, c, h, w).size());
        int bytes = Math.multiplyExact(count, Float.BYTES);
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        FloatBuffer floats = buffer.asFloatBuffer();
        if (format == MemoryFormat.CONTIGUOUS) {
            floats.put(batch.images(), 0, count);
            buffer.limit(bytes);
            return manager.create(buffer, new Shape(n, c, h, w), DataType.FLOAT32);
        }
        if (scratch == null || scratch.length < count) {
            scratch = new float[count];
        }
        float[] images = batch.images();
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int image = i * c * plane;
            for (int k = 0; k < c; k++) {
                for (int p = 0, from = image + k * plane, to = image + k; p < plane; p++, to += c) {
                    scratch[to] = images[from + p];
                }
            }
        }
        floats.put(scratch, 0, count);
        buffer.limit(bytes);
        try (NDArray nhwc = manager.create(buffer, new Shape(n, h, w, c), DataType.FLOAT32)) {
            return nhwc.transpose(0, 3, 1, 2);
        }
    }

    /** The batch's labels as an int64 array of class indices (what {@code gather} takes), owned by {@code manager}. */
    static NDArray labels(NDManager manager, Batch batch) {
        long[] labels = new long[batch.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = batch.labels()[i];
        }
        return manager.create(labels);
    }
}
