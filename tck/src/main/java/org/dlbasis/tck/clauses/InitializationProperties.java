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
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Initialization": INIT-1 … INIT-5 (N54–N58). */
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
        Tensor w = p.w1();
        double mean = 0;
        for (int i = 0; i < w.size(); i++) {
            mean += w.flat(i) / 0.01 / w.size();
        }
        double var = 0;
        for (int i = 0; i < w.size(); i++) {
            double d = w.flat(i) / 0.01 - mean;
            var += d * d / (w.size() - 1);
        }
        double sd = Math.sqrt(var);
        int n = w.size();
        ctx.require(
                Math.abs(mean) <= 5 / Math.sqrt(n),
                "mean of W1/0.01 is " + mean + ", expected 0 ± " + 5 / Math.sqrt(n));
        ctx.require(
                Math.abs(sd - 1) <= 5 / Math.sqrt(2.0 * n),
                "sd of W1/0.01 is " + sd + ", expected 1 ± " + 5 / Math.sqrt(2.0 * n));
        NetworkParameters zero = net.initialize(s, Initialization.zeros());
        ctx.assertClose("W1 at scale 0", zero.w1(), Tensor.zeros(50, 60), Tolerance.EXACT);
        ctx.assertClose("W2 at scale 0", zero.w2(), Tensor.zeros(3, 50), Tolerance.EXACT);
    }

    /** θ symmetric: equal W1 rows, equal b1 entries, equal W2 columns (SPEC INIT-2). */
    private static NetworkParameters symmetric(LayerSizes s, Random r) {
        Tensor row = Tensors.gaussian(Shape.of(1, s.nx()), r, 0.5);
        double b = r.nextGaussian() * 0.5;
        Tensor column = Tensors.gaussian(Shape.of(s.ny(), 1), r, 0.5);
        double[] w1 = new double[s.nh() * s.nx()];
        double[] w2 = new double[s.ny() * s.nh()];
        for (int i = 0; i < s.nh(); i++) {
            System.arraycopy(row.toArray(), 0, w1, i * s.nx(), s.nx());
            for (int k = 0; k < s.ny(); k++) {
                w2[k * s.nh() + i] = column.flat(k);
            }
        }
        return new NetworkParameters(
                Tensor.of(Shape.of(s.nh(), s.nx()), w1),
                Tensor.full(Shape.of(s.nh(), 1), b),
                Tensor.of(Shape.of(s.ny(), s.nh()), w2),
                Tensors.gaussian(Shape.of(s.ny(), 1), r, 0.5));
    }

    /** The largest difference between hidden unit 0 and any other unit, over W1 rows, b1 and W2 columns. */
    private static double asymmetry(NetworkParameters p) {
        int nh = p.w1().shape().dim(0);
        int nx = p.w1().shape().dim(1);
        int ny = p.w2().shape().dim(0);
        double worst = 0;
        for (int i = 1; i < nh; i++) {
            for (int j = 0; j < nx; j++) {
                worst = Math.max(worst, Math.abs(p.w1().get(i, j) - p.w1().get(0, j)));
            }
            worst = Math.max(worst, Math.abs(p.b1().get(i, 0) - p.b1().get(0, 0)));
            for (int k = 0; k < ny; k++) {
                worst = Math.max(worst, Math.abs(p.w2().get(k, i) - p.w2().get(k, 0)));
            }
        }
        return worst;
    }

    /**
     * If this fails, the implementation treats hidden units differently (per-row randomness, a wrong axis).
     *
     * @param ctx the run's context
     */
    @Clause("INIT-2")
    public void required_INIT2_symmetricParametersStaySymmetricForEveryActivation(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(
                        Datasets.layerSizesWithOutputs(5, ctx.options().maxOutputUnits()),
                        ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((s, g, seed) -> {
                    Random r = new Random(seed);
                    Dataset d = Datasets.random(s.nx(), 8, s.ny(), r);
                    NetworkParameters p =
                            net.train(symmetric(s, r), d.x(), d.y(), g, 0.5, 6).parameters();
                    ctx.require(
                            asymmetry(p) <= 1e-12,
                            "after 6 steps from symmetric parameters with " + g + " the hidden units differ by "
                                    + asymmetry(p));
                });
        // and W1 = 0 with a random W2 is not symmetric: the units separate (g'(0) ≠ 0)
        Random r = ctx.random();
        LayerSizes s = new LayerSizes(3, 4, 1);
        Dataset d = Datasets.random(3, 8, 1, r);
        NetworkParameters start = new NetworkParameters(
                Tensor.zeros(4, 3), Tensor.zeros(4, 1), Tensors.gaussian(Shape.of(1, 4), r, 1), Tensor.zeros(1, 1));
        NetworkParameters p =
                net.train(start, d.x(), d.y(), Activation.tanh(), 0.5, 2).parameters();
        ctx.require(asymmetry(p) > 1e-6, "W1 = 0 with a random W2 must not stay symmetric under tanh");
    }

    /**
     * If this fails, check g(0): when it is 0, A1 = 0 and W2 = 0 freeze every weight under zero init.
     *
     * @param ctx the run's context
     */
    @Clause({"INIT-3", "INIT-2"})
    public void required_INIT3_zeroInitialisationLearnsOnlyWhatTheActivationAllows(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        Dataset d = Datasets.random(3, 10, 1, ctx.random());
        // seven 1s and three 0s: the label mean is 0.7 ≠ σ(0) = ½, so db2 = mean(A2 − Y) ≠ 0 and b2 must move
        // (random labels with exactly five 1s gave db2 = 0, and the property failed on 6 of 20 seeds)
        Tensor labels = Tensor.row(0, 1, 1, 1, 0, 1, 1, 0, 1, 1);
        LayerSizes s = new LayerSizes(3, 4, 1);
        for (Activation g : ctx.declared(List.of(
                Activation.relu(), Activation.tanh(), Activation.leakyRelu(), Activation.elu(), Activation.linear()))) {
            NetworkParameters p = net.train(net.initialize(s, Initialization.zeros()), d.x(), labels, g, 0.5, 5)
                    .parameters();
            ctx.assertClose("W1 after zero init with " + g, p.w1(), Tensor.zeros(4, 3), Tolerance.EXACT);
            ctx.assertClose("b1 after zero init with " + g, p.b1(), Tensor.zeros(4, 1), Tolerance.EXACT);
            ctx.assertClose("W2 after zero init with " + g, p.w2(), Tensor.zeros(1, 4), Tolerance.EXACT);
            ctx.require(p.b2().item() != 0, "b2 must learn the label mean under zero init with " + g);
        }
        Activation sigmoid = Activation.sigmoid();
        NetworkParameters p = net.train(net.initialize(s, Initialization.zeros()), d.x(), labels, sigmoid, 0.5, 5)
                .parameters();
        ctx.require(p.w2().get(0, 0) != 0, "W2 must move under zero init with sigmoid (σ(0) = ½)");
        ctx.require(p.w1().get(0, 0) != 0 || p.b1().get(0, 0) != 0, "W1 or b1 must move from the second step");
        ctx.require(asymmetry(p) <= 1e-12, "zero init with sigmoid must stay symmetric, differs by " + asymmetry(p));
    }

    /**
     * Zero biases with random weights do not cause symmetry: after one step no two rows of W[1], nor of
     * Z[1], are equal.
     *
     * @param ctx the run's context
     */
    @Clause("INIT-4")
    public void required_INIT4_zeroBiasesWithRandomWeightsDoNotCauseSymmetry(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)), range(0, Integer.MAX_VALUE))
                .checkAssert((g, seed) -> {
                    Dataset d = Datasets.random(3, 8, 1, new Random(seed));
                    double scale = ctx.options().fixedInitScale().orElse(0.5);
                    NetworkParameters start =
                            net.initialize(new LayerSizes(3, 4, 1), Initialization.gaussian(scale, seed));
                    NetworkParameters p =
                            net.train(start, d.x(), d.y(), g, 0.5, 1).parameters();
                    // Pre-activations, not activations: two ReLU units that are both off on all 8 samples output the
                    // same
                    // zeros without being symmetric (seed 329 of the 1000-seed sweep); their rows of W[1] still differ.
                    Tensor z1 = net.forward(p, d.x(), g).z1();
                    for (int i = 0; i < 4; i++) {
                        for (int k = i + 1; k < 4; k++) {
                            ctx.require(
                                    differ(p.w1(), i, k),
                                    "rows " + i + " and " + k + " of W[1] are equal after one step "
                                            + "with b = 0 and random W (" + g + ")");
                            ctx.require(
                                    differ(z1, i, k),
                                    "hidden units " + i + " and " + k + " compute the same Z[1] with "
                                            + "b = 0 and random W (" + g + ")");
                        }
                    }
                });
    }

    /** Rows i and k of a matrix differ in at least one column. */
    private static boolean differ(Tensor m, int i, int k) {
        for (int j = 0; j < m.shape().dim(1); j++) {
            if (m.get(i, j) != m.get(k, j)) {
                return true;
            }
        }
        return false;
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
