package org.dlbasis.tck.clauses;

import static org.quicktheories.generators.Generate.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.gen.DeepCase;
import org.dlbasis.tck.gen.DeepNetworks;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/**
 * SPEC "Deep networks": DEEP-1 … DEEP-13, the L-layer network [LINEAR → g] × (L − 1) → LINEAR →
 * SIGMOID (N31, N44–N58 layer by layer). Networks of up to four layers and widths up to six; every
 * value is compared with the oracle ({@link NetworkLaws}), never with another implementation, except in DEEP-13,
 * which compares the implementation with its own two-layer network and logistic regression.
 */
@Requires(Capability.DEEP_NETWORK)
public final class DeepNetworkProperties {
    private static final int MAX_LAYERS = NetworkUnderTest.Deep.MAX_LAYERS;

    // ------------------------------------------------------------ DEEP-1, DEEP-8: layers and initialisation

    /**
     * If this fails, compare each W[l] with (n[l], n[l−1]) and each b[l] with the column (n[l], 1).
     *
     * @param ctx the run's context
     */
    @Clause({"DEEP-1", "DEEP-8"})
    public void required_DEEP1_parametersHaveTheLayerShapes(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        double scale = ctx.options().fixedInitScale().orElse(Initialization.DEFAULT_SCALE);
        ctx.qt()
                .forAll(DeepNetworks.sizes(MAX_LAYERS, 8, ctx.options().maxOutputUnits()), range(0, 1000))
                .checkAssert((n, seed) -> NetworkLaws.parametersHaveTheLayerShapes(
                        ctx, net.initialize(n, Initialization.gaussian(scale, seed)), n));
        for (int[] bad : new int[][] {{}, {4}, {3, 0, 1}, {0, 2}, {3, 4, -1}}) {
            ctx.assertRaises(
                    ErrorKind.INVALID_ARGUMENT, null, () -> net.initialize(bad, Initialization.gaussian(scale, 1)));
        }
    }

    /**
     * If this fails on the statistics, the weights are not N(0,1)·scale: uniform, scaled twice, or
     * scaled per layer (the course's 1/√n[l−1]).
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-8")
    public void required_DEEP8_smallGaussianWeightsAndZeroBiasesInEveryLayer(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        int[] n = {60, 50, 40, Math.min(3, ctx.options().maxOutputUnits())};
        double scale = ctx.options().fixedInitScale().orElse(Initialization.DEFAULT_SCALE);
        DeepParameters p = net.initialize(n, Initialization.gaussian(scale, 7));
        for (int l = 1; l <= 3; l++) {
            ctx.assertClose("b" + l, p.b(l), Tensor.zeros(n[l], 1), Tolerance.EXACT);
            NetworkLaws.requireStandardGaussian(ctx, "W" + l, p.w(l), scale);
        }
        if (ctx.options().initSeed()) {
            DeepParameters again = net.initialize(n, Initialization.gaussian(scale, 7));
            for (int l = 1; l <= 3; l++) {
                ctx.assertClose("same seed, same W" + l, again.w(l), p.w(l), Tolerance.EXACT);
            }
        }
        if (ctx.options().acceptsInitScale(0)) {
            DeepParameters zero = net.initialize(n, Initialization.zeros());
            for (int l = 1; l <= 3; l++) {
                ctx.assertClose("W" + l + " at scale 0", zero.w(l), Tensor.zeros(n[l], n[l - 1]), Tolerance.EXACT);
            }
        }
    }

    // ------------------------------------------------------------ DEEP-2, DEEP-3: forward and cost

    /**
     * If this fails, compare Z[l] = W[l]A[l−1] + b[l] layer by layer; the output layer is σ, the others g.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-2")
    public void required_DEEP2_forwardPropagationLayerByLayer(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels().forAll(net.cases(6, 10)).checkAssert(n -> NetworkLaws.forwardLayerByLayer(ctx, net, n));
    }

    /**
     * If this fails by a factor n[L], the cost is the mean over all outputs (PyTorch's default), not over the m samples.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-3")
    public void required_DEEP3_theCostIsTheMeanOverTheSamplesOfTheOutputLayer(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels().forAll(net.cases(6, 10)).checkAssert(n -> NetworkLaws.costOfTheOutputLayer(ctx, net, n));
    }

    // ------------------------------------------------------------ DEEP-4 … DEEP-7: back propagation

    /**
     * Each gradient against the oracle's formula applied to the implementation's own cache, so a
     * mistake is pinned to its layer. If only the hidden layers fail: g' at the wrong layer's Z, or
     * A[l−1] taken from the wrong cache entry.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-4")
    public void required_DEEP4_backPropagationLayerByLayer(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels()
                .forAll(net.cases(6, 10))
                .checkAssert(n -> NetworkLaws.gradientsAgainstTheOracle(ctx, net, n, every -> true));
    }

    /**
     * Wide inputs, n[0] from 64 to 159, where an implementation may switch kernels for the products
     * with X: the cost (DEEP-3) and every gradient (DEEP-4) against the oracle, as the properties
     * above check them on narrow networks.
     *
     * @param ctx the run's context
     */
    @Clause({"DEEP-3", "DEEP-4"})
    public void required_DEEP3_wideInputsToo(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels().forAll(net.cases(5, 12), range(64, 160)).checkAssert((n, nx) -> {
            int[] sizes = n.sizes();
            sizes[0] = nx;
            Random r = new Random(31L * nx + sizes.length);
            DeepParameters p = DeepNetworks.parameters(sizes, r, 0.2);
            Dataset d = Datasets.random(nx, n.data().m(), sizes[sizes.length - 1], r);
            NetworkLaws.wideInputs(
                    ctx,
                    net,
                    new DeepCase(d, p, n.activation()),
                    false,
                    ClauseId.DEEP_3,
                    ClauseId.DEEP_4,
                    every -> true);
        });
    }

