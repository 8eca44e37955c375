package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * Parameters of a two-layer network (N52, N57; SPEC NET-1).
 *
 * @param w1 W[1], shape (n[1], n[0])
 * @param b1 b[1], shape (n[1], 1)
 * @param w2 W[2], shape (n[2], n[1])
 * @param b2 b[2], shape (n[2], 1)
 */
public record NetworkParameters(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {

    /**
     * The layer sizes these shapes describe (no validation: see the network's methods).
     *
     * @return n[0] from W1's columns, n[1] from W1's rows, n[2] from W2's rows
     */
    public LayerSizes sizes() {
        return new LayerSizes(w1.shape().dim(1), w1.shape().dim(0), w2.shape().dim(0));
    }
}
