package io.deform4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.deform4j.expression.Arithmetic;
import io.deform4j.expression.MathFunction;

/**
 * {@link Arithmetic} over DJL tensors, so that a mapping's formula ({@code vdm.apply}) becomes
 * a chain of engine operations that autograd differentiates: δ(ℓ) is applied to the loss
 * tensor where it lives, and no value is copied to the host.
 *
 * <p>Constants are 0-d tensors of the given data type created in {@code manager} (a per-step
 * sub-manager, so they are freed with the step's intermediates). Outside a function's domain
 * the engine's IEEE semantics apply (NaN, ±∞): callers check the domain on the host first
 * (see {@link DeformedLoss}).
 */
public final class NDArrayArithmetic implements Arithmetic<NDArray> {

    private final NDManager manager;
    private final DataType dataType;

    /** Arithmetic whose constants are float32 tensors in {@code manager}. */
    public NDArrayArithmetic(NDManager manager) {
        this(manager, DataType.FLOAT32);
    }

    /** Arithmetic whose constants are tensors of {@code dataType} in {@code manager}. */
    public NDArrayArithmetic(NDManager manager, DataType dataType) {
        this.manager = manager;
        this.dataType = dataType;
    }

    @Override
    public NDArray constant(double c) {
        return dataType == DataType.FLOAT32 ? manager.create((float) c) : manager.create(c).toType(dataType, false);
    }

    @Override
    public NDArray add(NDArray a, NDArray b) {
        return a.add(b);
    }

    @Override
    public NDArray subtract(NDArray a, NDArray b) {
        return a.sub(b);
    }

    @Override
    public NDArray multiply(NDArray a, NDArray b) {
        return a.mul(b);
    }

    @Override
    public NDArray divide(NDArray a, NDArray b) {
        return a.div(b);
    }

    @Override
    public NDArray negate(NDArray a) {
        return a.neg();
    }

    @Override
    public NDArray pow(NDArray base, double exponent) {
        return dataType == DataType.FLOAT32 ? base.pow((float) exponent) : base.pow(exponent);
    }

    @Override
    public NDArray pow(NDArray base, NDArray exponent) {
        return base.pow(exponent);
    }

    @Override
    public NDArray apply(MathFunction function, NDArray a) {
        return switch (function) {
            case ATAN -> a.atan();
            case LN, LOG -> a.log();
            case EXP -> a.exp();
            case SQRT -> a.sqrt();
            case TANH -> a.tanh();
            case SIN -> a.sin();
            case COS -> a.cos();
            case ABS -> a.abs();
        };
    }

    /** {@code c·a} as one scalar multiplication, without a constant tensor. */
    @Override
    public NDArray scale(double c, NDArray a) {
        return dataType == DataType.FLOAT32 ? a.mul((float) c) : a.mul(c);
    }
}
