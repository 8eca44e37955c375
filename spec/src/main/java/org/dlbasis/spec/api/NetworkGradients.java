package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * Gradients of J with respect to each parameter (N45–N50; SPEC BACKPROP-*). Each has the shape
 * of its parameter (SPEC DIM-2).
 *
 * @param dw1 (1/m) dZ[1] Xᵀ, shape (n[1], n[0])
 * @param db1 (1/m) Σ_columns dZ[1], shape (n[1], 1)
 * @param dw2 (1/m) dZ[2] A[1]ᵀ, shape (n[2], n[1])
 * @param db2 (1/m) Σ_columns dZ[2], shape (n[2], 1)
 */
public record NetworkGradients(Tensor dw1, Tensor db1, Tensor dw2, Tensor db2) {}
