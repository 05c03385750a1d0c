package io.deform4j.train;

import ai.djl.nn.ParameterList;
import io.deform4j.optim.tensor.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** An optimizer's state as the bytes of a checkpoint. */
final class OptimizerState {

    private OptimizerState() {
    }

    static byte[] save(Optimizer optimizer) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                optimizer.saveState(out);
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void load(Optimizer optimizer, byte[] state, ParameterList params) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            optimizer.loadState(in, params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
