package io.deform4j.landscape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a network's trainable parameters lie in one flat vector: tensors in the block's parameter
 * order, each row-major. Two checkpoints can be compared, interpolated or given the same random
 * direction exactly when their layouts are equal.
 *
 * @param tensors the tensors, in order
 */
public record Layout(List<Tensor> tensors) {

    /**
     * One parameter tensor of the layout.
     *
     * @param name   the parameter's name in the block (e.g. {@code 01Linear_weight})
     * @param offset where it starts in the flat vector
     * @param shape  its shape; the first dimension indexes output filters (rows of a linear layer)
     */
    public record Tensor(String name, int offset, long[] shape) {

        public Tensor {
            shape = shape.clone();
        }

        /** The number of entries. */
        public int size() {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            return Math.toIntExact(size);
        }

        /** Output filters: the first dimension for a tensor of two or more dimensions, 1 otherwise. */
        public int filters() {
            return shape.length >= 2 ? Math.toIntExact(shape[0]) : 1;
        }

        /** Whether this is a 1-D (or scalar) tensor: a bias, or batch norm's γ or β. */
        public boolean isVector() {
            return shape.length <= 1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.name.equals(name) && t.offset == offset && Arrays.equals(t.shape, shape);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    public Layout {
        tensors = List.copyOf(tensors);
    }

    /** A layout of tensors with these names and shapes, laid end to end. */
    public static Layout of(List<String> names, List<long[]> shapes) {
        List<Tensor> tensors = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < names.size(); i++) {
            Tensor t = new Tensor(names.get(i), offset, shapes.get(i));
            tensors.add(t);
            offset = Math.addExact(offset, t.size());
        }
        return new Layout(tensors);
    }

    /** The length of the flat vector. */
    public int dimension() {
        return tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).offset() + tensors.get(tensors.size() - 1).size();
    }

    /**
     * Checks that {@code other} has the same tensors (names and shapes); the message names the
     * first difference, so that a checkpoint of another architecture is a clear error.
     */
    public void requireSame(Layout other, String what) {
        int n = Math.min(tensors.size(), other.tensors.size());
        for (int i = 0; i < n; i++) {
            Tensor a = tensors.get(i);
            Tensor b = other.tensors.get(i);
            if (!Arrays.equals(a.shape(), b.shape())) {
                throw new IllegalArgumentException(what + ": parameter " + (i + 1) + " is " + b + ", expected " + a
                        + " (a checkpoint of another architecture?)");
            }
        }
        if (tensors.size() != other.tensors.size()) {
            throw new IllegalArgumentException(what + " has " + other.tensors.size() + " parameter tensors ("
                    + other.dimension() + " values), expected " + tensors.size() + " (" + dimension()
                    + " values; a checkpoint of another architecture?)");
        }
    }
}
