package org.dlbasis.reference.model;

import java.util.Arrays;
import org.dlbasis.reference.Require;
import org.dlbasis.reference.array.ReferenceArrayOps;
import org.dlbasis.reference.fast.NetworkTrainer;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The note's two-layer network (N44–N50, N54, N57; SPEC NET-*, BACKPROP-*) as the case L = 2 of
 * {@link ReferenceDeepNetwork}, which writes each of these lines once for every layer, with b[1]
 * and b[2] kept apart (the note writes one "b", erratum E-N44):
 *
 * <pre>
 * Z1 = W1 X + b1,  A1 = g(Z1),  Z2 = W2 A1 + b2,  A2 = σ(Z2)                  N44
 * dZ2 = A2 − Y                                                                N45
 * dW2 = (1/m) dZ2 A1ᵀ,  db2 = (1/m) Σ dZ2 (axis 1, keepdims)                  N46, N47
 * dZ1 = W2ᵀ dZ2 * g'(Z1)                                                      N48
 * dW1 = (1/m) dZ1 Xᵀ,   db1 = (1/m) Σ dZ1 (axis 1, keepdims)                  N49, N50
 * </pre>
 *
 * <p>Training computes the same steps in place ({@link NetworkTrainer}); the collapse of a linear
 * network (NET-4) is this class's own.
 */
public final class ReferenceTwoLayerNetwork implements TwoLayerNetwork {
    private final ReferenceDeepNetwork layers = new ReferenceDeepNetwork();
    private final ReferenceArrayOps np = new ReferenceArrayOps();
    private final int threads;

    /** Trains on every core ({@link Runtime#availableProcessors()}). */
    public ReferenceTwoLayerNetwork() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on this many threads; the results are the same for every count.
     *
     * @param threads at least 1
     */
    public ReferenceTwoLayerNetwork(int threads) {
        this.threads = Require.threads(threads);
    }

    /** W[1] then W[2] drawn row-major from one {@link java.util.Random}(seed), times the scale; b = 0. */
    @Override
    public NetworkParameters initialize(LayerSizes sizes, Initialization init) {
        return parameters(layers.initialize(new int[] {sizes.nx(), sizes.nh(), sizes.ny()}, init));
    }

    @Override
    public ForwardCache forward(NetworkParameters p, Tensor x, Activation hidden) {
        DeepCache c = layers.forward(deep(p), x, hidden);
        return new ForwardCache(c.z(1), c.a(1), c.z(2), c.a(2));
    }

    @Override
    public double cost(NetworkParameters p, Tensor x, Tensor y, Activation hidden) {
        return layers.cost(deep(p), x, y, hidden);
    }

    @Override
    public NetworkGradients backward(NetworkParameters p, ForwardCache cache, Tensor x, Tensor y, Activation hidden) {
        DeepCache c = new DeepCache(Arrays.asList(cache.z1(), cache.z2()), Arrays.asList(cache.a1(), cache.a2()));
        DeepGradients g = layers.backward(deep(p), c, x, y, hidden);
        return new NetworkGradients(g.dw(1), g.db(1), g.dw(2), g.db(2));
    }

    @Override
    public NetworkParameters step(NetworkParameters p, NetworkGradients grads, double learningRate) {
        DeepGradients g =
                new DeepGradients(Arrays.asList(grads.dw1(), grads.dw2()), Arrays.asList(grads.db1(), grads.db2()));
        return parameters(layers.step(deep(p), g, learningRate));
    }

    /** W = W2·W1 and b = W2·b1 + b2 (NET-4): both biases pass through W2's rows, not only b2. */
    @Override
    public AffineMap collapse(NetworkParameters p) {
        Require.matrix("W1", p.w1());
        ModelInputs.deep(deep(p), p.w1().shape().dim(1)); // W1's columns give n[0]
        return new AffineMap(np.dot(p.w2(), p.w1()), np.add(np.dot(p.w2(), p.b1()), p.b2()));
    }

    /** k steps of {@link #step}({@link #backward}) computed in place by {@link NetworkTrainer}. */
    @Override
    public Training<NetworkParameters> train(
            NetworkParameters p, Tensor x, Tensor y, Activation hidden, double learningRate, int iterations) {
        Require.learningRate(learningRate);
        Require.iterations(iterations);
        int m = ModelInputs.samples(x);
        ModelInputs.deep(deep(p), x);
        ModelInputs.labels(y, p.w2().shape().dim(0), m);
        return new NetworkTrainer(x, y, hidden, p.w1().shape().dim(0), threads).train(p, learningRate, iterations);
    }

    private static DeepParameters deep(NetworkParameters p) {
        return new DeepParameters(Arrays.asList(p.w1(), p.w2()), Arrays.asList(p.b1(), p.b2()));
    }

    private static NetworkParameters parameters(DeepParameters p) {
        return new NetworkParameters(p.w(1), p.b(1), p.w(2), p.b(2));
    }
}
