package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deform4j.engine.HostCopies;
import io.deform4j.engine.NoGrad;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's parameters, batch-norm running statistics included, as bytes, restored <em>in
 * place</em>. DJL's {@code Block.loadParameters} replaces each parameter's array with a fresh one
 * that requires no gradient, so a model loaded that way silently stops learning; here every
 * array keeps its identity, its gradient requirement and its memory layout
 * ({@link MemoryFormat}), and only its values change, copied bit for bit element by element.
 *
 * <p>Format: int count, then per parameter in the block's order: UTF name, UTF data type, UTF
 * shape, int length and the values' bytes in row-major order and native byte order.
 */
public final class ModelState {

    private ModelState() {
    }

    /** Every parameter of {@code block} (initialised), running statistics included, as bytes. */
    public static byte[] save(Block block) {
        requireInitialized(block);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(block.getParameters().size());
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                out.writeUTF(pair.getKey());
                out.writeUTF(array.getDataType().name());
                out.writeUTF(array.getShape().toString());
                byte[] bytes = HostCopies.bytes(array); // from any device, in row-major order
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the values saved by {@link #save} into the parameters of the initialised
     * {@code block}, in place. The whole state is checked before the first value is written, so a
     * state that does not fit leaves the block as it was.
     *
     * @throws IllegalArgumentException if {@code block} is not initialised, or {@code state} holds
     *     another number of parameters or a parameter of another name, data type or shape (a
     *     model of another architecture), or is cut short
     */
    public static void load(Block block, byte[] state) {
        requireInitialized(block);
        List<byte[]> values = read(block, state);
        // in-place writes into parameters that require a gradient, not to be recorded by autograd
        try (NoGrad noGrad = NoGrad.enter()) {
            int i = 0;
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                ByteBuffer bytes = ByteBuffer.wrap(values.get(i++)).order(ByteOrder.nativeOrder());
                try (NDArray source = array.getManager().create(bytes, array.getShape(), array.getDataType())) {
                    array.set(new NDIndex("..."), source);
                }
            }
        }
    }

    /** The values of every parameter of {@code state}, in order, each checked against {@code block}'s. */
    private static List<byte[]> read(Block block, byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int count = in.readInt();
            if (count != block.getParameters().size()) {
                throw new IllegalArgumentException("the saved state has " + count + " parameters, the model "
                        + block.getParameters().size());
            }
            List<byte[]> values = new ArrayList<>(count);
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                String name = in.readUTF();
                String type = in.readUTF();
                String shape = in.readUTF();
                if (!name.equals(pair.getKey()) || !type.equals(array.getDataType().name())
                        || !shape.equals(array.getShape().toString())) {
                    throw new IllegalArgumentException("saved parameter " + name + " " + type + shape
                            + " does not match the model's " + pair.getKey() + " " + array.getDataType()
                            + array.getShape());
                }
                long expected = array.size() * array.getDataType().getNumOfBytes();
                int length = in.readInt();
                if (length != expected) {
                    throw new IllegalArgumentException("saved parameter " + name + " has " + length
                            + " bytes, expected " + expected);
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                values.add(bytes);
            }
            return values;
        } catch (IOException e) {
            throw new IllegalArgumentException("the saved state is cut short or damaged: " + e, e);
        }
    }

    private static void requireInitialized(Block block) {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("block is not initialised: call Models.initialize first");
        }
    }
}
