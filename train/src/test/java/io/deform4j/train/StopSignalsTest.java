package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Real signals raised in this JVM. Each signal first gets a counting handler of the test's own,
 * so that no signal ever reaches the JVM's default (which would end the test run).
 */
class StopSignalsTest {

    @Test
    void eachSignalRaisesTheFlagOnceInstalledAndReachesThePreviousHandlerAgainOnceClosed() throws Exception {
        for (String name : StopSignals.NAMES) {
            Signal signal = new Signal(name);
            AtomicInteger outer = new AtomicInteger();
            SignalHandler original = Signal.handle(signal, s -> outer.incrementAndGet());
            try {
                StopSignals stop = StopSignals.install();
                assertFalse(stop.requested());
                Signal.raise(signal);
                await(stop::requested, name);
                assertEquals("SIG" + name, stop.reason());
                stop.close();
                stop.close();
                Signal.raise(signal);
                await(() -> outer.get() == 1, name + " back at the previous handler");
                assertEquals(1, outer.get(), name + " reached the previous handler only after close");
                assertTrue(stop.requested());
            } finally {
                Signal.handle(signal, original);
            }
        }
    }

    @Test
    void theFirstReasonIsKept() {
        StopSignals stop = StopSignals.none();
        assertFalse(stop.requested());
        stop.request("SIGUSR1");
        stop.request("SIGTERM");
        assertTrue(stop.requested());
        assertEquals("SIGUSR1", stop.reason());
    }

    /** Signal handlers run on a thread of their own: waits up to 5 s for {@code condition}. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }
}
