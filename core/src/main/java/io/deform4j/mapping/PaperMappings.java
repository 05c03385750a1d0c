package io.deform4j.mapping;

import java.util.List;

/** The mappings of the paper's tables, as printed, for defaults, examples and tests. */
public final class PaperMappings {

    /** Table 1: ResNet-20 on CIFAR-100 with various VDMs. */
    public static final List<String> TABLE_1 = List.of("0.5*l^2", "LE(1,0.60)", "LE(1,0.70)", "LE(1,0.90)",
            "LE(1,0.99)", "AP(5,1,2,1)", "AP(18/pi,1,2,1)", "AP(6,1,2,1)", "AP(10,1,2,1)");

    /** Table 2: the best VDM per model on CIFAR-10 and CIFAR-100. */
    public static final List<String> TABLE_2 = List.of("LE(1,0.99)", "AP(2,1,2,1)", "LE(1,0.9)", "AP(18/π,1,2,1)",
            "LE(1,0.8)", "AP(10,1,1,1)", "AP(1.5,0.7,1,0)", "LE(1,0.3)");

    /** Table 3: ImageNet; {@code LE(1,1.9)} is defined only for ℓ &gt; ln 1.9. */
    public static final List<String> TABLE_3 = List.of("LE(1,1.9)", "LE(1,0.5)", "LE(1,0.6)");

    private PaperMappings() {
    }
}
