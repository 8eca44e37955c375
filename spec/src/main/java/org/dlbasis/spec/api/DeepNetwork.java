package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * An L-layer network, [LINEAR → g] × (L − 1) → LINEAR → SIGMOID (SPEC DEEP-*): the two-layer
 * network's formulas repeated layer by layer, with one element-wise activation g for every hidden
 * layer, a sigmoid output and the binary cross-entropy cost J = (1/m) Σ L over all n[L] × m
 * outputs. X is (n[0], m), Y is (n[L], m); W[l] is (n[l], n[l−1]) and b[l] is (n[l], 1) for
 * l = 1 … L, L ≥ 1. With L = 2 it is {@link TwoLayerNetwork}, with L = 1 and one output
 * {@link LogisticRegression} (SPEC DEEP-13).
 *
 * <p>Inputs are validated as for {@link TwoLayerNetwork}, in the same order and with the same
 * error kinds (SPEC DEEP-5): X a finite matrix with m ≥ 1 columns; every W[l] of rank 2, then W[l]
 * and b[l] layer by layer against n[0] (from X) and n[l] (from W[l]'s rows), then their values;
 * then the cache and the labels. Shape errors name the argument by its layer, in the message of
 * {@link org.dlbasis.spec.error.Messages#expectedShape}: {@code W3 must have shape (4,5), found (5,4)}.
 */
public interface DeepNetwork {

    /**
     * W[l] = N(0,1)·scale from the seed, b[l] = zeros((n[l], 1)) for every layer (N54, N57;
     * SPEC DEEP-8).
     *
     * @param layerSizes n[0], n[1], …, n[L]: at least two sizes (L ≥ 1), each ≥ 1
     * @param init the scale of the weights and the seed
     * @return W[l] (n[l], n[l−1]) and b[l] (n[l], 1), l = 1 … L
     * @throws org.dlbasis.spec.error.InvalidArgumentException for fewer than two sizes or a size
     *     below 1 (SPEC DEEP-1, ERR-3)
     */
    DeepParameters initialize(int[] layerSizes, Initialization init);

    /**
     * A[0] = X; Z[l] = W[l] A[l−1] + b[l]; A[l] = g(Z[l]) for l &lt; L, A[L] = σ(Z[L]) (N44;
     * SPEC DEEP-2).
     *
     * @param p the parameters
     * @param x the samples X, shape (n[0], m), as columns
     * @param hidden the activation g of every hidden layer (unused when L = 1)
     * @return Z[l] and A[l], shape (n[l], m), for l = 1 … L
     * @throws org.dlbasis.spec.error.ShapeMismatchException for X not a matrix or a parameter of
     *     the wrong shape, named by layer ({@code b2 must have shape (5,1), found (5,)})
     * @throws org.dlbasis.spec.error.EmptyInputException for m = 0
     * @throws org.dlbasis.spec.error.NonFiniteInputException for a NaN or ±∞ in X or a parameter
     */
    DeepCache forward(DeepParameters p, Tensor x, Activation hidden);

    /**
     * J = (1/m) Σ L(A[L], Y), computed from Z[L] so that it is finite (SPEC DEEP-3).
     *
     * @param p the parameters
     * @param x the samples X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m), each 0 or 1
     * @param hidden the activation g of every hidden layer
     * @return the cost J
     * @throws org.dlbasis.spec.error.SpecException as {@link #forward}, then for Y of another
     *     shape (SHAPE_MISMATCH) or a label that is not 0 or 1 (INVALID_LABEL)
     */
    double cost(DeepParameters p, Tensor x, Tensor y, Activation hidden);

    /**
     * dZ[L] = A[L] − Y; then for l = L … 1: dW[l] = (1/m) dZ[l] A[l−1]ᵀ,
     * db[l] = (1/m) Σ dZ[l] (axis 1, keepdims), and for l &gt; 1 dA[l−1] = W[l]ᵀ dZ[l],
     * dZ[l−1] = dA[l−1] * g'(Z[l−1]) (N45–N50; SPEC DEEP-4), with A[0] = X.
     *
     * @param p the parameters the cache was computed with
     * @param cache the result of {@link #forward} for {@code p}, {@code x} and {@code hidden}
     * @param x the samples X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m)
     * @param hidden the activation g of every hidden layer
     * @return dW[l], db[l] for l = 1 … L, each of its parameter's shape (SPEC DEEP-5)
     * @throws org.dlbasis.spec.error.SpecException as {@link #cost}; and SHAPE_MISMATCH for a cache
     *     of another number of layers or a Z[l], A[l] that is not (n[l], m) ({@code A2 must have
     *     shape (5,8), found (5,7)}), checked before Y
     */
    DeepGradients backward(DeepParameters p, DeepCache cache, Tensor x, Tensor y, Activation hidden);

    /**
     * θ := θ − α dθ for each W[l] and b[l] (N13; SPEC DEEP-11).
     *
     * @param p the parameters before the step
     * @param g the gradients to follow, one per parameter, each of its parameter's shape
     * @param learningRate α, finite and &gt; 0
     * @return the parameters after the step
     * @throws org.dlbasis.spec.error.InvalidArgumentException for α not finite and positive
     * @throws org.dlbasis.spec.error.ShapeMismatchException for gradients of another number of
     *     layers, or a gradient of another shape than its parameter
     *     ({@code dW2 must have shape (4,5), found (5,4)})
     * @throws org.dlbasis.spec.error.NonFiniteInputException for a NaN or ±∞ in a gradient
     */
    DeepParameters step(DeepParameters p, DeepGradients g, double learningRate);

    /**
     * {@code iterations} steps of batch gradient descent, each
     * {@code step(θ, backward(θ, forward(θ)), α)}; costs has iterations + 1 entries (SPEC DEEP-12).
     *
     * @param p the parameters to start from
     * @param x the samples X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m)
     * @param hidden the activation g of every hidden layer
     * @param learningRate α, finite and &gt; 0
     * @param iterations the number of steps k, ≥ 0
     * @return the parameters after k steps and the k + 1 costs J(θ₀), …, J(θₖ)
     * @throws org.dlbasis.spec.error.InvalidArgumentException for α not finite and positive or
     *     k &lt; 0, checked first; then as {@link #cost}
     */
    Training<DeepParameters> train(
            DeepParameters p, Tensor x, Tensor y, Activation hidden, double learningRate, int iterations);
}
