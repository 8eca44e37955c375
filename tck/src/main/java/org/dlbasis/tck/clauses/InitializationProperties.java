package org.dlbasis.tck.clauses;

import static org.quicktheories.generators.Generate.range;

import java.util.List;
import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.NetworkOracle;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Initialization": INIT-1 … INIT-5 (N54–N58), the laws of {@link NetworkLaws} with L = 2. */
@Requires(Capability.TWO_LAYER_NETWORK)
public final class InitializationProperties {

    /**
     * If this fails on the statistics, the weights are not N(0,1)·scale (uniform, or scaled twice).
     *
     * @param ctx the run's context
     */
    @Clause({"INIT-1", "NET-1"})
    public void required_INIT1_smallGaussianWeightsAndZeroBiases(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        LayerSizes s = new LayerSizes(60, 50, Math.min(3, ctx.options().maxOutputUnits()));
        NetworkParameters p = net.initialize(s, Initialization.small(7));
        ctx.assertClose("b1", p.b1(), Tensor.zeros(50, 1), Tolerance.EXACT);
        ctx.assertClose("b2", p.b2(), Tensor.zeros(s.ny(), 1), Tolerance.EXACT);
        if (ctx.options().initSeed()) {
            ctx.assertClose(
                    "same seed, same W1",
                    net.initialize(s, Initialization.small(7)).w1(),
                    p.w1(),
                    Tolerance.EXACT);
        }
        NetworkLaws.requireStandardGaussian(ctx, "W1", p.w1(), 0.01);
        NetworkParameters zero = net.initialize(s, Initialization.zeros());
        ctx.assertClose("W1 at scale 0", zero.w1(), Tensor.zeros(50, 60), Tolerance.EXACT);
        ctx.assertClose("W2 at scale 0", zero.w2(), Tensor.zeros(3, 50), Tolerance.EXACT);
    }

    /**
     * If this fails, the implementation treats hidden units differently (per-row randomness, a wrong axis).
     *
     * @param ctx the run's context
     */
    @Clause("INIT-2")
    public void required_INIT2_symmetricParametersStaySymmetricForEveryActivation(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qtModels()
                .forAll(
                        Datasets.layerSizesWithOutputs(5, ctx.options().maxOutputUnits()),
                        ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((s, g, seed) -> NetworkLaws.symmetricParametersStaySymmetric(
                        ctx, net, new int[] {s.nx(), s.nh(), s.ny()}, g, new Random(seed)));
        // and W1 = 0 with a random W2 is not symmetric: the units separate (g'(0) ≠ 0)
        Random r = ctx.random();
        Dataset d = Datasets.random(3, 8, 1, r);
        NetworkParameters start = new NetworkParameters(
                Tensor.zeros(4, 3), Tensor.zeros(4, 1), Tensors.gaussian(Shape.of(1, 4), r, 1), Tensor.zeros(1, 1));
        NetworkParameters p = ctx.impl()
                .twoLayerNetwork()
                .train(start, d.x(), d.y(), Activation.tanh(), 0.5, 2)
                .parameters();
        ctx.require(
                NetworkLaws.asymmetry(NetworkOracle.layers(p)) > 1,
                "W1 = 0 with a random W2 must not stay symmetric under tanh");
    }

    /**
     * If this fails, check g(0): when it is 0, A1 = 0 and W2 = 0 freeze every weight under zero
     * init; with σ, W2 moves at the first step and W1 at the second.
     *
     * @param ctx the run's context
     */
    @Clause({"INIT-3", "INIT-2"})
    public void required_INIT3_zeroInitialisationLearnsOnlyWhatTheActivationAllows(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        Tensor x = Datasets.random(3, 10, 1, ctx.random()).x();
        int[] n = {3, 4, 1};
        for (Activation g : net.declared(NetworkLaws.ZERO_AT_ZERO)) {
            NetworkLaws.zeroInitialisationLearnsOnlyTheOutputBias(ctx, net, n, x, g);
        }
        NetworkLaws.zeroInitialisationWithSigmoidMovesOneLayerPerStep(ctx, net, n, x, ctx.need(Activation.sigmoid()));
    }

    /**
     * Zero biases with random weights do not cause symmetry: after one step no two rows of W[1], nor of
     * Z[1], are equal.
     *
     * @param ctx the run's context
     */
    @Clause("INIT-4")
    public void required_INIT4_zeroBiasesWithRandomWeightsDoNotCauseSymmetry(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        double scale = ctx.options().fixedInitScale().orElse(0.5);
        ctx.qtModels()
                .forAll(ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)), range(0, Integer.MAX_VALUE))
                .checkAssert((g, seed) -> NetworkLaws.zeroBiasesWithRandomWeightsDoNotCauseSymmetry(
                        ctx, net, new int[] {3, 4, 1}, g, seed, scale));
    }

    /**
     * Larger initial weights saturate σ and tanh: the mean g′(Z1) falls as the scale grows, and at
     * scale 100 most units are saturated.
     *
     * @param ctx the run's context
     */
    @Clause("INIT-5")
    public void informative_INIT5_largeWeightsSaturateSigmoidAndTanh(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        Dataset d = Datasets.random(20, 50, 1, ctx.random());
        for (Activation g : ctx.declared(List.of(Activation.sigmoid(), Activation.tanh()))) {
            double previous = Double.POSITIVE_INFINITY;
            for (double scale : new double[] {0.01, 1, 100}) {
                NetworkParameters p = net.initialize(new LayerSizes(20, 10, 1), Initialization.gaussian(scale, 5));
                Tensor dg = ctx.impl()
                        .activations()
                        .derivative(g, net.forward(p, d.x(), g).z1());
                double mean = 0;
                int saturated = 0;
                for (int i = 0; i < dg.size(); i++) {
                    mean += dg.flat(i) / dg.size();
                    saturated += dg.flat(i) < 1e-3 ? 1 : 0;
                }
                ctx.require(
                        mean < previous, "mean g'(Z1) must fall as the scale grows: " + mean + " at scale " + scale);
                previous = mean;
                if (scale == 100) {
                    ctx.require(
                            saturated > dg.size() / 2,
                            "at scale 100 most " + g + " units must be saturated, found " + saturated + " of "
                                    + dg.size());
                }
            }
        }
    }
}
