package io.deform4j.model;

/**
 * The initialisation rules of a reference implementation; {@link Initialization} applies them with
 * the project's seeded random stream. Batch norm is always γ = 1, β = 0, running mean 0, variance 1.
 */
enum InitScheme {
    /**
     * CIFAR-ZOO (the paper's baselines): convolution weights {@code kaiming_normal_} with PyTorch's
     * defaults (fan_in, gain √2), N(0, 2 / fan_in); convolution biases (SE layers) and linear layers
     * keep PyTorch's default, U(±1/√fan_in).
     */
    CIFAR_ZOO(false, false, false),
    /**
     * torchvision's ResNets: {@code kaiming_normal_(mode="fan_out", nonlinearity="relu")},
     * N(0, 2 / fan_out) with fan_out = out·kh·kw; the linear layer keeps PyTorch's default.
     */
    TORCHVISION_RESNET(true, false, false),
    /**
     * torchvision's EfficientNets: convolutions as {@link #TORCHVISION_RESNET} with zero biases; linear
     * weights U(±1/√out_features), zero bias.
     */
    TORCHVISION_EFFICIENTNET(true, true, true);

    /** Kaiming normal over fan_out rather than fan_in. */
    final boolean convFanOut;
    /** Convolution biases zero rather than U(±1/√fan_in). */
    final boolean zeroConvBias;
    /** Linear weight U(±1/√out_features) and zero bias rather than U(±1/√fan_in) for both. */
    final boolean linearByOutFeatures;

    InitScheme(boolean convFanOut, boolean zeroConvBias, boolean linearByOutFeatures) {
        this.convFanOut = convFanOut;
        this.zeroConvBias = zeroConvBias;
        this.linearByOutFeatures = linearByOutFeatures;
    }
}
