package io.deform4j.model;

/** Keeps the engine tests on one intra-op and one inter-op thread (set before the engine loads). */
final class EngineThreads {

    private EngineThreads() {
    }

    static void single() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
