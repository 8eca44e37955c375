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
import org.dlbasis.tck.oracle.DeepOracle;
import org.dlbasis.tck.oracle.ModelOracle;
import org.dlbasis.tck.oracle.NumericalGradient;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/**
 * SPEC "Deep networks": DEEP-1 … DEEP-13, the L-layer network [LINEAR → g] × (L − 1) → LINEAR →
 * SIGMOID (N31, N44–N58 layer by layer). Networks of up to four layers and widths up to six; every
 * value is compared with {@link DeepOracle}, never with another implementation, except in DEEP-13,
 * which compares the implementation with its own two-layer network and logistic regression.
 */
@Requires(Capability.DEEP_NETWORK)
public final class DeepNetworkProperties {
    private static final int MAX_LAYERS = 4;

    /** Random deep networks within the implementation's declared options. */
    private static org.quicktheories.core.Gen<DeepCase> cases(Context ctx, int maxWidth, int maxM) {
        return DeepNetworks.cases(
                MAX_LAYERS,
                maxWidth,
                maxM,
                ctx.declaredDeep(ActivationsGen.ALL),
                ctx.options().maxOutputUnits());
    }

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
                .checkAssert((n, seed) -> {
                    DeepParameters p = net.initialize(n, Initialization.gaussian(scale, seed));
                    ctx.require(
                            p.layers() == n.length - 1,
                            "initialize(" + java.util.Arrays.toString(n) + ") gave " + p.layers()
                                    + " layers, expected L = " + (n.length - 1));
                    for (int l = 1; l <= p.layers(); l++) {
                        requireShape(ctx, "W" + l, p.w(l), n[l], n[l - 1]);
                        requireShape(ctx, "b" + l, p.b(l), n[l], 1);
                    }
                });
        for (int[] bad : new int[][] {{}, {4}, {3, 0, 1}, {0, 2}, {3, 4, -1}}) {
            ctx.assertRaises(
                    ErrorKind.INVALID_ARGUMENT, null, () -> net.initialize(bad, Initialization.gaussian(scale, 1)));
        }
    }

    static void requireShape(Context ctx, String what, Tensor t, int... dims) {
        ctx.require(
                t.shape().equals(Shape.of(dims)),
                what + " has shape " + t.shape() + ", but should be " + Shape.of(dims));
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
            requireStandardGaussian(ctx, "W" + l, p.w(l), scale);
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

    /** Mean and standard deviation of w/scale within 5 standard errors of 0 and 1 (SPEC INIT-1). */
    private static void requireStandardGaussian(Context ctx, String what, Tensor w, double scale) {
        int k = w.size();
        double mean = 0;
        for (int i = 0; i < k; i++) {
            mean += w.flat(i) / scale / k;
        }
        double variance = 0;
        for (int i = 0; i < k; i++) {
            double d = w.flat(i) / scale - mean;
            variance += d * d / (k - 1);
        }
        double sd = Math.sqrt(variance);
        ctx.require(
                Math.abs(mean) <= 5 / Math.sqrt(k),
                "mean of " + what + "/" + scale + " is " + mean + ", expected 0 ± " + 5 / Math.sqrt(k));
        ctx.require(
                Math.abs(sd - 1) <= 5 / Math.sqrt(2.0 * k),
                "sd of " + what + "/" + scale + " is " + sd + ", expected 1 ± " + 5 / Math.sqrt(2.0 * k));
    }

    // ------------------------------------------------------------ DEEP-2, DEEP-3: forward and cost

    /**
     * If this fails, compare Z[l] = W[l]A[l−1] + b[l] layer by layer; the output layer is σ, the others g.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-2")
    public void required_DEEP2_forwardPropagationLayerByLayer(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 6, 10)).checkAssert(n -> {
            Dataset d = n.data();
            DeepCache c = net.forward(n.parameters(), d.x(), n.activation());
            DeepCache o = DeepOracle.forward(n.parameters(), d.x(), n.activation());
            int layers = n.parameters().layers();
            ctx.require(
                    c.layers() == layers, "forward returned a cache of " + c.layers() + " layers for L = " + layers);
            for (int l = 1; l <= layers; l++) {
                String g = l < layers ? "g = " + n.activation() : "σ";
                ctx.assertClose("Z" + l + " = W" + l + " A" + (l - 1) + " + b" + l, c.z(l), o.z(l), Tolerance.MODEL);
                ctx.assertClose("A" + l + " = " + g + "(Z" + l + ")", c.a(l), o.a(l), Tolerance.MODEL);
            }
        });
    }

    /**
     * If this fails by a factor n[L], the cost is the mean over all outputs (PyTorch's default), not over the m samples.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-3")
    public void required_DEEP3_theCostIsTheMeanOverTheSamplesOfTheOutputLayer(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 6, 10)).checkAssert(n -> {
            Dataset d = n.data();
            ctx.assertClose(
                    "J = (1/m) Σ L(A[L], Y)",
                    net.cost(n.parameters(), d.x(), d.y(), n.activation()),
                    DeepOracle.cost(n.parameters(), d.x(), d.y(), n.activation()),
                    Tolerance.MODEL);
        });
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
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 6, 10)).checkAssert(n -> {
            Dataset d = n.data();
            DeepParameters p = n.parameters();
            DeepCache c = net.forward(p, d.x(), n.activation());
            DeepGradients actual = net.backward(p, c, d.x(), d.y(), n.activation());
            DeepGradients expected = DeepOracle.backward(p, c, d.x(), d.y(), n.activation());
            ctx.require(
                    actual.layers() == p.layers(),
                    "backward returned gradients of " + actual.layers() + " layers for L = " + p.layers());
            for (int l = p.layers(); l >= 1; l--) {
                ctx.assertClose(
                        "dW" + l + " = (1/m) dZ" + l + " A" + (l - 1) + "ᵀ (" + n.activation() + ")",
                        actual.dw(l),
                        expected.dw(l),
                        Tolerance.MODEL);
                ctx.assertClose(
                        "db" + l + " = (1/m) Σ dZ" + l + " (axis 1, keepdims)",
                        actual.db(l),
                        expected.db(l),
                        Tolerance.MODEL);
            }
        });
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
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 5, 12), range(64, 160)).checkAssert((n, nx) -> {
            int[] sizes = n.sizes();
            sizes[0] = nx;
            Random r = new Random(31L * nx + sizes.length);
            DeepParameters p = DeepNetworks.parameters(sizes, r, 0.2);
            Dataset d = Datasets.random(nx, n.data().m(), sizes[sizes.length - 1], r);
            Activation g = n.activation();
            ctx.blame(ClauseId.DEEP_3);
            ctx.assertClose(
                    "J with n[0] = " + nx,
                    net.cost(p, d.x(), d.y(), g),
                    DeepOracle.cost(p, d.x(), d.y(), g),
                    Tolerance.MODEL);
            ctx.blame(ClauseId.DEEP_4);
            DeepCache c = net.forward(p, d.x(), g);
            DeepGradients actual = net.backward(p, c, d.x(), d.y(), g);
            DeepGradients expected = DeepOracle.backward(p, c, d.x(), d.y(), g);
            ctx.require(actual.layers() == p.layers(), "backward returned " + actual.layers() + " layers");
            for (int l = p.layers(); l >= 1; l--) {
                ctx.assertClose("dW" + l + " with n[0] = " + nx, actual.dw(l), expected.dw(l), Tolerance.MODEL);
                ctx.assertClose("db" + l + " with n[0] = " + nx, actual.db(l), expected.db(l), Tolerance.MODEL);
            }
        });
    }

    /**
     * If this fails for a db, look for np.sum without keepdims=True (a rank-1 db).
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-5")
    public void required_DEEP5_everyArrayHasItsLayersShape(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 6, 12)).checkAssert(n -> {
            Dataset d = n.data();
            DeepParameters p = n.parameters();
            int[] sizes = n.sizes();
            int m = d.m();
            DeepCache c = net.forward(p, d.x(), n.activation());
            DeepGradients g = net.backward(p, c, d.x(), d.y(), n.activation());
            for (int l = 1; l <= p.layers(); l++) {
                requireShape(ctx, "Z" + l, c.z(l), sizes[l], m);
                requireShape(ctx, "A" + l, c.a(l), sizes[l], m);
                requireShape(ctx, "dW" + l, g.dw(l), sizes[l], sizes[l - 1]);
                requireShape(ctx, "db" + l, g.db(l), sizes[l], 1);
            }
        });
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
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 4, 6)).checkAssert(n -> {
            Dataset d = n.data();
            DeepParameters p = n.parameters();
            Activation g = n.activation();
            if (nearKink(DeepOracle.forward(p, d.x(), g), g)) {
                return; // a probe could cross the kink: not judged (SPEC DEEP-6)
            }
            DeepGradients grads = net.backward(p, net.forward(p, d.x(), g), d.x(), d.y(), g);
            double j = net.cost(p, d.x(), d.y(), g);
            for (int l = 1; l <= p.layers(); l++) {
                int layer = l;
                check(
                        ctx,
                        "dW" + l,
                        j,
                        grads.dw(l),
                        NumericalGradient.of(p.w(l), w -> net.cost(DeepNetworks.withW(p, layer, w), d.x(), d.y(), g)));
                check(
                        ctx,
                        "db" + l,
                        j,
                        grads.db(l),
                        NumericalGradient.of(p.b(l), b -> net.cost(DeepNetworks.withB(p, layer, b), d.x(), d.y(), g)));
            }
        });
    }

    /** True if g has a kink and a hidden pre-activation (Z[l], l &lt; L) is within 1e−3 of it. */
    private static boolean nearKink(DeepCache c, Activation g) {
        for (int l = 1; l < c.layers(); l++) {
            if (BackpropProperties.nearKink(c.z(l), g)) {
                return true;
            }
        }
        return false;
    }

    private static void check(Context ctx, String what, double cost, Tensor analytic, Tensor numeric) {
        String violation = NumericalGradient.violation(what, analytic, numeric, cost);
        ctx.require(violation == null, violation);
    }

    /** W[L] and b[L] scaled so that the largest |Z[L]| becomes +60, where σ rounds to exactly 1. */
    private static DeepParameters saturated(DeepParameters q, Dataset d, Activation g) {
        int last = q.layers();
        Tensor z = DeepOracle.forward(q, d.x(), g).z(last);
        double f = ModelOracle.saturatingFactor(z);
        return DeepNetworks.withB(
                DeepNetworks.withW(q, last, q.w(last).map(w -> f * w)),
                last,
                q.b(last).map(b -> f * b));
    }

    /**
     * Checks that saturated outputs keep a finite cost. If this fails with NaN, 0·log 0 was
     * evaluated; a finite cost from Z[L], or LOSS-2's value of σ(Z[L]), passes.
     *
     * @param ctx the run's context
     */
    @Clause({"DEEP-7", "DEEP-3"})
    public void required_DEEP7_saturatedOutputsKeepAFiniteCost(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 6, 10)).checkAssert(n -> {
            Dataset d = n.data();
            Activation g = n.activation();
            DeepParameters p = saturated(n.parameters(), d, g);
            double cost = net.cost(p, d.x(), d.y(), g);
            SaturatedCost.check(
                    ctx,
                    cost,
                    DeepOracle.cost(p, d.x(), d.y(), g),
                    ModelOracle.costFromProbabilities(
                            DeepOracle.forward(p, d.x(), g).z(p.layers()), d.y()),
                    "Z[L]");
        });
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
        DeepNetwork net = ctx.impl().deepNetwork();
        ctx.qtModels().forAll(cases(ctx, 6, 10)).checkAssert(n -> {
            Dataset d = n.data();
            Activation g = n.activation();
            DeepParameters p = saturated(n.parameters(), d, g);
            int last = p.layers();
            DeepCache c = net.forward(p, d.x(), g);
            DeepGradients actual = net.backward(p, c, d.x(), d.y(), g);
            DeepGradients expected = DeepOracle.backward(p, c, d.x(), d.y(), g);
            for (int l = 1; l <= last; l++) {
                for (Tensor t : new Tensor[] {actual.dw(l), actual.db(l)}) {
                    for (int i = 0; i < t.size(); i++) {
                        ctx.require(
                                Double.isFinite(t.flat(i)),
                                "a gradient entry of layer " + l + " is " + t.flat(i)
                                        + " with saturated outputs (" + g + "); its limit is finite: dZ[L] = A[L] − Y"
                                        + "\n  diagnosis: dA[L] = −(Y/A[L] − (1−Y)/(1−A[L])) is 0/0 once σ rounds to 1");
                    }
                }
                ctx.assertClose("dW" + l + ", saturated", actual.dw(l), expected.dw(l), Tolerance.MODEL);
                ctx.assertClose("db" + l + ", saturated", actual.db(l), expected.db(l), Tolerance.MODEL);
            }
        });
    }

    // ------------------------------------------------------------ DEEP-9, DEEP-10: symmetry

    /**
     * Symmetric θ (SPEC DEEP-9): equal rows of W[1], constant W[l] for 1 &lt; l &lt; L, equal columns
     * of W[L], constant b[l] for l &lt; L; b[L] and the values themselves random.
     */
    static DeepParameters symmetric(int[] n, Random r) {
        int layers = n.length - 1;
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            double[] values = new double[n[l] * n[l - 1]];
            Tensor row = Tensors.gaussian(Shape.of(1, n[l - 1]), r, 0.5);
            Tensor column = Tensors.gaussian(Shape.of(n[l], 1), r, 0.5);
            double constant = r.nextGaussian() * 0.5;
            for (int i = 0; i < n[l]; i++) {
                for (int j = 0; j < n[l - 1]; j++) {
                    values[i * n[l - 1] + j] = l == 1 && l < layers
                            ? row.flat(j)
                            : l == layers && l > 1 ? column.flat(i) : l < layers ? constant : r.nextGaussian();
                }
            }
            w.add(Tensor.of(Shape.of(n[l], n[l - 1]), values));
            b.add(
                    l < layers
                            ? Tensor.full(Shape.of(n[l], 1), r.nextGaussian() * 0.5)
                            : Tensors.gaussian(Shape.of(n[l], 1), r, 0.5));
        }
        return new DeepParameters(w, b);
    }

    /**
     * How far θ is from symmetric, as the worst MODEL ratio between entries that must be equal
     * (0 = exactly symmetric, above 1 = not symmetric).
     */
    static double asymmetry(DeepParameters p) {
        int layers = p.layers();
        double worst = 0;
        for (int l = 1; l <= layers; l++) {
            Tensor w = p.w(l);
            int rows = w.shape().dim(0);
            int cols = w.shape().dim(1);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double reference = l == 1 && l < layers
                            ? w.get(0, j)
                            : l == layers && l > 1 ? w.get(i, 0) : l < layers ? w.get(0, 0) : w.get(i, j);
                    worst = Math.max(worst, Tolerance.MODEL.ratio(w.get(i, j), reference));
                }
                if (l < layers) {
                    worst = Math.max(worst, Tolerance.MODEL.ratio(p.b(l).get(i, 0), p.b(l).get(0, 0)));
                }
            }
        }
        return worst;
    }

    /**
     * If this fails, the implementation treats the units of a hidden layer differently: a
     * transposed W[l] in dA[l−1] = W[l]ᵀ dZ[l] (numpy does not notice when W[l] is square), a wrong
     * axis, per-unit randomness. The fixed 3-3-3-3 case makes every W[l] square.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-9")
    public void required_DEEP9_symmetricParametersStaySymmetric(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        List<Activation> activations = ctx.declaredDeep(ActivationsGen.ALL);
        int outputs = Math.min(3, ctx.options().maxOutputUnits());
        ctx.qtModels()
                .forAll(
                        DeepNetworks.sizes(MAX_LAYERS, 5, outputs),
                        ActivationsGen.anyOf(activations),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((n, g, seed) -> {
                    requireStaysSymmetric(ctx, net, n, g, new Random(seed));
                });
        requireStaysSymmetric(ctx, net, new int[] {3, 3, 3, outputs}, activations.get(0), ctx.random());
    }

    private static void requireStaysSymmetric(Context ctx, DeepNetwork net, int[] n, Activation g, Random r) {
        Dataset d = Datasets.random(n[0], 8, n[n.length - 1], r);
        DeepParameters start = symmetric(n, r);
        ctx.require(asymmetry(start) == 0, "the suite's symmetric parameters are not symmetric");
        DeepParameters p = net.train(start, d.x(), d.y(), g, 0.5, 6).parameters();
        ctx.require(
                asymmetry(p) <= 1,
                "after 6 steps from symmetric parameters (sizes " + java.util.Arrays.toString(n)
                        + ", " + g + ") the hidden units differ: the worst difference is " + asymmetry(p)
                        + " times MODEL's tolerance");
    }

    /** Seven 1s and three 0s: the label mean 0.7 ≠ σ(0) = ½, so db[L] ≠ 0 and b[L] must move (INIT-3). */
    private static final Tensor LABELS = Tensor.row(0, 1, 1, 1, 0, 1, 1, 0, 1, 1);

    /**
     * If this fails, check g(0): when it is 0, every hidden A[l] and every dA[l] is 0 under zero
     * init and only b[L] moves; with σ the error reaches one layer further down per step.
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-10")
    public void required_DEEP10_zeroInitialisationLearnsOnlyWhatTheActivationAllows(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        Tensor x = Datasets.random(3, 10, 1, ctx.random()).x();
        int[] n = {3, 4, 3, 1};
        int layers = n.length - 1;
        for (Activation g : ctx.declaredDeep(List.of(
                Activation.relu(), Activation.tanh(), Activation.leakyRelu(), Activation.elu(), Activation.linear()))) {
            DeepParameters p = net.train(net.initialize(n, Initialization.zeros()), x, LABELS, g, 0.5, 5)
                    .parameters();
            for (int l = 1; l <= layers; l++) {
                ctx.assertClose(
                        "W" + l + " after zero init with " + g, p.w(l), Tensor.zeros(n[l], n[l - 1]), Tolerance.EXACT);
                if (l < layers) {
                    ctx.assertClose(
                            "b" + l + " after zero init with " + g, p.b(l), Tensor.zeros(n[l], 1), Tolerance.EXACT);
                }
            }
            ctx.require(p.b(layers).item() != 0, "b" + layers + " must learn the label mean under zero init with " + g);
        }
        Activation sigmoid = ctx.need(Activation.sigmoid());
        for (int k = 1; k <= layers; k++) {
            DeepParameters p = net.train(net.initialize(n, Initialization.zeros()), x, LABELS, sigmoid, 0.5, k)
                    .parameters();
            for (int l = 1; l <= layers; l++) {
                boolean moved = maxAbs(p.w(l)) > 0;
                boolean shouldMove = l >= layers - k + 1;
                ctx.require(
                        moved == shouldMove,
                        "with sigmoid and zero init, W" + l + " after " + k + " step"
                                + (k == 1 ? "" : "s") + (moved ? " moved" : " is still 0") + "; it first moves at step "
                                + (layers - l + 1) + " (L − l + 1)");
            }
            ctx.require(
                    asymmetry(p) <= 1,
                    "zero init with sigmoid must stay symmetric, differs by " + asymmetry(p)
                            + " times MODEL's tolerance after " + k + " steps");
        }
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (int i = 0; i < t.size(); i++) {
            m = Math.max(m, Math.abs(t.flat(i)));
        }
        return m;
    }

    /**
     * Random weights with zero biases: after one step no two rows of a hidden W[l] are equal, nor of Z[1] (N58).
     *
     * @param ctx the run's context
     */
    @Clause("DEEP-10")
    public void required_DEEP10_zeroBiasesWithRandomWeightsDoNotCauseSymmetry(Context ctx) {
        DeepNetwork net = ctx.impl().deepNetwork();
        double scale = ctx.options().fixedInitScale().orElse(0.5);
        ctx.qtModels()
                .forAll(ActivationsGen.anyOf(ctx.declaredDeep(ActivationsGen.ALL)), range(0, Integer.MAX_VALUE))
                .checkAssert((g, seed) -> {
                    Dataset d = Datasets.random(3, 8, 1, new Random(seed));
                    int[] n = {3, 4, 4, 1};
                    DeepParameters p = net.train(
                                    net.initialize(n, Initialization.gaussian(scale, seed)), d.x(), d.y(), g, 0.5, 1)
                            .parameters();
                    Tensor z1 = net.forward(p, d.x(), g).z(1);
                    for (int l = 1; l < n.length - 1; l++) {
                        for (int i = 0; i < n[l]; i++) {
                            for (int k = i + 1; k < n[l]; k++) {
                                ctx.require(
                                        rowsDiffer(p.w(l), i, k),
                                        "rows " + i + " and " + k + " of W" + l
                                                + " are equal after one step with b = 0 and random W (" + g + ")");
                                ctx.require(
                                        l > 1 || rowsDiffer(z1, i, k),
                                        "hidden units " + i + " and " + k
                                                + " compute the same Z1 with b = 0 and random W (" + g + ")");
                            }
                        }
                    }
                });
    }

    private static boolean rowsDiffer(Tensor m, int i, int k) {
        for (int j = 0; j < m.shape().dim(1); j++) {
            if (m.get(i, j) != m.get(k, j)) {
                return true;
            }
        }
        return false;
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
        ctx.qt()
                .forAll(
                        DeepNetworks.sizes(MAX_LAYERS, 5, ctx.options().maxOutputUnits()),
                        Tensors.between(1e-4, 10),
                        range(0, Integer.MAX_VALUE))
                .checkAssert((n, alpha, seed) -> {
                    Random r = new Random(seed);
                    DeepParameters p = DeepNetworks.parameters(n, r, 1);
                    DeepParameters g = DeepNetworks.parameters(n, r, 1);
                    DeepParameters next = net.step(p, new DeepGradients(g.w(), g.b()), alpha);
                    ctx.require(
                            next.layers() == p.layers(),
                            "step returned " + next.layers() + " layers for L = " + p.layers());
                    for (int l = 1; l <= p.layers(); l++) {
                        requireSteps(ctx, "W" + l, next.w(l), p.w(l), alpha, g.w(l));
                        requireSteps(ctx, "b" + l, next.b(l), p.b(l), alpha, g.b(l));
                    }
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

    /** Entry by entry against θ − α·dθ rounded once, with GD-1's tolerance. */
    private static void requireSteps(Context ctx, String name, Tensor next, Tensor theta, double alpha, Tensor grad) {
        ctx.require(
                next.shape().equals(theta.shape()),
                name + " after a step has shape " + next.shape() + ", expected " + theta.shape());
        for (int i = 0; i < theta.size(); i++) {
            double exact = Math.fma(-alpha, grad.flat(i), theta.flat(i));
            ctx.assertClose(
                    name + " entry " + i + " after a step (θ = " + theta.flat(i) + ", α = " + alpha + ", dθ = "
                            + grad.flat(i) + ")",
                    next.flat(i),
                    exact,
                    GradientDescentProperties.stepTolerance(exact, alpha * grad.flat(i)));
        }
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
        ctx.qtModels().forAll(cases(ctx, 5, 12), range(0, 4), range(0, 1)).checkAssert((n, k, wide) -> {
            DeepParameters p0 = n.parameters();
            Dataset d = n.data();
            if (wide == 1) {
                Random r = new Random(k);
                int[] sizes = n.sizes();
                sizes[0] = 70;
                p0 = DeepNetworks.parameters(sizes, r, 0.2);
                d = Datasets.random(70, d.m(), sizes[sizes.length - 1], r);
            }
            Activation g = n.activation();
            Training<DeepParameters> t = net.train(p0, d.x(), d.y(), g, 0.3, k);
            ctx.require(t.costs().length == k + 1, "train(…, " + k + ") returned " + t.costs().length + " costs");
            DeepParameters q = p0; // the implementation's own cost and gradients (see GD-5's network property)
            for (int i = 0; i <= k; i++) {
                ctx.assertClose(
                        "costs[" + i + "] with " + g, t.costs()[i], net.cost(q, d.x(), d.y(), g), Tolerance.TRAJ);
                if (i < k) {
                    q = DeepOracle.step(q, net.backward(q, net.forward(q, d.x(), g), d.x(), d.y(), g), 0.3);
                }
            }
            for (int l = 1; l <= q.layers(); l++) {
                ctx.assertClose(
                        "W" + l + " after " + k + " steps", t.parameters().w(l), q.w(l), Tolerance.TRAJ);
                ctx.assertClose(
                        "b" + l + " after " + k + " steps", t.parameters().b(l), q.b(l), Tolerance.TRAJ);
            }
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
