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

    /**
     * The cores this JVM may run on: {@link Runtime#availableProcessors}, which follows
     * {@code taskset}, cgroup CPU limits of containers and SLURM's allocation, and which
     * {@code -XX:ActiveProcessorCount=N} sets by hand where the JVM counts wrong.
     */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Refuses more engine threads than {@link #cores}. PyTorch's intra-op threads (OpenMP) spin
     * while they wait for each other; with more of them than cores they wait on threads that are
     * not running, and a step takes tens to hundreds of times longer (999 threads on 2 cores: 71 s
     * for an epoch of under a second), so this is never what a user wants.
     *
     * @param setting the option or key that gave {@code threads}, as the message should name it
     * @throws IllegalArgumentException naming the setting, the value and the cores
     */
    public static void checkFits(String setting, int threads) {
        int cores = cores();
        if (threads > cores) {
            throw new IllegalArgumentException(setting + " " + threads + ": more engine threads than the " + cores
                    + " core" + (cores == 1 ? "" : "s") + " this machine gives Java; threads beyond the cores wait on "
                    + "each other and make every step many times slower; use at most " + cores);
        }
    }

    /**
     * Uses {@code threads} intra-op threads and one inter-op thread.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1 or above {@link #cores}
     */
    public static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        checkFits("threads", threads);
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }
}
