package io.deform4j.model;

import ai.djl.nn.Block;

/** Builds one registered model for a number of classes and input channels. */
@FunctionalInterface
interface ModelFactory {

    /** A fresh, un-initialised block; arguments are already validated by the registry. */
    Block create(int classes, int inputChannels);

    /** A registered model: what it is and how to build it. */
    record Entry(ModelInfo info, ModelFactory factory) {
    }
}
