package org.dlbasis.spec.api;

import org.dlbasis.spec.error.EmptyInputException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Activation functions and their derivatives, element-wise over a tensor of any shape
 * (SPEC ACT-*). For finite inputs no result is NaN and nothing overflows; NaN inputs give NaN;
 * ±∞ inputs give the limits.
 */
public interface Activations {

    /**
     * g(z) element-wise; same shape as {@code z}.
     *
     * @param g the activation
     * @param z the pre-activations, of any shape
     * @return g of every entry, same shape as {@code z}
     */
    Tensor apply(Activation g, Tensor z);

    /**
     * g'(z) element-wise; same shape as {@code z}. At the kinks: ReLU'(0) = 0, Leaky ReLU'(0) = a,
     * ELU'(0) = 1 (SPEC ACT-6, ACT-8, ACT-10).
     *
     * @param g the activation
     * @param z the pre-activations, of any shape
     * @return g' of every entry, same shape as {@code z}
     */
    Tensor derivative(Activation g, Tensor z);

    /**
     * Maxout (N36): the maximum over the k linear pieces stacked along axis 0.
     *
     * @param pieces shape (k, ...), piece j holding w_jᵀx + b_j
     * @return shape (...), i.e. {@code pieces.shape[1:]}
     * @throws EmptyInputException if k = 0 or {@code pieces} is 0-d
     */
    Tensor maxout(Tensor pieces);

    /**
     * ∂maxout/∂pieces: shape (k, ...), 1 at the winning piece of every position and 0 elsewhere;
     * on a tie the lowest index wins (SPEC ACT-11).
     *
     * @param pieces shape (k, ...), piece j holding w_jᵀx + b_j
     * @return shape (k, ...), a one-hot choice of piece along axis 0
     * @throws EmptyInputException if k = 0 or {@code pieces} is 0-d
     */
    Tensor maxoutDerivative(Tensor pieces);
}
