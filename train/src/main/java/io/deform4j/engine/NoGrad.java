package io.deform4j.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Autograd off for a block, as {@code with torch.no_grad():}; closing restores the grad mode
 * the thread had (grad mode is per thread in libtorch).
 *
 * <pre>{@code
 * try (NoGrad ignored = NoGrad.enter()) {
 *     weight.set(new NDIndex("..."), values);   // in place, not recorded
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {

    private final boolean previous;

    private NoGrad(boolean previous) {
        this.previous = previous;
    }

    /** Turns autograd off on this thread until {@link #close}. */
    public static NoGrad enter() {
        NoGrad scope = new NoGrad(JniUtils.isGradMode());
        JniUtils.setGradMode(false);
        return scope;
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
