package io.deform4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deform4j.model.NoGrad;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A model's parameters (batch-norm running statistics included) as bytes, restored <em>in
 * place</em>: the arrays keep their identity and their attached gradients, which DJL's
 * {@code Block.loadParameters} (it replaces each array) would not. Values are copied bit for
 * bit, element by element, so each array also keeps its memory layout
 * ({@link io.deform4j.model.MemoryFormat}).
 */
final class ModelState {

    private ModelState() {
    }

    static byte[] save(Block block) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(block.getParameters().size());
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                out.writeUTF(pair.getKey());
                out.writeUTF(array.getDataType().name());
                out.writeUTF(array.getShape().toString());
                byte[] bytes = array.toByteArray();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void load(Block block, byte[] state) {
        // in-place writes into parameters that require a gradient
        try (NoGrad noGrad = NoGrad.enter();
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int count = in.readInt();
            if (count != block.getParameters().size()) {
                throw new IllegalArgumentException("checkpoint has " + count + " parameters, the model "
                        + block.getParameters().size());
            }
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                String name = in.readUTF();
                String type = in.readUTF();
                String shape = in.readUTF();
                if (!name.equals(pair.getKey()) || !type.equals(array.getDataType().name())
                        || !shape.equals(array.getShape().toString())) {
                    throw new IllegalArgumentException("checkpoint parameter " + name + " " + type + shape
                            + " does not match the model's " + pair.getKey() + " " + array.getDataType()
                            + array.getShape());
                }
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                try (NDArray source = array.getManager().create(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()),
                        array.getShape(), array.getDataType())) {
                    array.set(new NDIndex("..."), source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
