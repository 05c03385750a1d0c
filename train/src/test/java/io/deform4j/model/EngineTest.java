package io.deform4j.model;

import ai.djl.ndarray.NDManager;
import io.deform4j.engine.EngineThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class that runs the engine: one intra-op thread, one base manager for the whole class. */
abstract class EngineTest {

    /** Freed after the class's last test; a test works in a sub-manager of it. */
    static NDManager manager;

    @BeforeAll
    static void startEngine() {
        EngineThreads.configure(1);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }
}
