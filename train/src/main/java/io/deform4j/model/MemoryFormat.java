package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deform4j.engine.NoGrad;
import io.deform4j.naming.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the elements of a 4-D {@code N×C×H×W} array are laid out in memory, as PyTorch's
 * {@code torch.memory_format}: the shape and the values are the same in both, only the strides
 * differ, so every operation gives the same results up to the summation order of the kernels.
 *
 * <p>{@link #CHANNELS_LAST} is the default for training: with channels innermost, oneDNN runs
 * the convolutions on the arrays as they are, without reordering every activation to its
 * blocked layout and back, and batch norm and the element-wise operations take their vectorised
 * NHWC paths. On the benchmark machine this makes a ResNet-20 training step about 25 % faster
 * (BENCHMARKS.md); PyTorch gains the same from {@code model.to(memory_format=torch.channels_last)}.
 *
 * <p>DJL has no {@code to(memory_format)}: a channels-last array is built by permuting to
 * {@code N×H×W×C}, copying that contiguously and permuting back, which leaves an
 * {@code N×C×H×W} array with channels-last strides; {@code duplicate()} (PyTorch's {@code clone},
 * which preserves strides) then makes it an array of its own rather than a view.
 */
public enum MemoryFormat {
    /** Row-major {@code N×C×H×W} ({@code torch.contiguous_format}). */
    CONTIGUOUS("contiguous"),
    /** {@code N×H×W×C} in memory, shape still {@code N×C×H×W} ({@code torch.channels_last}). */
    CHANNELS_LAST("channels-last");

    /** The names {@link #parse} accepts. */
    public static final List<String> NAMES = Arrays.stream(values()).map(MemoryFormat::id).toList();

    private final String id;

    MemoryFormat(String id) {
        this.id = id;
    }

    /** The name used on the command line, in YAML and in {@code run.json}. */
    public String id() {
        return id;
    }

    /**
     * The format named {@code name} ({@code contiguous} or {@code channels-last}, case-insensitive).
     *
     * @throws IllegalArgumentException for any other name, suggesting the closest
     */
    public static MemoryFormat parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (MemoryFormat format : values()) {
            if (format.id.equals(key)) {
                return format;
            }
        }
        throw Suggestions.unknown("memory format", String.valueOf(name), NAMES);
    }

    /**
     * A new array with the values of the 4-D {@code array} laid out in this format, owned by
     * {@code array}'s manager, not a view and not attached to any autograd graph.
     *
     * @throws IllegalArgumentException if {@code array} is not 4-D
     */
    public NDArray copy(NDArray array) {
        long[] s = array.getShape().getShape();
        if (s.length != 4) {
            throw new IllegalArgumentException("a memory format applies to N×C×H×W arrays, got shape "
                    + array.getShape());
        }
        try (NoGrad noGrad = NoGrad.enter()) {
            if (this == CONTIGUOUS) {
                try (NDArray flat = array.flatten(); NDArray view = flat.reshape(s)) {
                    return view.duplicate();
                }
            }
            try (NDArray nhwcView = array.transpose(0, 2, 3, 1); NDArray flat = nhwcView.flatten();
                    NDArray nhwc = flat.reshape(s[0], s[2], s[3], s[1]); NDArray view = nhwc.transpose(0, 3, 1, 2)) {
                return view.duplicate();
            }
        }
    }

    /**
     * Lays out every 4-D parameter of {@code block} (the convolution weights) in this format, in
     * place, as PyTorch's {@code module.to(memory_format=...)}: each {@link Parameter} keeps its
     * NDArray object, values and gradient requirement; only the native tensor behind it is
     * replaced. Call before creating the optimizer's state, which follows the parameters' layout.
     */
    public void apply(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.getShape().dimension() == 4) {
                boolean requiresGradient = array.hasGradient();
                array.intern(copy(array));
                if (requiresGradient) {
                    array.setRequiresGradient(true);
                }
            }
        }
    }
}
