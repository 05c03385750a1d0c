package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * DJL's sequential and residual containers, except that each intermediate array is closed as
 * soon as the next layer has consumed it, as Python frees a tensor when its last reference goes.
 * DJL keeps every intermediate until the step's manager closes, so each layer writes to memory
 * that is cold in the caches and the working set of a step is several hundred MB; releasing
 * them lets libtorch's allocator hand the next layer the buffer just freed (BENCHMARKS.md).
 *
 * <p>Closing a handle never frees what autograd needs: the graph holds its own references to
 * the tensors saved for the backward pass. The container's input (owned by the caller) and its
 * output are never closed. The classes keep DJL's simple names, {@code SequentialBlock} and
 * {@code ParallelBlock}, because DJL names child blocks (and so parameters and checkpoints)
 * after their classes' simple names.
 */
final class ReleasingBlocks {

    private ReleasingBlocks() {
    }

    /** Closes the arrays of {@code done} that are not (the same objects as) arrays of {@code keep} or {@code input}. */
    static void release(NDList done, NDList keep, NDList input) {
        for (NDArray array : done) {
            if (!containsSame(keep, array) && !containsSame(input, array)) {
                array.close();
            }
        }
    }

    private static boolean containsSame(NDList list, NDArray array) {
        for (NDArray a : list) {
            if (a == array) {
                return true;
            }
        }
        return false;
    }

    /** {@link ai.djl.nn.SequentialBlock} that closes each intermediate once the next child has run. */
    static class SequentialBlock extends ai.djl.nn.SequentialBlock {

        /**
         * Adds {@code block} as a child named {@code name} rather than after its class (DJL still
         * prefixes the position, {@code 01conv1}); {@link TorchNames} reads such names as PyTorch
         * module names.
         */
        SequentialBlock add(String name, Block block) {
            addChildBlock(name, block);
            return this;
        }

        /** Adds {@code block} named after its class, as DJL's (returning this type, for chaining). */
        @Override
        public SequentialBlock add(Block block) {
            super.add(block);
            return this;
        }

        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                PairList<String, Object> params) {
            if (isReturnIntermediate()) {
                return super.forwardInternal(parameterStore, inputs, training, params);
            }
            NDList current = inputs;
            for (Block block : getChildren().values()) {
                NDList next = block.forward(parameterStore, current, training, params);
                if (current != inputs) {
                    release(current, next, inputs);
                }
                current = next;
            }
            return current;
        }
    }

    /** How a {@link ParallelBlock} joins its two branches. */
    enum Join {
        /** {@code a + b}. */
        SUM,
        /** {@code relu(a + b)}. */
        SUM_RELU,
        /** {@code a · b}, broadcasting (squeeze-excitation: the input times its N×C×1×1 scale). */
        PRODUCT
    }

    /**
     * Two branches on the same input joined by {@link Join}: a {@link ai.djl.nn.ParallelBlock} whose
     * branch outputs and intermediate sum are closed once used.
     */
    static final class ParallelBlock extends ai.djl.nn.ParallelBlock {

        private final Join join;

        /** Branches named after their classes (as DJL's {@code ParallelBlock}). */
        ParallelBlock(Block first, Block second, Join join) {
            this(first.getClass().getSimpleName(), first, second.getClass().getSimpleName(), second, join);
        }

        /** Branches with the given child names (see {@link SequentialBlock#add(String, Block)}). */
        ParallelBlock(String firstName, Block first, String secondName, Block second, Join join) {
            super(branches -> combine(branches, join), List.of());
            addChildBlock(firstName, first);
            addChildBlock(secondName, second);
            this.join = join;
        }

        private static NDList combine(List<NDList> branches, Join join) {
            NDArray a = branches.get(0).singletonOrThrow();
            NDArray b = branches.get(1).singletonOrThrow();
            if (join == Join.PRODUCT) {
                return new NDList(a.mul(b));
            }
            NDArray sum = a.add(b);
            if (join == Join.SUM) {
                return new NDList(sum);
            }
            NDArray out = Activation.relu(sum);
            sum.close(); // ReLU's backward needs its output, not its input
            return new NDList(out);
        }

        /**
         * The first branch's output shape, which every {@link Join} keeps (the product broadcasts the
         * second branch's N×C×1×1 over it). DJL's version runs the join on zero arrays of the branch
         * shapes, which for a large network at 224×224 allocates gigabytes.
         */
        @Override
        public ai.djl.ndarray.types.Shape[] getOutputShapes(ai.djl.ndarray.types.Shape[] inputShapes) {
            return getChildren().values().get(0).getOutputShapes(inputShapes);
        }

        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                PairList<String, Object> params) {
            List<NDList> branches = new ArrayList<>(2);
            for (Block block : getChildren().values()) {
                branches.add(block.forward(parameterStore, inputs, training, params));
            }
            NDList out = combine(branches, join);
            for (NDList branch : branches) {
                release(branch, out, inputs);
            }
            return out;
        }
    }
}
