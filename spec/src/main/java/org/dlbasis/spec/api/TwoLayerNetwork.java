package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * A two-layer network (SPEC NET-*, BACKPROP-*, DIM-*, INIT-*): any element-wise hidden activation
 * g[1], a sigmoid output, binary cross-entropy cost J = (1/m) Σ L over all n[2] × m outputs.
 * X is (n[0], m), Y is (n[2], m). Inputs are validated as for {@link LogisticRegression}.
 */
public interface TwoLayerNetwork {

    /**
     * W[l] = N(0,1)·scale from the seed, b[l] = zeros((n[l], 1)) (N54, N57; SPEC INIT-1).
     *
     * @param sizes n[0], n[1] and n[2]
     * @param init the scale of the weights and the seed
     * @return W1 (n[1], n[0]), b1 (n[1], 1), W2 (n[2], n[1]), b2 (n[2], 1)
     */
    NetworkParameters initialize(LayerSizes sizes, Initialization init);

    /**
     * Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2) (N44; SPEC NET-2).
     *
     * @param p the parameters
     * @param x the samples X, shape (n[0], m), as columns
     * @param hidden the hidden activation g[1]
     * @return Z1 and A1, shape (n[1], m), Z2 and A2, shape (n[2], m)
     */
    ForwardCache forward(NetworkParameters p, Tensor x, Activation hidden);

    /**
     * J = (1/m) Σ L(A2, Y), computed from Z2 so it is finite (SPEC NET-3).
     *
     * @param p the parameters
     * @param x the samples X, shape (n[0], m)
     * @param y the labels Y, shape (n[2], m)
     * @param hidden the hidden activation g[1]
     * @return the cost J
     */
    double cost(NetworkParameters p, Tensor x, Tensor y, Activation hidden);

    /**
     * dZ2 = A2 − Y; dW2 = (1/m) dZ2 A1ᵀ; db2 = (1/m) Σ dZ2 (axis 1, keepdims);
     * dZ1 = W2ᵀ dZ2 * g'(Z1); dW1 = (1/m) dZ1 Xᵀ; db1 = (1/m) Σ dZ1 (axis 1, keepdims) (N45–N50).
     *
     * @param p the parameters the cache was computed with
     * @param cache the result of {@link #forward} for {@code p}, {@code x} and {@code hidden}
     * @param x the samples X, shape (n[0], m)
     * @param y the labels Y, shape (n[2], m)
     * @param hidden the hidden activation g[1]
     * @return dW1, db1, dW2, db2, each of its parameter's shape (SPEC DIM-2)
     */
    NetworkGradients backward(NetworkParameters p, ForwardCache cache, Tensor x, Tensor y, Activation hidden);

    /**
     * θ := θ − α dθ for each of W1, b1, W2, b2 (N13; SPEC GD-1).
     *
     * @param p the parameters before the step
     * @param g the gradients to follow, each of its parameter's shape
     * @param learningRate α, finite and &gt; 0
     * @return the parameters after the step
     */
    NetworkParameters step(NetworkParameters p, NetworkGradients g, double learningRate);

    /**
     * {@code iterations} steps of batch gradient descent; costs has iterations + 1 entries
     * (SPEC GD-5).
     *
     * @param p the parameters to start from
     * @param x the samples X, shape (n[0], m)
     * @param y the labels Y, shape (n[2], m)
     * @param hidden the hidden activation g[1]
     * @param learningRate α, finite and &gt; 0
     * @param iterations the number of steps k, ≥ 0
     * @return the parameters after k steps and the k + 1 costs J(θ₀), …, J(θₖ)
     */
    Training<NetworkParameters> train(
            NetworkParameters p, Tensor x, Tensor y, Activation hidden, double learningRate, int iterations);

    /**
     * The one affine map the network is when g[1] is linear (N42, N43; SPEC NET-4): W = W[2]W[1],
     * b = W[2]b[1] + b[2], so that A2 = σ(W X + b) whatever n[1]. A collapsed bias of b[1] + b[2]
     * is the usual slip.
     *
     * <p>Optional within the capability: the default answers "not implemented", like the
     * protocol's per-operation {@code NOT_IMPLEMENTED}.
     *
     * @param p the parameters W1 (n[1], n[0]), b1 (n[1], 1), W2 (n[2], n[1]), b2 (n[2], 1)
     * @return W of shape (n[2], n[0]) and b of shape (n[2], 1)
     * @throws CapabilityNotImplementedException unless overridden
     */
    default AffineMap collapse(NetworkParameters p) {
        throw new CapabilityNotImplementedException(
                "this two-layer network does not implement the operation \"net_collapse\"");
    }
}
