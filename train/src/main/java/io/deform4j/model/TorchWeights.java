package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.deform4j.engine.NoGrad;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a PyTorch {@code state_dict} saved as {@code .npz} into a network, by PyTorch's names
 * ({@link TorchNames}): e.g. torchvision's pretrained weights, written in one line with
 * {@code numpy.savez(f, **{k: v.numpy() for k, v in model.state_dict().items()})}.
 *
 * <p>Every tensor of the model with a PyTorch name must be in the file with the same shape (batch
 * norm's running statistics included), and every tensor of the file must belong to the model,
 * except {@code num_batches_tracked}, which deform4j does not keep (it only matters for
 * {@code BatchNorm2d(momentum=None)}). Anything else is one {@link IllegalArgumentException} naming
 * each missing, unexpected and mis-shaped tensor; nothing is written unless everything fits. Values
 * of any numeric type are converted to the parameter's (float32) and copied in place, so the arrays
 * keep their gradients and memory layout, as {@link ModelState#load}.
 *
 * <p>The {@code .npz} (a zip of {@code .npy} files, plain or compressed) is read by DJL's
 * {@link NDList#decode(NDManager, InputStream)}, which names each array after its entry; it rejects
 * Fortran-ordered arrays, which {@code state_dict().numpy()} never gives.
 */
public final class TorchWeights {

    /** The suffix of the batch-norm counters deform4j does not keep. */
    static final String IGNORED_SUFFIX = "num_batches_tracked";

    private TorchWeights() {
    }

    /**
     * Copies the tensors of {@code file} into the initialised {@code block}.
     *
     * @throws IllegalArgumentException if the file cannot be read as {@code .npz}, or its tensors do
     *     not fit the model's (the message names each one)
     */
    public static void load(Block block, Path file) {
        copy(block, file, true);
    }

    /**
     * Writes the tensors of {@code block} to {@code file} under their PyTorch names, as
     * {@code numpy.savez} would: PyTorch reads them back with
     * {@code model.load_state_dict({k: torch.from_numpy(v) for k, v in numpy.load(f).items()}, strict=False)}
     * ({@code strict=False} because {@code num_batches_tracked} is absent).
     */
    public static void save(Block block, Path file) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList arrays = new NDList();
            for (Map.Entry<String, Parameter> e : TorchNames.of(block).entrySet()) {
                NDArray copy = e.getValue().getArray().duplicate();
                copy.attach(manager);
                copy.setName(e.getKey());
                arrays.add(copy);
            }
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                arrays.encode(out, NDList.Encoding.NPZ);
            }
        }
    }

    /** As {@link #load}, but writes nothing: only checks that the file fits. */
    public static void check(Block block, Path file) {
        copy(block, file, false);
    }

    private static void copy(Block block, Path file, boolean write) {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("block is not initialised: call Models.initialize first");
        }
        Map<String, Parameter> expected = TorchNames.of(block);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> found = read(manager, file);
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Parameter> e : expected.entrySet()) {
                NDArray value = found.get(e.getKey());
                NDArray target = e.getValue().getArray();
                if (value == null) {
                    problems.add("missing " + e.getKey() + " " + target.getShape());
                } else if (!value.getShape().equals(target.getShape())) {
                    problems.add("shape of " + e.getKey() + ": " + value.getShape() + " in the file, "
                            + target.getShape() + " in the model");
                }
            }
            for (String name : found.keySet()) {
                if (!expected.containsKey(name) && !name.endsWith(IGNORED_SUFFIX)) {
                    problems.add("unexpected " + name + " " + found.get(name).getShape());
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(file + " does not fit the model (" + problems.size()
                        + " problems): " + String.join("; ", problems));
            }
            if (!write) {
                return;
            }
            try (NoGrad noGrad = NoGrad.enter()) {
                for (Map.Entry<String, Parameter> e : expected.entrySet()) {
                    NDArray target = e.getValue().getArray();
                    NDArray source = found.get(e.getKey()).toType(target.getDataType(), false);
                    target.set(new NDIndex("..."), source);
                }
            }
        }
    }

    /** The arrays of an {@code .npz} file by name, on {@code manager}. */
    static Map<String, NDArray> read(NDManager manager, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file + " (a PyTorch state_dict saved with numpy.savez)");
        }
        NDList arrays;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            arrays = NDList.decode(manager, in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + " as .npz (numpy.savez of a state_dict): "
                    + e.getMessage(), e);
        }
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray array : arrays) {
            byName.put(array.getName(), array);
        }
        return byName;
    }
}
