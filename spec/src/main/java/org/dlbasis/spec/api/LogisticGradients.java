package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * ∂J/∂w and ∂J/∂b of logistic regression (SPEC LR-3).
 *
 * @param dw shape (n, 1): (1/m) X (A − Y)ᵀ
 * @param db scalar: (1/m) Σ (A − Y)
 */
public record LogisticGradients(Tensor dw, double db) {}
