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
 * <p>Every method checks its inputs: {@link ShapeMismatchException} if the shapes differ,
 * {@link InvalidLabelException} for a label other than 0 or 1 or a ŷ outside [0, 1], and
 * {@link NonFiniteInputException} for NaN in ŷ or a non-finite logit.
 */
public interface Loss {

    /**
     * L element-wise; L = 0 where ŷ = y exactly, +∞ where ŷ is certain and wrong (SPEC LOSS-2).
     *
     * @param yHat the predictions ŷ, each in [0, 1]
     * @param y the labels, each 0 or 1, of the same shape as {@code yHat}
     * @return L(ŷ, y) for every entry, of that same shape
     * @throws ShapeMismatchException if the shapes differ
     * @throws InvalidLabelException for a label other than 0 or 1, or ŷ outside [0, 1]
     * @throws NonFiniteInputException for NaN in ŷ
     */
    Tensor loss(Tensor yHat, Tensor y);

    /**
     * L as a function of the logit z, ŷ = σ(z): max(z, 0) − z·y + log(1 + e^−|z|), finite for
     * finite z (SPEC LOSS-4).
     *
     * @param z the logits, each finite
     * @param y the labels, each 0 or 1, of the same shape as {@code z}
     * @return L(σ(z), y) for every entry, of that same shape
     * @throws ShapeMismatchException if the shapes differ
     * @throws InvalidLabelException for a label other than 0 or 1
     * @throws NonFiniteInputException for a non-finite logit
     */
    Tensor lossFromLogits(Tensor z, Tensor y);

    /**
     * J = (1/m) Σ L, with m the number of columns (the last axis) (SPEC LOSS-5).
     *
     * @param yHat the predictions ŷ, shape (r, m), each in [0, 1]
     * @param y the labels, each 0 or 1, of the same shape
     * @return the sum of L over all r·m entries, divided by m
     * @throws ShapeMismatchException if the shapes differ or are not of rank 2
     * @throws EmptyInputException if m = 0
     * @throws InvalidLabelException for a label other than 0 or 1, or ŷ outside [0, 1]
     * @throws NonFiniteInputException for NaN in ŷ
     */
    double cost(Tensor yHat, Tensor y);

    /**
     * J from logits; finite for finite z (SPEC LOSS-4, LOSS-5).
     *
     * @param z the logits, shape (r, m), each finite
     * @param y the labels, each 0 or 1, of the same shape
     * @return the sum of L(σ(z), y) over all r·m entries, divided by m
     * @throws ShapeMismatchException if the shapes differ or are not of rank 2
     * @throws EmptyInputException if m = 0
     * @throws InvalidLabelException for a label other than 0 or 1
     * @throws NonFiniteInputException for a non-finite logit
     */
    double costFromLogits(Tensor z, Tensor y);
}
