package org.dlbasis.reference.model;

import java.util.Random;
import org.dlbasis.reference.Require;
import org.dlbasis.reference.activation.ReferenceActivations;
import org.dlbasis.reference.array.ReferenceArrayOps;
import org.dlbasis.reference.loss.CrossEntropy;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The note's two-layer network, line by line (N44–N50, N54, N57; SPEC NET-*, BACKPROP-*), with
 * b[1] and b[2] kept apart (the note writes one "b", erratum E-N44).
 */
public final class ReferenceTwoLayerNetwork implements TwoLayerNetwork {
    private final ReferenceArrayOps np = new ReferenceArrayOps();
    private final ReferenceActivations g = new ReferenceActivations();
    private final CrossEntropy loss = new CrossEntropy();
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

    /** W[1] then W[2] drawn row-major from one {@link Random}(seed), times the scale; b = 0. */
    @Override
    public NetworkParameters initialize(LayerSizes sizes, Initialization init) {
        Random random = new Random(init.seed());
        Tensor w1 = gaussian(random, Shape.of(sizes.nh(), sizes.nx()), init.scale());
        Tensor w2 = gaussian(random, Shape.of(sizes.ny(), sizes.nh()), init.scale());
        return new NetworkParameters(w1, Tensor.zeros(sizes.nh(), 1), w2, Tensor.zeros(sizes.ny(), 1));
    }

    private static Tensor gaussian(Random random, Shape shape, double scale) {
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * scale;
        }
        return Tensor.of(shape, values);
    }

    @Override
    public ForwardCache forward(NetworkParameters p, Tensor x, Activation hidden) {
        ModelInputs.samples(x);
        ModelInputs.network(p, x);
        Tensor z1 = np.add(np.dot(p.w1(), x), p.b1());
        Tensor a1 = g.apply(hidden, z1);
        Tensor z2 = np.add(np.dot(p.w2(), a1), p.b2());
        Tensor a2 = g.apply(Activation.sigmoid(), z2);
        return new ForwardCache(z1, a1, z2, a2);
    }

    @Override
    public double cost(NetworkParameters p, Tensor x, Tensor y, Activation hidden) {
        return loss.costFromLogits(forward(p, x, hidden).z2(), y); // the loss checks Y against Z2's (n2, m)
    }

    @Override
    public NetworkGradients backward(NetworkParameters p, ForwardCache cache, Tensor x, Tensor y, Activation hidden) {
        int m = ModelInputs.samples(x);
        ModelInputs.network(p, x);
        ModelInputs.cache(cache, p, m);
        ModelInputs.labels(y, p.w2().shape().dim(0), m);
        Tensor oneOverM = Tensor.scalar(1.0 / m);
        Tensor dz2 = np.subtract(cache.a2(), y); // N45
        Tensor dw2 = np.multiply(oneOverM, np.dot(dz2, np.transpose(cache.a1()))); // N46
        Tensor db2 = np.multiply(oneOverM, np.sum(dz2, 1, true)); // N47
        Tensor dz1 = np.multiply(np.dot(np.transpose(p.w2()), dz2), g.derivative(hidden, cache.z1())); // N48
        Tensor dw1 = np.multiply(oneOverM, np.dot(dz1, np.transpose(x))); // N49
        Tensor db1 = np.multiply(oneOverM, np.sum(dz1, 1, true)); // N50
        return new NetworkGradients(dw1, db1, dw2, db2);
    }

    @Override
    public NetworkParameters step(NetworkParameters p, NetworkGradients grads, double learningRate) {
        Require.learningRate(learningRate);
        return new NetworkParameters(
                GradientStep.update("dW1", p.w1(), grads.dw1(), learningRate),
                GradientStep.update("db1", p.b1(), grads.db1(), learningRate),
                GradientStep.update("dW2", p.w2(), grads.dw2(), learningRate),
                GradientStep.update("db2", p.b2(), grads.db2(), learningRate));
    }

    /** W = W2·W1 and b = W2·b1 + b2 (NET-4): both biases pass through W2's rows, not only b2. */
    @Override
    public AffineMap collapse(NetworkParameters p) {
        ModelInputs.network(p);
        return new AffineMap(np.dot(p.w2(), p.w1()), np.add(np.dot(p.w2(), p.b1()), p.b2()));
    }

    /** k steps of {@link #step}({@link #backward}) computed in place by {@link NetworkTrainer}. */
    @Override
    public Training<NetworkParameters> train(
            NetworkParameters p, Tensor x, Tensor y, Activation hidden, double learningRate, int iterations) {
        Require.learningRate(learningRate);
        Require.iterations(iterations);
        int m = ModelInputs.samples(x);
        ModelInputs.network(p, x);
        ModelInputs.labels(y, p.w2().shape().dim(0), m);
        return new NetworkTrainer(x, y, hidden, p.w1().shape().dim(0), threads).train(p, learningRate, iterations);
    }
}
