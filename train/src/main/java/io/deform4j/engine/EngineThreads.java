package io.deform4j.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * CPU threads of the PyTorch engine. The system properties {@code ai.djl.pytorch.num_threads}
 * and {@code ai.djl.pytorch.num_interop_threads} only count before the engine loads, so they
 * are set first; {@code torch.set_num_threads} is then applied to the loaded engine as well,
 * which works at any time (the inter-op pool cannot change once used).
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** Uses {@code threads} intra-op threads and one inter-op thread. */
    public static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }
}
