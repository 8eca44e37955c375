package org.dlbasis.spec.api;

import org.dlbasis.spec.tensor.Tensor;

/**
 * A two-layer network (SPEC NET-*, BACKPROP-*, DIM-*, INIT-*): any element-wise hidden activation
 * g[1], a sigmoid output, binary cross-entropy cost J = (1/m) Σ L over all n[2] × m outputs.
 * X is (n[0], m), Y is (n[2], m). Inputs are validated as for {@link LogisticRegression}.
 */
public interface TwoLayerNetwork {

    /** W[l] = N(0,1)·scale from the seed, b[l] = zeros((n[l], 1)) (N54, N57). */
    NetworkParameters initialize(LayerSizes sizes, Initialization init);

    /** Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2) (N44). */
    ForwardCache forward(NetworkParameters p, Tensor x, Activation hidden);

    /** J = (1/m) Σ L(A2, Y), computed from Z2 so it is finite. */
    double cost(NetworkParameters p, Tensor x, Tensor y, Activation hidden);

    /**
     * dZ2 = A2 − Y; dW2 = (1/m) dZ2 A1ᵀ; db2 = (1/m) Σ dZ2 (axis 1, keepdims);
     * dZ1 = W2ᵀ dZ2 * g'(Z1); dW1 = (1/m) dZ1 Xᵀ; db1 = (1/m) Σ dZ1 (axis 1, keepdims) (N45–N50).
     */
    NetworkGradients backward(NetworkParameters p, ForwardCache cache, Tensor x, Tensor y, Activation hidden);

    /** θ := θ − α dθ for each of W1, b1, W2, b2 (N13). */
    NetworkParameters step(NetworkParameters p, NetworkGradients g, double learningRate);

    /** {@code iterations} steps of batch gradient descent; costs has iterations + 1 entries. */
    Training<NetworkParameters> train(NetworkParameters p, Tensor x, Tensor y, Activation hidden,
            double learningRate, int iterations);
}
