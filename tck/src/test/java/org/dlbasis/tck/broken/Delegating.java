package org.dlbasis.tck.broken;

import java.util.EnumSet;
import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Pass-through wrappers around the reference: a broken implementation overrides one method of
 * one of them and keeps everything else correct, so the suite must find exactly that mistake.
 */
public final class Delegating {
    static final ReferenceImplementation REF = new ReferenceImplementation();

    private Delegating() {}

    /**
     * An implementation called {@code name}: the reference's parts, with those given to the
     * builder instead.
     *
     * @param name the implementation's name, the mistake it makes
     * @return a builder; {@link Builder#build()} with nothing set is the reference
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The parts of an implementation, each the reference's unless set. */
    public static final class Builder {
        private final String name;
        private ArrayOps arrays = REF.arrays();
        private Activations activations = REF.activations();
        private Loss loss = REF.loss();
        private LogisticRegression logistic = REF.logisticRegression();
        private TwoLayerNetwork network = REF.twoLayerNetwork();
        private DeepNetwork deep = REF.deepNetwork();

        private Builder(String name) {
            this.name = name;
        }

        /** @param a the arrays to use @return this builder */
        public Builder arrays(ArrayOps a) {
            arrays = a;
            return this;
        }

        /** @param a the activations to use @return this builder */
        public Builder activations(Activations a) {
            activations = a;
            return this;
        }

        /** @param l the loss to use @return this builder */
        public Builder loss(Loss l) {
            loss = l;
            return this;
        }

        /** @param l the logistic regression to use @return this builder */
        public Builder logistic(LogisticRegression l) {
            logistic = l;
            return this;
        }

        /** @param n the two-layer network to use @return this builder */
        public Builder network(TwoLayerNetwork n) {
            network = n;
            return this;
        }

        /** @param d the deep network to use @return this builder */
        public Builder deep(DeepNetwork d) {
            deep = d;
            return this;
        }

        /** @return the implementation, declaring every capability */
        public Implementation build() {
            return new Parts(name, arrays, activations, loss, logistic, network, deep);
        }
    }

