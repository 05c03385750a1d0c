package io.deform4j.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PyTorch {@code state_dict} name of each parameter of a network, e.g.
 * {@code layer1.0.bn1.running_mean}, so that weights can be exchanged with PyTorch by name
 * ({@link TorchWeights}).
 *
 * <p>DJL names a child block {@code NNname}: its position and either a name given by the builder
 * ({@link ReleasingBlocks.SequentialBlock#add(String, Block)}) or, by default, its class's simple name.
 * A given name is a PyTorch module name (they are lower case or digits: {@code conv1}, {@code 0},
 * {@code se_module}) and becomes one component of the path; a class name (upper case:
 * {@code SequentialBlock}, {@code ParallelBlock}) is a container PyTorch does not have, such as the
 * main branch of a residual block, and adds nothing. Parameter names follow PyTorch's: batch norm's
 * γ, β and running statistics are {@code weight}, {@code bias}, {@code running_mean},
 * {@code running_var}; {@link RandomDrop}'s draw counter has no counterpart and no name.
 */
final class TorchNames {

    /** The models whose parameters carry PyTorch names, for messages. */
    static final String PYTORCH_NAMED = "efficientnet_b0/b1, se_resnext29_*, resnet18, resnet34 and preresnet18";

    private TorchNames() {
    }

    /** Every parameter of {@code block} (initialised) with a PyTorch counterpart, by PyTorch name, in block order. */
    static Map<String, Parameter> of(Block block) {
        Map<String, Parameter> names = new LinkedHashMap<>();
        visit(block, "", names);
        return names;
    }

    private static void visit(Block block, String prefix, Map<String, Parameter> names) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = parameterName(p.getKey());
            if (name != null && names.put(prefix + name, p.getValue()) != null) {
                // the CIFAR ResNets and PreResNets keep DJL's names, which their checkpoints record
                throw new IllegalArgumentException("this model's parameters have no PyTorch names (" + prefix + name
                        + " is not unique); PyTorch weights load into " + PYTORCH_NAMED);
            }
        }
        for (Pair<String, Block> child : block.getChildren()) {
            String name = child.getKey().substring(2); // DJL's two-digit position
            boolean container = name.isEmpty() || Character.isUpperCase(name.charAt(0));
            visit(child.getValue(), container ? prefix : prefix + name + ".", names);
        }
    }

    /** PyTorch's name of a DJL parameter, or null for deform4j's own state. */
    private static String parameterName(String djl) {
        return switch (djl) {
            case "weight", "gamma" -> "weight";
            case "bias", "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            case RandomDrop.DRAWS -> null;
            default -> throw new IllegalStateException("no PyTorch name for parameter " + djl);
        };
    }
}