    /**
     * If this fails for a db, look for np.sum without keepdims=True (a rank-1 db).
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-5")
    public void required_DEEP5_everyArrayHasItsLayersShape(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels()
                .forAll(net.cases(6, 12))
                .checkAssert(
                        n -> NetworkLaws.everyArrayHasItsShape(ctx, net, n.parameters(), n.data(), n.activation()));
    }

    /**
     * Each wrong input is rejected where it enters, with the spec's kind; shape errors name the layer.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-5")
    public void required_DEEP5_wrongInputsAreRejectedAndNamedByLayer(Context ctx) {
        ctx.need(ctx.options().validation(), "input validation"); // these checks are all of bad input
        DeepNetwork net = ctx.impl().deepNetwork();
        Activation g = ctx.declaredDeep(ActivationsGen.ALL).get(0);
        DeepParameters p = DeepNetworks.parameters(new int[] {3, 4, 2, 1}, ctx.random(), 0.5);
        Tensor x = Tensors.uniform(Shape.of(3, 5), ctx.random(), 2);
        Tensor y = Tensor.row(0, 1, 0, 1, 1);
        String[][] expected = {
            {"W2", "must have shape", "(2,4)", "(2,3)"},
            {"b3", "(1,1)", "(1,)", ""},
            {"b1", "(4,1)", "(1,4)", ""},
            {"W3", "(2,3,1)", "", ""}
        };
        DeepParameters[] bad = {
            DeepNetworks.withW(p, 2, Tensor.zeros(2, 3)),
            DeepNetworks.withB(p, 3, Tensor.zeros(1)),
            DeepNetworks.withB(p, 1, Tensor.zeros(1, 4)),
            DeepNetworks.withW(p, 3, Tensor.zeros(2, 3, 1))
        };
        for (int i = 0; i < bad.length; i++) {
            DeepParameters b = bad[i];
            String[] words = expected[i];
            ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> {
                try {
                    net.forward(b, x, g);
                } catch (SpecException e) {
                    for (String word : words) {
                        ctx.require(
                                e.getMessage().contains(word),
                                "the message must name " + String.join(", ", words) + ": \"" + e.getMessage() + "\"");
                    }
                    throw e;
                }
            });
        }
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.forward(p, Tensor.zeros(2, 5), g));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.forward(p, Tensor.zeros(5), g));
        ctx.assertRaises(ErrorKind.EMPTY_INPUT, null, () -> net.forward(p, Tensor.zeros(3, 0), g));
        ctx.assertRaises(
                ErrorKind.NON_FINITE, null, () -> net.forward(p, x.map(v -> v == x.flat(3) ? Double.NaN : v), g));
        ctx.assertRaises(
                ErrorKind.NON_FINITE,
                null,
                () -> net.forward(DeepNetworks.withW(p, 2, p.w(2).map(v -> Double.POSITIVE_INFINITY)), x, g));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.cost(p, x, Tensor.column(0, 1, 0, 1, 1), g));
        ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> net.cost(p, x, Tensor.row(0, 1, 0.5, 1, 1), g));
        DeepCache c = net.forward(p, x, g);
        List<Tensor> wrongA = new ArrayList<>(c.a());
        wrongA.set(1, Tensor.zeros(2, 4));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> {
            try {
                net.backward(p, new DeepCache(c.z(), wrongA), x, y, g);
            } catch (SpecException e) {
                ctx.require(e.getMessage().contains("A2"), "the message must name A2: \"" + e.getMessage() + "\"");
                throw e;
            }
        });
        DeepCache twoLayers = new DeepCache(c.z().subList(0, 2), c.a().subList(0, 2));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.backward(p, twoLayers, x, y, g));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.backward(p, c, x, Tensor.column(0, 1, 0, 1, 1), g));
    }

    /**
     * Every parameter of every layer against central differences of the implementation's own cost
     * (SPEC BACKPROP-7's eps and GRADCHECK); cases where a hidden pre-activation lies within 1e−3
     * of a kink are not judged.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-6")
    public void required_DEEP6_gradientsAreTheDerivativesOfTheCost(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels()
                .forAll(net.cases(4, 6))
                .checkAssert(n -> NetworkLaws.gradientsAreTheDerivativesOfTheCost(ctx, net, n));
    }

    /**
     * Checks that saturated outputs keep a finite cost. If this fails with NaN, 0·log 0 was
     * evaluated; a finite cost from Z[L], or LOSS-2's value of σ(Z[L]), passes.
     *
     * @param ctx the run's context
     */
    @Clause({"DEEP-7", "DEEP-3"})
    public void required_DEEP7_saturatedOutputsKeepAFiniteCost(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels()
                .forAll(net.cases(6, 10))
                .checkAssert(n -> NetworkLaws.saturatedOutputsKeepAFiniteCost(ctx, net, n));
    }

