package io.deform4j.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The softmax cross-entropy of the paper's training loss ℓ, as PyTorch's
 * {@code F.cross_entropy(logits, labels)} with its default {@code reduction='mean'}:
 *
 * <pre>
 *   ℓ = (1/N) Σᵢ −log softmax(zᵢ)[yᵢ]        (natural log; zᵢ the logits of example i)
 * </pre>
 *
 * <p>One formula for every caller: the training step (ℓ before δ), the evaluation of a network on
 * a data set, and the landscape's gradients. It is computed in the logits' data type, with
 * {@code log_softmax} (which subtracts the largest logit first, so large logits do not overflow).
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * The batch mean of the cross-entropy of {@code logits} ({@code N×classes}) against
     * {@code labels} (class indices, {@code N}, any integer type): a 0-d tensor of the logits'
     * type, differentiable when the logits are.
     */
    public static NDArray mean(NDArray logits, NDArray labels) {
        NDArray index = labels.getDataType() == DataType.INT64 ? labels : labels.toType(DataType.INT64, false);
        return logits.logSoftmax(1).gather(index.reshape(-1, 1), 1).mean().neg();
    }
}
