package io.deform4j.model;

/**
 * A whole registered network: a {@link ReleasingBlocks.SequentialBlock} that also says by which
 * reference's rules it is initialised ({@link Initialization}). Networks built as a plain sequential
 * block follow {@link InitScheme#CIFAR_ZOO}.
 */
final class Network extends ReleasingBlocks.SequentialBlock {

    private final InitScheme scheme;

    Network(InitScheme scheme) {
        this.scheme = scheme;
    }

    InitScheme scheme() {
        return scheme;
    }
}