    /**
     * Checks that saturated outputs keep finite gradients equal to their limits. If this fails
     * with NaN, dA[L] = −(Y/A[L] − (1−Y)/(1−A[L])) is 0/0 once σ rounds to 1: compute
     * dZ[L] = A[L] − Y directly. Checked apart from the cost, so a naive cost does not hide it.
     *
     * @param ctx the run's context
     */
    @Clause({"DEEP-7", "DEEP-4"})
    public void required_DEEP7_saturatedOutputsKeepFiniteGradients(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        ctx.qtModels()
                .forAll(net.cases(6, 10))
                .checkAssert(n -> NetworkLaws.saturatedOutputsKeepFiniteGradients(ctx, net, n));
    }

    // ------------------------------------------------------------ DEEP-9, DEEP-10: symmetry

    /**
     * If this fails, the implementation treats the units of a hidden layer differently: a
     * transposed W[l] in dA[l−1] = W[l]ᵀ dZ[l] (numpy does not notice when W[l] is square), a wrong
     * axis, per-unit randomness. The fixed 3-3-3-3 case makes every W[l] square.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-9")
    public void required_DEEP9_symmetricParametersStaySymmetric(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        List<Activation> activations = net.declared(ActivationsGen.ALL);
        int outputs = Math.min(3, ctx.options().maxOutputUnits());
        ctx.qtModels()
                .forAll(
                        DeepNetworks.sizes(MAX_LAYERS, 5, outputs),
                        ActivationsGen.anyOf(activations),
                        range(0, Integer.MAX_VALUE))
                .checkAssert(
                        (n, g, seed) -> NetworkLaws.symmetricParametersStaySymmetric(ctx, net, n, g, new Random(seed)));
        NetworkLaws.symmetricParametersStaySymmetric(
                ctx, net, new int[] {3, 3, 3, outputs}, activations.get(0), ctx.random());
    }

    /**
     * If this fails, check g(0): when it is 0, every hidden A[l] and every dA[l] is 0 under zero
     * init and only b[L] moves; with σ the error reaches one layer further down per step.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-10")
    public void required_DEEP10_zeroInitialisationLearnsOnlyWhatTheActivationAllows(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        Tensor x = Datasets.random(3, 10, 1, ctx.random()).x();
        int[] n = {3, 4, 3, 1};
        for (Activation g : net.declared(NetworkLaws.ZERO_AT_ZERO)) {
            NetworkLaws.zeroInitialisationLearnsOnlyTheOutputBias(ctx, net, n, x, g);
        }
        NetworkLaws.zeroInitialisationWithSigmoidMovesOneLayerPerStep(ctx, net, n, x, ctx.need(Activation.sigmoid()));
    }

    /**
     * Random weights with zero biases: after one step no two rows of a hidden W[l] are equal, nor of Z[1] (N58).
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-10")
    public void required_DEEP10_zeroBiasesWithRandomWeightsDoNotCauseSymmetry(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.deep(ctx);
        double scale = ctx.options().fixedInitScale().orElse(0.5);
        ctx.qtModels()
                .forAll(ActivationsGen.anyOf(net.declared(ActivationsGen.ALL)), range(0, Integer.MAX_VALUE))
                .checkAssert((g, seed) -> NetworkLaws.zeroBiasesWithRandomWeightsDoNotCauseSymmetry(
                        ctx, net, new int[] {3, 4, 4, 1}, g, seed, scale));
    }

    // ------------------------------------------------------------ DEEP-11, DEEP-12: gradient descent

    /**
     * If this fails, check that every W[l] and b[l] takes its own gradient, with the sign and α (all L layers).
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-11")
    public void required_DEEP11_updateIsThetaMinusAlphaTimesGradientInEveryLayer(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        NetworkUnderTest deep = NetworkUnderTest.deep(ctx);
        ctx.qt()
                .forAll(
                        DeepNetworks.sizes(MAX_LAYERS, 5, ctx.options().maxOutputUnits()),
                        Tensors.between(1e-4, 10),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((n, alpha, seed) -> {
                    Random r = new Random(seed);
                    DeepParameters p = DeepNetworks.parameters(n, r, 1);
                    DeepParameters g = DeepNetworks.parameters(n, r, 1);
                    NetworkLaws.stepIsThetaMinusAlphaTimesGradient(ctx, deep, p, g, alpha);
                });
        DeepParameters p = DeepNetworks.parameters(new int[] {3, 4, 2, 1}, ctx.random(), 1);
        DeepGradients ok = new DeepGradients(p.w(), p.b());
        for (double alpha : new double[] {Double.NaN, 0, -0.1, Double.POSITIVE_INFINITY}) {
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> net.step(p, ok, alpha));
        }
        ctx.assertRaises(
                ErrorKind.SHAPE_MISMATCH,
                null,
                () -> net.step(p, new DeepGradients(p.w().subList(0, 2), p.b().subList(0, 2)), 0.1));
        List<Tensor> transposed = new ArrayList<>(p.w());
        transposed.set(1, Tensor.zeros(4, 2));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> {
            try {
                net.step(p, new DeepGradients(transposed, p.b()), 0.1);
            } catch (SpecException e) {
                ctx.require(e.getMessage().contains("dW2"), "the message must name dW2: \"" + e.getMessage() + "\"");
                throw e;
            }
        });
        List<Tensor> nan = new ArrayList<>(p.b());
        nan.set(2, Tensor.full(Shape.of(1, 1), Double.NaN));
        ctx.assertRaises(ErrorKind.NON_FINITE, null, () -> net.step(p, new DeepGradients(p.w(), nan), 0.1));
    }

    /**
     * train is k steps θ − α·g of the implementation's own backward(forward), recording its own cost; a
     * wide input (n[0] = 70) too, where an implementation may switch kernels. Whether that cost and
     * those gradients are right is DEEP-3's and DEEP-4's question, not this clause's.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-12")
    public void required_DEEP12_trainingIsRepeatedStepsAndRecordsTheCosts(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        NetworkUnderTest deep = NetworkUnderTest.deep(ctx);
        ctx.qtModels().forAll(deep.cases(5, 12), range(0, 4), range(0, 1)).checkAssert((n, k, wide) -> {
            DeepParameters p0 = n.parameters();
            Dataset d = n.data();
            if (wide == 1) {
                Random r = new Random(k);
                int[] sizes = n.sizes();
                sizes[0] = 70;
                p0 = DeepNetworks.parameters(sizes, r, 0.2);
                d = Datasets.random(70, d.m(), sizes[sizes.length - 1], r);
            }
            NetworkLaws.trainingIsRepeatedSteps(ctx, deep, p0, d, n.activation(), k, ClauseId.DEEP_12);
        });
        DeepParameters p = DeepNetworks.parameters(new int[] {3, 4, 2, 1}, ctx.random(), 1);
        Dataset d = Datasets.random(3, 5, 1, ctx.random());
        Activation g = ctx.declaredDeep(ActivationsGen.ALL).get(0);
        ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> net.train(p, d.x(), d.y(), g, 0.1, -1));
        ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, null, () -> net.train(p, d.x(), d.y(), g, Double.NaN, 1));
    }

    // ------------------------------------------------------------ DEEP-13: the special cases

    /**
     * If this fails, the deep network and the two-layer network of the same implementation disagree at L = 2.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-13")
    @Requires({Capability.DEEP_NETWORK, Capability.TWO_LAYER_NETWORK})
    public void required_DEEP13_twoLayersAreTheTwoLayerNetwork(Context ctx) {
        DeepNetwork deep = ctx.impl().deepNetwork();
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(Datasets.networkCases(
                        6,
                        10,
                        ctx.declaredDeep(ActivationsGen.ALL),
                        ctx.options().maxOutputUnits()))
                .checkAssert(n -> {
                    Dataset d = n.data();
                    NetworkParameters p = n.parameters();
                    DeepParameters q = new DeepParameters(List.of(p.w1(), p.w2()), List.of(p.b1(), p.b2()));
                    Activation g = n.activation();
                    ForwardCache two = net.forward(p, d.x(), g);
                    DeepCache c = deep.forward(q, d.x(), g);
                    ctx.assertClose("Z1, L = 2 vs two-layer", c.z(1), two.z1(), Tolerance.MODEL);
                    ctx.assertClose("A1, L = 2 vs two-layer", c.a(1), two.a1(), Tolerance.MODEL);
                    ctx.assertClose("Z2, L = 2 vs two-layer", c.z(2), two.z2(), Tolerance.MODEL);
                    ctx.assertClose("A2, L = 2 vs two-layer", c.a(2), two.a2(), Tolerance.MODEL);
                    ctx.assertClose(
                            "J, L = 2 vs two-layer",
                            deep.cost(q, d.x(), d.y(), g),
                            net.cost(p, d.x(), d.y(), g),
                            Tolerance.MODEL);
                    DeepGradients dg = deep.backward(q, c, d.x(), d.y(), g);
                    NetworkGradients ng = net.backward(p, two, d.x(), d.y(), g);
                    ctx.assertClose("dW1, L = 2 vs two-layer", dg.dw(1), ng.dw1(), Tolerance.MODEL);
                    ctx.assertClose("db1, L = 2 vs two-layer", dg.db(1), ng.db1(), Tolerance.MODEL);
                    ctx.assertClose("dW2, L = 2 vs two-layer", dg.dw(2), ng.dw2(), Tolerance.MODEL);
                    ctx.assertClose("db2, L = 2 vs two-layer", dg.db(2), ng.db2(), Tolerance.MODEL);
                    if (ctx.options().step()) {
                        DeepParameters s = deep.step(q, dg, 0.3);
                        NetworkParameters t = net.step(p, ng, 0.3);
                        ctx.assertClose("W1 after a step, L = 2 vs two-layer", s.w(1), t.w1(), Tolerance.MODEL);
                        ctx.assertClose("b2 after a step, L = 2 vs two-layer", s.b(2), t.b2(), Tolerance.MODEL);
                    }
                    Training<DeepParameters> deepTrained = deep.train(q, d.x(), d.y(), g, 0.3, 3);
                    Training<NetworkParameters> trained = net.train(p, d.x(), d.y(), g, 0.3, 3);
                    for (int i = 0; i <= 3; i++) {
                        ctx.assertClose(
                                "costs[" + i + "], L = 2 vs two-layer",
                                deepTrained.costs()[i],
                                trained.costs()[i],
                                Tolerance.TRAJ);
                    }
                    ctx.assertClose(
                            "W1 after 3 steps, L = 2 vs two-layer",
                            deepTrained.parameters().w(1),
                            trained.parameters().w1(),
                            Tolerance.TRAJ);
                    ctx.assertClose(
                            "W2 after 3 steps, L = 2 vs two-layer",
                            deepTrained.parameters().w(2),
                            trained.parameters().w2(),
                            Tolerance.TRAJ);
                });
    }

    /**
     * If this fails, L = 1 is not logistic regression: its only layer must be σ(W[1]X + b[1]), with no hidden activation.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-13")
    @Requires({Capability.DEEP_NETWORK, Capability.LOGISTIC_REGRESSION})
    public void required_DEEP13_oneLayerIsLogisticRegression(Context ctx) {
        DeepNetwork deep = ctx.impl().deepNetwork();
        LogisticRegression lr = ctx.impl().logisticRegression();
        List<Activation> activations = ctx.declaredDeep(ActivationsGen.ALL);
        ctx.qtModels()
                .forAll(Datasets.datasets(6, 10, 1), ActivationsGen.anyOf(activations), range(0, Integer.MAX_VALUE))
                .checkAssert((d, g, seed) -> {
                    Random r = new Random(seed);
                    Tensor w = Tensors.gaussian(Shape.of(d.n(), 1), r, 1);
                    double b = r.nextGaussian();
                    LogisticParameters p = new LogisticParameters(w, b);
                    DeepParameters q = new DeepParameters(
                            List.of(Tensor.of(Shape.of(1, d.n()), w.toArray())),
                            List.of(Tensor.full(Shape.of(1, 1), b)));
                    DeepCache c = deep.forward(q, d.x(), g);
                    ctx.assertClose(
                            "A1 = σ(W1 X + b1), L = 1 vs logistic regression (" + g + " unused)",
                            c.a(1),
                            lr.forward(p, d.x()),
                            Tolerance.MODEL);
                    ctx.assertClose(
                            "J, L = 1 vs logistic regression",
                            deep.cost(q, d.x(), d.y(), g),
                            lr.cost(p, d.x(), d.y()),
                            Tolerance.MODEL);
                    DeepGradients dg = deep.backward(q, c, d.x(), d.y(), g);
                    LogisticGradients lg = lr.backward(p, d.x(), d.y());
                    ctx.assertClose(
                            "dW1 = dwᵀ, L = 1 vs logistic regression",
                            dg.dw(1),
                            Tensor.of(Shape.of(1, d.n()), lg.dw().toArray()),
                            Tolerance.MODEL);
                    ctx.assertClose(
                            "db1 = db, L = 1 vs logistic regression", dg.db(1).item(), lg.db(), Tolerance.MODEL);
                });
    }
}
