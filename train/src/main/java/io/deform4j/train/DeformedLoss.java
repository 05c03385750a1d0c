package io.deform4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.mapping.Vdm;
import java.util.Objects;

/**
 * The deformed training loss of Algorithm 1: a vertical deformation mapping δ applied to the
 * batch-mean softmax cross-entropy ({@link CrossEntropy}),
 *
 * <pre>
 *   ℓ  = (1/N) Σᵢ −log softmax(zᵢ)[yᵢ]      (reduction: mean over the N examples of the batch)
 *   ℓ̌  = δ(ℓ)                               (one scalar per batch)
 *   ∇ℓ̌ = δ'(ℓ)·∇ℓ                           (chain rule; Theorem 1 of the paper)
 * </pre>
 *
 * <p>δ acts on the batch mean, not on each example: {@code δ(mean(ce)) ≠ mean(δ(ce))} for a
 * non-linear δ, and the paper deforms the batch loss. δ is applied with tensor operations
 * ({@link Vdm#apply} over {@link NDArrayArithmetic}), so autograd yields the deformed gradient
 * and nothing is copied to the host. Weight decay is not part of this loss: it stays in the
 * optimizer, unscaled by δ' (docs/architecture.md, "Deformation and weight decay").
 *
 * <p>Outside the mapping's domain (e.g. {@code LE(1,1.9)} once ℓ ≤ ln 1.9) the tensor result
 * is NaN; {@link #checkDomain(double)} raises the mappings library's
 * {@link io.deform4j.expression.OutsideDomainException} instead, and the training loop calls
 * it with the host value of ℓ before any update.
 */
public final class DeformedLoss extends Loss {

    private final Vdm vdm;
    private final boolean identity;

    /** The loss δ(mean cross-entropy) for {@code vdm}; {@link Vdm#original()} gives plain cross-entropy. */
    public DeformedLoss(Vdm vdm) {
        super("deformed " + Objects.requireNonNull(vdm, "vdm"));
        this.vdm = vdm;
        this.identity = vdm.equals(Vdm.original());
    }

    /** The mapping δ. */
    public Vdm vdm() {
        return vdm;
    }

    /**
     * δ(mean cross-entropy) of {@code predictions} (logits, {@code N×classes}) against
     * {@code labels} (class indices, {@code N}): a 0-d tensor.
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return deform(CrossEntropy.mean(predictions.singletonOrThrow(), labels.singletonOrThrow()));
    }

    /** δ(ℓ) as tensor operations on the 0-d tensor {@code meanLoss}. */
    public NDArray deform(NDArray meanLoss) {
        if (identity) {
            return meanLoss;
        }
        return vdm.apply(meanLoss, new NDArrayArithmetic(meanLoss.getManager(), meanLoss.getDataType()));
    }

    /**
     * Throws the mapping's {@link io.deform4j.expression.OutsideDomainException} when δ is not
     * defined at {@code loss} (for every kind of mapping, user expressions included: the checked
     * evaluation of δ is the test), and an {@link ArithmeticException} when {@code loss} is NaN
     * or infinite.
     */
    public void checkDomain(double loss) {
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("the loss is " + loss);
        }
        vdm.value(loss);
    }
}
