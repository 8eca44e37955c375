package org.dlbasis.tck.clauses;

import java.util.List;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.DeepCase;
import org.dlbasis.tck.gen.DeepNetworks;
import org.dlbasis.tck.oracle.NetworkOracle;
import org.dlbasis.tck.suite.Context;
import org.quicktheories.core.Gen;

/**
 * A network as {@link NetworkLaws} check it, layer by layer: the two-layer capability (L = 2, its
 * W1, b1, W2, b2 as layer lists) or the deep one. Each law is written once against this; the
 * properties of NET-*, BACKPROP-*, INIT-*, GD-* and of DEEP-* run it on their own capability,
 * with their own clause IDs.
 */
interface NetworkUnderTest {

    /**
     * A[0] = X; Z[l] = W[l] A[l−1] + b[l]; A[l] = g(Z[l]) for l &lt; L, A[L] = σ(Z[L]).
     *
     * @param p W[l], b[l]
     * @param x X, shape (n[0], m)
     * @param g the hidden activation
     * @return the implementation's cache
     */
    DeepCache forward(DeepParameters p, Tensor x, Activation g);

    /**
     * J = (1/m) Σ L(A[L], Y).
     *
     * @param p W[l], b[l]
     * @param x X
     * @param y Y, shape (n[L], m)
     * @param g the hidden activation
     * @return the implementation's cost
     */
    double cost(DeepParameters p, Tensor x, Tensor y, Activation g);

    /**
     * The gradients from a cache.
     *
     * @param p W[l], b[l]
     * @param c the cache
     * @param x X
     * @param y Y
     * @param g the hidden activation
     * @return dW[l], db[l]
     */
    DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g);

    /**
     * One step θ − α·dθ.
     *
     * @param p θ
     * @param d dθ
     * @param alpha α
     * @return the implementation's next θ
     */
    DeepParameters step(DeepParameters p, DeepGradients d, double alpha);

    /**
     * k steps, recording the costs.
     *
     * @param p θ₀
     * @param x X
     * @param y Y
     * @param g the hidden activation
     * @param alpha α
     * @param k the number of steps
     * @return θ_k and the k + 1 costs
     */
    Training<DeepParameters> train(DeepParameters p, Tensor x, Tensor y, Activation g, double alpha, int k);

    /**
     * Initial parameters.
     *
     * @param n the sizes n[0] … n[L] (three for the two-layer network)
     * @param init the scale and seed
     * @return W[l], b[l]
     */
    DeepParameters initialize(int[] n, Initialization init);

    /**
     * The hidden activations among {@code candidates} this network declares (SPEC API-2).
     *
     * @param candidates what a property would draw from
     * @return the declared ones; not implemented if none
     */
    List<Activation> declared(List<Activation> candidates);

    /**
     * Random cases of this network's shape within the declared options.
     *
     * @param maxWidth the widest layer, input included
     * @param maxM the bound on m
     * @return cases drawn as the capability's own properties always drew them
     */
    Gen<DeepCase> cases(int maxWidth, int maxM);

    /**
     * The two-layer network of the implementation under test, as layer lists.
     *
     * @param ctx the run's context
     * @return the adapter
     */
    static NetworkUnderTest twoLayer(Context ctx) {
        return new TwoLayer(ctx, ctx.impl().twoLayerNetwork());
    }

    /**
     * The deep network of the implementation under test.
     *
     * @param ctx the run's context
     * @return the adapter
     */
    static NetworkUnderTest deep(Context ctx) {
        return new Deep(ctx, ctx.impl().deepNetwork());
    }

    /** The two-layer capability, L = 2. */
    record TwoLayer(Context ctx, TwoLayerNetwork net) implements NetworkUnderTest {
        @Override
        public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
            return NetworkOracle.layers(net.forward(NetworkOracle.twoLayers(p), x, g));
        }

        @Override
        public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
            return net.cost(NetworkOracle.twoLayers(p), x, y, g);
        }

        @Override
        public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
            return NetworkOracle.layers(net.backward(
                    NetworkOracle.twoLayers(p),
                    new org.dlbasis.spec.api.ForwardCache(c.z(1), c.a(1), c.z(2), c.a(2)),
                    x,
                    y,
                    g));
        }

        @Override
        public DeepParameters step(DeepParameters p, DeepGradients d, double alpha) {
            return NetworkOracle.layers(net.step(
                    NetworkOracle.twoLayers(p), new NetworkGradients(d.dw(1), d.db(1), d.dw(2), d.db(2)), alpha));
        }

        @Override
        public Training<DeepParameters> train(DeepParameters p, Tensor x, Tensor y, Activation g, double alpha, int k) {
            var t = net.train(NetworkOracle.twoLayers(p), x, y, g, alpha, k);
            return new Training<>(NetworkOracle.layers(t.parameters()), t.costs());
        }

        @Override
        public DeepParameters initialize(int[] n, Initialization init) {
            return NetworkOracle.layers(net.initialize(new LayerSizes(n[0], n[1], n[2]), init));
        }

        @Override
        public List<Activation> declared(List<Activation> candidates) {
            return ctx.declared(candidates);
        }

        @Override
        public Gen<DeepCase> cases(int maxWidth, int maxM) {
            return org.dlbasis.tck.gen.Datasets.networkCases(
                            maxWidth,
                            maxM,
                            declared(org.dlbasis.tck.gen.ActivationsGen.ALL),
                            ctx.options().maxOutputUnits())
                    .map(n -> new DeepCase(n.data(), NetworkOracle.layers(n.parameters()), n.activation()));
        }
    }

    /** The deep capability, up to {@value #MAX_LAYERS} layers. */
    record Deep(Context ctx, DeepNetwork net) implements NetworkUnderTest {
        /** The most layers its cases draw. */
        static final int MAX_LAYERS = 4;

        @Override
        public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
            return net.forward(p, x, g);
        }

        @Override
        public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
            return net.cost(p, x, y, g);
        }

        @Override
        public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
            return net.backward(p, c, x, y, g);
        }

        @Override
        public DeepParameters step(DeepParameters p, DeepGradients d, double alpha) {
            return net.step(p, d, alpha);
        }

        @Override
        public Training<DeepParameters> train(DeepParameters p, Tensor x, Tensor y, Activation g, double alpha, int k) {
            return net.train(p, x, y, g, alpha, k);
        }

        @Override
        public DeepParameters initialize(int[] n, Initialization init) {
            return net.initialize(n, init);
        }

        @Override
        public List<Activation> declared(List<Activation> candidates) {
            return ctx.declaredDeep(candidates);
        }

        @Override
        public Gen<DeepCase> cases(int maxWidth, int maxM) {
            return DeepNetworks.cases(
                    MAX_LAYERS,
                    maxWidth,
                    maxM,
                    declared(org.dlbasis.tck.gen.ActivationsGen.ALL),
                    ctx.options().maxOutputUnits());
        }
    }
}
