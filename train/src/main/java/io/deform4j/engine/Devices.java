package io.deform4j.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the engine computes: the {@code device} setting ({@code auto}, {@code cpu}, {@code gpu},
 * {@code gpu:N}) and the DJL {@link Device} it resolves to on this machine.
 *
 * <p>{@link #check} reads the setting's text alone and never loads the engine, so a configuration
 * can be validated (and a {@code run.json} read) anywhere; {@link #resolve} asks the loaded
 * engine how many GPUs it sees. {@code auto} is the first GPU when there is one, else the CPU.
 * A GPU that the engine does not see is an {@link IllegalArgumentException} (exit status 2), never
 * a silent fall-back to the CPU: the CPU build of libtorch, which deform4j ships by default, sees
 * none (README, "Training on a GPU").
 *
 * <p>Arrays follow their {@code NDManager}: a base manager made with {@link #resolve}'s device
 * puts the model, the optimizer's state and every batch there. A base manager made without one
 * takes DJL's default device, which is the first GPU whenever the engine sees one, so every
 * manager that holds a model names its device explicitly.
 */
public final class Devices {

    /** The setting's default: the first GPU when the engine sees one, else the CPU. */
    public static final String AUTO = "auto";

    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d{1,4}))?");

    private Devices() {
    }

    /**
     * The setting {@code spec} in its one spelling (lower case), checked for its form only.
     *
     * @throws IllegalArgumentException unless it is {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     */
    public static String check(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals(AUTO) || s.equals("cpu") || GPU.matcher(s).matches()) {
            return s;
        }
        throw new IllegalArgumentException("invalid device: " + spec + " (expected auto, cpu, gpu or gpu:N, "
                + "e.g. gpu:0)");
    }

    /**
     * The device of {@code spec} on this machine, loading the PyTorch engine (set its threads first,
     * {@link EngineThreads#configure}: some of them count only before it loads).
     *
     * @throws IllegalArgumentException for a malformed setting or a GPU the engine does not see
     */
    public static Device resolve(String spec) {
        return resolve(spec, Engine.getEngine("PyTorch").getGpuCount());
    }

    /** The device of {@code spec} where the engine sees {@code gpus} GPUs. */
    public static Device resolve(String spec, int gpus) {
        String s = check(spec);
        if (s.equals(AUTO)) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        Matcher m = GPU.matcher(s);
        if (!m.matches()) {
            throw new IllegalStateException("checked above: " + s);
        }
        int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        if (gpus == 0) {
            throw new IllegalArgumentException("device " + s + " is not available: the PyTorch engine sees no GPU "
                    + "(the CPU build of libtorch is loaded, or no CUDA device is visible); use --device cpu or "
                    + "auto, or see the README, 'Training on a GPU'");
        }
        if (index >= gpus) {
            throw new IllegalArgumentException("device " + s + " is not available: the PyTorch engine sees "
                    + gpus + " GPU(s), gpu:0 to gpu:" + (gpus - 1));
        }
        return Device.gpu(index);
    }

    /** The device as the setting writes it and {@code run.json} records it: {@code cpu} or {@code gpu:N}. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
