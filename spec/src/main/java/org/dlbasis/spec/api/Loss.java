package org.dlbasis.spec.api;

import org.dlbasis.spec.error.EmptyInputException;
import org.dlbasis.spec.error.InvalidLabelException;
import org.dlbasis.spec.error.NonFiniteInputException;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Binary cross-entropy (SPEC LOSS-*): L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ)) (N8) and the cost
 * J = (1/m) Σ L over the m columns (N11).
 *
 * <p>Predictions and labels have the same shape, (r, m) with m samples as columns; there is no
 * broadcasting between them (SPEC LOSS-6). Labels are exactly 0 or 1.
 *
 * @throws ShapeMismatchException if the shapes differ
 * @throws InvalidLabelException for a label other than 0 or 1, or ŷ outside [0, 1]
 * @throws NonFiniteInputException for NaN in ŷ, or a non-finite logit
 */
public interface Loss {

    /** L element-wise; L = 0 where ŷ = y exactly, +∞ where ŷ is certain and wrong (SPEC LOSS-2). */
    Tensor loss(Tensor yHat, Tensor y);

    /** L as a function of the logit z, ŷ = σ(z): max(z, 0) − z·y + log(1 + e^−|z|), finite for finite z. */
    Tensor lossFromLogits(Tensor z, Tensor y);

    /**
     * J = (1/m) Σ L, with m the number of columns (the last axis).
     *
     * @throws EmptyInputException if m = 0
     */
    double cost(Tensor yHat, Tensor y);

    /** J from logits; finite for finite z. @throws EmptyInputException if m = 0 */
    double costFromLogits(Tensor z, Tensor y);
}
