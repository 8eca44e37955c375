package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * One affine map X ↦ W X + b: what a two-layer network with a linear hidden layer collapses to
 * (N42, N43; SPEC NET-4).
 *
 * @param w W = W[2]W[1], shape (n[2], n[0])
 * @param b b = W[2]b[1] + b[2], shape (n[2], 1)
 */
public record AffineMap(Tensor w, Tensor b) {}
