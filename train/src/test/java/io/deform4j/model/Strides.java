package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Whether an array is row-major contiguous, from libtorch's {@code is_contiguous()}: DJL
 * reaches it only through its package-private JNI class, so tests read it by reflection (the
 * product never needs to ask).
 */
public final class Strides {

    private Strides() {
    }

    public static boolean isContiguous(NDArray array) {
        try {
            Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            Field instance = library.getDeclaredField("LIB");
            instance.setAccessible(true);
            Method method = library.getDeclaredMethod("torchIsContiguous", long.class);
            method.setAccessible(true);
            return (boolean) method.invoke(instance.get(null), ((PtNDArray) array).getHandle());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask libtorch for contiguity", e);
        }
    }
}