    private record Parts(
            String name,
            ArrayOps arrays,
            Activations activations,
            Loss loss,
            LogisticRegression logisticRegression,
            TwoLayerNetwork twoLayerNetwork,
            DeepNetwork deepNetwork)
            implements Implementation {
        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }
    }

    static class Arrays implements ArrayOps {
        final ArrayOps d = REF.arrays();

        public Tensor add(Tensor a, Tensor b) {
            return d.add(a, b);
        }

        public Tensor subtract(Tensor a, Tensor b) {
            return d.subtract(a, b);
        }

        public Tensor multiply(Tensor a, Tensor b) {
            return d.multiply(a, b);
        }

        public Tensor divide(Tensor a, Tensor b) {
            return d.divide(a, b);
        }

        public Tensor maximum(Tensor a, Tensor b) {
            return d.maximum(a, b);
        }

        public Tensor greater(Tensor a, Tensor b) {
            return d.greater(a, b);
        }

        public Tensor exp(Tensor a) {
            return d.exp(a);
        }

        public Tensor log(Tensor a) {
            return d.log(a);
        }

        public Tensor transpose(Tensor a) {
            return d.transpose(a);
        }

        public Tensor dot(Tensor a, Tensor b) {
            return d.dot(a, b);
        }

        public Tensor sum(Tensor a, Integer axis, boolean keepdims) {
            return d.sum(a, axis, keepdims);
        }

        public Tensor reshape(Tensor a, int... dims) {
            return d.reshape(a, dims);
        }
    }

    static class Acts implements Activations {
        final Activations d = REF.activations();

        public Tensor apply(Activation g, Tensor z) {
            return d.apply(g, z);
        }

        public Tensor derivative(Activation g, Tensor z) {
            return d.derivative(g, z);
        }

        public Tensor maxout(Tensor pieces) {
            return d.maxout(pieces);
        }

        public Tensor maxoutDerivative(Tensor pieces) {
            return d.maxoutDerivative(pieces);
        }
    }

    static class Losses implements Loss {
        final Loss d = REF.loss();

        public Tensor loss(Tensor yHat, Tensor y) {
            return d.loss(yHat, y);
        }

        public Tensor lossFromLogits(Tensor z, Tensor y) {
            return d.lossFromLogits(z, y);
        }

        public double cost(Tensor yHat, Tensor y) {
            return d.cost(yHat, y);
        }

        public double costFromLogits(Tensor z, Tensor y) {
            return d.costFromLogits(z, y);
        }
    }

    static class Logistic implements LogisticRegression {
        final LogisticRegression d = REF.logisticRegression();

        public Tensor forward(LogisticParameters p, Tensor x) {
            return d.forward(p, x);
        }

        public double cost(LogisticParameters p, Tensor x, Tensor y) {
            return d.cost(p, x, y);
        }

        public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
            return d.backward(p, x, y);
        }

        public LogisticParameters step(LogisticParameters p, LogisticGradients g, double a) {
            return d.step(p, g, a);
        }

        public Training<LogisticParameters> train(LogisticParameters p, Tensor x, Tensor y, double a, int k) {
            // train through this object's own step and backward, so a broken one is used
            double[] costs = new double[k + 1];
            LogisticParameters q = p;
            for (int i = 0; i < k; i++) {
                costs[i] = cost(q, x, y);
                q = step(q, backward(q, x, y), a);
            }
            costs[k] = cost(q, x, y);
            return new Training<>(q, costs);
        }
    }

    static class Network implements TwoLayerNetwork {
        final TwoLayerNetwork d = REF.twoLayerNetwork();

        public NetworkParameters initialize(LayerSizes s, Initialization i) {
            return d.initialize(s, i);
        }

        public ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
            return d.forward(p, x, g);
        }

        public double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
            return REF.loss().costFromLogits(forward(p, x, g).z2(), y);
        }

        public NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
            return d.backward(p, c, x, y, g);
        }

        public NetworkParameters step(NetworkParameters p, NetworkGradients g, double a) {
            return d.step(p, g, a);
        }

        public Training<NetworkParameters> train(
                NetworkParameters p, Tensor x, Tensor y, Activation g, double a, int k) {
            double[] costs = new double[k + 1];
            NetworkParameters q = p;
            for (int i = 0; i < k; i++) {
                costs[i] = cost(q, x, y, g);
                q = step(q, backward(q, forward(q, x, g), x, y, g), a);
            }
            costs[k] = cost(q, x, y, g);
            return new Training<>(q, costs);
        }

        @Override
        public AffineMap collapse(NetworkParameters p) {
            return d.collapse(p);
        }
    }

    static class Deep implements DeepNetwork {
        final DeepNetwork d = REF.deepNetwork();

        public DeepParameters initialize(int[] sizes, Initialization i) {
            return d.initialize(sizes, i);
        }

        public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
            return d.forward(p, x, g);
        }

        public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
            DeepCache c = forward(p, x, g);
            return REF.loss().costFromLogits(c.z(c.layers()), y);
        }

        public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
            return d.backward(p, c, x, y, g);
        }

        public DeepParameters step(DeepParameters p, DeepGradients g, double a) {
            return d.step(p, g, a);
        }

        public Training<DeepParameters> train(DeepParameters p, Tensor x, Tensor y, Activation g, double a, int k) {
            // train through this object's own forward, backward and step, so a broken one is used
            double[] costs = new double[k + 1];
            DeepParameters q = p;
            for (int i = 0; i < k; i++) {
                costs[i] = cost(q, x, y, g);
                q = step(q, backward(q, forward(q, x, g), x, y, g), a);
            }
            costs[k] = cost(q, x, y, g);
            return new Training<>(q, costs);
        }
    }
}
