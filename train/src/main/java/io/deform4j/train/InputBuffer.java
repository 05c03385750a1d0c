package io.deform4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.deform4j.data.Batch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One native buffer reused for the pixels of every batch. DJL's {@code create(float[])} copies
 * the array into a fresh, zero-filled direct buffer per batch (1.5 MB at 128×3×32×32) that the
 * tensor then aliases and that only the garbage collector frees; this one is filled in place.
 *
 * <p>The tensor returned by {@link #images} aliases the buffer: it must be dead (closed, and no
 * autograd graph holding it) before the next call overwrites it. The training step and the
 * evaluation pass satisfy this: each batch's arrays live in a sub-manager closed at the end of
 * the batch, and the backward pass releases the graph. Not thread-safe.
 */
final class InputBuffer {

    private ByteBuffer buffer;

    /** The batch's images as an {@code N×C×H×W} float32 array owned by {@code manager}, aliasing this buffer. */
    NDArray images(NDManager manager, Batch batch) {
        Shape shape = new Shape(batch.size(), batch.channels(), batch.height(), batch.width());
        int count = Math.toIntExact(shape.size());
        int bytes = Math.multiplyExact(count, Float.BYTES);
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        buffer.asFloatBuffer().put(batch.images(), 0, count);
        buffer.limit(bytes);
        return manager.create(buffer, shape, DataType.FLOAT32);
    }
}
