package io.deform4j.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * An array's values on the host, in row-major order, whatever its device and memory layout. DJL
 * copies an array that is on a GPU, or laid out channels-last, into a new array before reading
 * it, and attaches that copy to the array's own manager, where it stays until the manager
 * closes: for a model's parameters, the whole run. Here the copy lives in a scratch manager that is
 * closed at once, so checkpoints written every epoch of a GPU run take no host memory with them.
 */
public final class HostCopies {

    private HostCopies() {
    }

    /** The values' bytes in native byte order (what {@code NDArray.toByteArray} gives). */
    public static byte[] bytes(NDArray array) {
        try (NDManager scratch = array.getManager().newSubManager(Device.cpu())) {
            return onHost(array, scratch).toByteArray();
        }
    }

    /** The values of a float32 array. */
    public static float[] floats(NDArray array) {
        try (NDManager scratch = array.getManager().newSubManager(Device.cpu())) {
            return onHost(array, scratch).toFloatArray();
        }
    }

    /** The values of a float64 array. */
    public static double[] doubles(NDArray array) {
        try (NDManager scratch = array.getManager().newSubManager(Device.cpu())) {
            return onHost(array, scratch).toDoubleArray();
        }
    }

    /** A copy of {@code array} on the CPU, owned by {@code scratch} (as are the copies DJL makes of it when read). */
    private static NDArray onHost(NDArray array, NDManager scratch) {
        NDArray host = array.toDevice(Device.cpu(), true);
        host.attach(scratch);
        return host;
    }
}
