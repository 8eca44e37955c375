package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * The intermediate values of forward propagation that back propagation needs (N44; SPEC NET-2).
 *
 * @param z1 Z[1] = W[1] X + b[1], shape (n[1], m)
 * @param a1 A[1] = g[1](Z[1]), shape (n[1], m)
 * @param z2 Z[2] = W[2] A[1] + b[2], shape (n[2], m)
 * @param a2 A[2] = σ(Z[2]), shape (n[2], m)
 */
public record ForwardCache(Tensor z1, Tensor a1, Tensor z2, Tensor a2) {}
