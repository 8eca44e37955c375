package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * Logistic-regression parameters (N6).
 *
 * @param w weights, shape (n, 1)
 * @param b bias, a scalar
 */
public record LogisticParameters(Tensor w, double b) {}
