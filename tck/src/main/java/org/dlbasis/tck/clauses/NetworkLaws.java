package org.dlbasis.tck.clauses;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.gen.DeepCase;
import org.dlbasis.tck.gen.DeepNetworks;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Diagnoses;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.NetworkOracle;
import org.dlbasis.tck.oracle.NumericalGradient;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;

/**
 * The laws of a network, each written once for any number of layers and checked on one example:
 * the two-layer network's properties (NET-*, BACKPROP-*, INIT-*, GD-*) run them with L = 2, the
 * deep network's (DEEP-*) with L up to four, each under its own clause IDs. Layers are numbered
 * 1 … L as in N44; A[0] is X.
 */
final class NetworkLaws {
    private NetworkLaws() {}

    /** A[l−1]'s name: X for the first layer. */
    private static String input(int l) {
        return l == 1 ? "X" : "A" + (l - 1);
    }

    /**
     * Z[l] = W[l]A[l−1] + b[l] and A[l] = g(Z[l]) (σ for the output layer), layer by layer,
     * against the oracle.
     */
    static void forwardLayerByLayer(Context ctx, NetworkUnderTest net, DeepCase n) {
        Dataset d = n.data();
        DeepCache c = net.forward(n.parameters(), d.x(), n.activation());
        DeepCache o = NetworkOracle.forward(n.parameters(), d.x(), n.activation());
        int layers = n.parameters().layers();
        ctx.require(c.layers() == layers, "forward returned a cache of " + c.layers() + " layers for L = " + layers);
        for (int l = 1; l <= layers; l++) {
            String g = l < layers ? "g = " + n.activation() : "σ";
            ctx.assertClose("Z" + l + " = W" + l + " " + input(l) + " + b" + l, c.z(l), o.z(l), Tolerance.MODEL);
            ctx.assertClose("A" + l + " = " + g + "(Z" + l + ")", c.a(l), o.a(l), Tolerance.MODEL);
        }
    }

    /** J = (1/m) Σ L(A[L], Y) against the oracle's, computed from Z[L]. */
    static void costOfTheOutputLayer(Context ctx, NetworkUnderTest net, DeepCase n) {
        Dataset d = n.data();
        ctx.assertClose(
                "J = (1/m) Σ L(A[L], Y)",
                net.cost(n.parameters(), d.x(), d.y(), n.activation()),
                NetworkOracle.cost(n.parameters(), d.x(), d.y(), n.activation()),
                Tolerance.MODEL);
    }

    /**
     * The gradients {@code which} selects ({@code "dW2"}, {@code "db1"}, …) against the oracle's
     * formula applied to the implementation's own cache, so a mistake is pinned to its layer and
     * its line of N45–N50: dZ[L] = A[L] − Y, dW[l] = (1/m) dZ[l] A[l−1]ᵀ, db[l] = (1/m) Σ dZ[l],
     * dZ[l−1] = W[l]ᵀ dZ[l] * g′(Z[l−1]).
     */
    static void gradientsAgainstTheOracle(Context ctx, NetworkUnderTest net, DeepCase n, Predicate<String> which) {
        Dataset d = n.data();
        DeepParameters p = n.parameters();
        Activation g = n.activation();
        DeepCache c = net.forward(p, d.x(), g);
        DeepGradients actual = net.backward(p, c, d.x(), d.y(), g);
        DeepGradients expected = NetworkOracle.backward(p, c, d.x(), d.y(), g);
        ctx.require(
                actual.layers() == p.layers(),
                "backward returned gradients of " + actual.layers() + " layers for L = " + p.layers());
        for (int l = p.layers(); l >= 1; l--) {
            if (which.test("dW" + l)) {
                ctx.assertClose(
                        "dW" + l + " = (1/m) dZ" + l + " " + input(l) + "ᵀ (" + g + ")",
                        actual.dw(l),
                        expected.dw(l),
                        Tolerance.MODEL);
            }
            if (which.test("db" + l)) {
                ctx.assertClose(
                        "db" + l + " = (1/m) Σ dZ" + l + " (axis 1, keepdims) (" + g + ")",
                        actual.db(l),
                        expected.db(l),
                        Tolerance.MODEL);
            }
        }
    }

    /**
     * Wide inputs (n[0] of 64 and more), where an implementation may switch to a blocked or vector
     * kernel for the products with X: Z1 and A[L] (if {@code cache}) and J, blamed on
     * {@code forward}, then the gradients {@code which} selects, blamed on {@code backward}.
     */
    static void wideInputs(
            Context ctx,
            NetworkUnderTest net,
            DeepCase n,
            boolean cache,
            ClauseId forward,
            ClauseId backward,
            Predicate<String> which) {
        Dataset d = n.data();
        DeepParameters p = n.parameters();
        Activation g = n.activation();
        int nx = p.sizes()[0];
        int layers = p.layers();
        ctx.blame(forward);
        DeepCache c = net.forward(p, d.x(), g);
        if (cache) {
            DeepCache o = NetworkOracle.forward(p, d.x(), g);
            ctx.assertClose("Z1 with n[0] = " + nx, c.z(1), o.z(1), Tolerance.MODEL);
            ctx.assertClose("A" + layers + " with n[0] = " + nx, c.a(layers), o.a(layers), Tolerance.MODEL);
        }
        ctx.assertClose(
                "J with n[0] = " + nx,
                net.cost(p, d.x(), d.y(), g),
                NetworkOracle.cost(p, d.x(), d.y(), g),
                Tolerance.MODEL);
        ctx.blame(backward);
        DeepGradients actual = net.backward(p, c, d.x(), d.y(), g);
        DeepGradients expected = NetworkOracle.backward(p, c, d.x(), d.y(), g);
        ctx.require(actual.layers() == layers, "backward returned " + actual.layers() + " layers");
        for (int l = layers; l >= 1; l--) {
            if (which.test("dW" + l)) {
                ctx.assertClose("dW" + l + " with n[0] = " + nx, actual.dw(l), expected.dw(l), Tolerance.MODEL);
            }
            if (which.test("db" + l)) {
                ctx.assertClose("db" + l + " with n[0] = " + nx, actual.db(l), expected.db(l), Tolerance.MODEL);
            }
        }
    }

    /** Every array of the forward and the backward pass has its layer's shape. */
    static void everyArrayHasItsShape(Context ctx, NetworkUnderTest net, DeepParameters p, Dataset d, Activation g) {
        int[] sizes = p.sizes();
        int m = d.m();
        DeepCache c = net.forward(p, d.x(), g);
        DeepGradients grads = net.backward(p, c, d.x(), d.y(), g);
        for (int l = 1; l <= p.layers(); l++) {
            requireShape(ctx, "Z" + l, c.z(l), sizes[l], m);
            requireShape(ctx, "A" + l, c.a(l), sizes[l], m);
        }
        for (int l = 1; l <= p.layers(); l++) {
            requireShape(ctx, "dW" + l, grads.dw(l), sizes[l], sizes[l - 1]);
            requireShape(ctx, "db" + l, grads.db(l), sizes[l], 1);
        }
    }

    /** L layers, each W[l] of shape (n[l], n[l−1]) and b[l] of shape (n[l], 1). */
    static void parametersHaveTheLayerShapes(Context ctx, DeepParameters p, int[] n) {
        ctx.require(
                p.layers() == n.length - 1,
                "initialize(" + Arrays.toString(n) + ") gave " + p.layers() + " layers, expected L = "
                        + (n.length - 1));
        for (int l = 1; l <= p.layers(); l++) {
            requireShape(ctx, "W" + l, p.w(l), n[l], n[l - 1]);
            requireShape(ctx, "b" + l, p.b(l), n[l], 1);
        }
    }

    static void requireShape(Context ctx, String what, Tensor t, int... dims) {
        ctx.require(
                t.shape().equals(Shape.of(dims)),
                what + " has shape " + t.shape() + ", but should be " + Shape.of(dims));
    }

    /** Mean and standard deviation of w/scale within 5 standard errors of 0 and 1 (SPEC INIT-1). */
    static void requireStandardGaussian(Context ctx, String what, Tensor w, double scale) {
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

    /**
     * Every parameter of every layer against central differences of the implementation's own cost
     * (SPEC BACKPROP-7's eps and GRADCHECK); a case where a hidden pre-activation lies within 1e−3
     * of a kink is not judged. A NaN or ±∞ entry fails by itself, named by tensor and index, and
     * huge finite entries are judged without overflow ({@link NumericalGradient#violation}).
     */
    static void gradientsAreTheDerivativesOfTheCost(Context ctx, NetworkUnderTest net, DeepCase n) {
        Dataset d = n.data();
        DeepParameters p = n.parameters();
        Activation g = n.activation();
        if (nearKink(NetworkOracle.forward(p, d.x(), g), g)) {
            return; // a probe could cross the kink: not judged (SPEC BACKPROP-7)
        }
        DeepGradients grads = net.backward(p, net.forward(p, d.x(), g), d.x(), d.y(), g);
        double j = net.cost(p, d.x(), d.y(), g);
        for (int l = 1; l <= p.layers(); l++) {
            int layer = l;
            requireNumeric(
                    ctx,
                    "dW" + l,
                    j,
                    grads.dw(l),
                    NumericalGradient.of(p.w(l), w -> net.cost(DeepNetworks.withW(p, layer, w), d.x(), d.y(), g)));
            requireNumeric(
                    ctx,
                    "db" + l,
                    j,
                    grads.db(l),
                    NumericalGradient.of(p.b(l), b -> net.cost(DeepNetworks.withB(p, layer, b), d.x(), d.y(), g)));
        }
    }

    private static void requireNumeric(Context ctx, String what, double cost, Tensor analytic, Tensor numeric) {
        String violation = NumericalGradient.violation(what, analytic, numeric, cost);
        ctx.require(violation == null, violation);
    }

    /** True if g has a kink and a hidden pre-activation (Z[l], l &lt; L) is within 1e−3 of it. */
    static boolean nearKink(DeepCache c, Activation g) {
        if (g.kind() != Activation.Kind.RELU
                && g.kind() != Activation.Kind.LEAKY_RELU
                && !(g.kind() == Activation.Kind.ELU && g.parameter() != 1)) {
            return false;
        }
        for (int l = 1; l < c.layers(); l++) {
            Tensor z = c.z(l);
            for (int i = 0; i < z.size(); i++) {
                if (Math.abs(z.flat(i)) < 1e-3) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The case with W[L] and b[L] scaled so that the largest |Z[L]| becomes +60: σ rounds to exactly
     * 1 there (and other entries saturate too), where dA[L] = −(Y/A[L] − (1−Y)/(1−A[L])) is 0/0.
     */
    static DeepCase saturated(DeepCase n) {
        DeepParameters q = n.parameters();
        int last = q.layers();
        double f = NetworkOracle.saturatingFactor(
                NetworkOracle.forward(q, n.data().x(), n.activation()).z(last));
        DeepParameters p = DeepNetworks.withB(
                DeepNetworks.withW(q, last, q.w(last).map(w -> f * w)),
                last,
                q.b(last).map(b -> f * b));
        return new DeepCase(n.data(), p, n.activation());
    }

    /** Saturated outputs keep a finite cost: its limit from Z[L], or LOSS-2's value of σ(Z[L]). */
    static void saturatedOutputsKeepAFiniteCost(Context ctx, NetworkUnderTest net, DeepCase n) {
        DeepCase s = saturated(n);
        Dataset d = s.data();
        DeepParameters p = s.parameters();
        Activation g = s.activation();
        SaturatedCost.check(
                ctx,
                net.cost(p, d.x(), d.y(), g),
                NetworkOracle.cost(p, d.x(), d.y(), g),
                NetworkOracle.costFromProbabilities(
                        NetworkOracle.forward(p, d.x(), g).z(p.layers()), d.y()),
                "Z" + p.layers());
    }

    /**
     * Saturated outputs keep finite gradients equal to their limits; checked apart from the cost,
     * so that a naive cost does not hide a naive dZ[L].
     */
    static void saturatedOutputsKeepFiniteGradients(Context ctx, NetworkUnderTest net, DeepCase n) {
        DeepCase s = saturated(n);
        Dataset d = s.data();
        DeepParameters p = s.parameters();
        Activation g = s.activation();
        int last = p.layers();
        DeepCache c = net.forward(p, d.x(), g);
        DeepGradients actual = net.backward(p, c, d.x(), d.y(), g);
        DeepGradients expected = NetworkOracle.backward(p, c, d.x(), d.y(), g);
        for (int l = 1; l <= last; l++) {
            requireFinite(ctx, "dW" + l, actual.dw(l), g, last);
            requireFinite(ctx, "db" + l, actual.db(l), g, last);
        }
        for (int l = last; l >= 1; l--) {
            ctx.assertClose("dW" + l + ", saturated", actual.dw(l), expected.dw(l), Tolerance.MODEL);
            ctx.assertClose("db" + l + ", saturated", actual.db(l), expected.db(l), Tolerance.MODEL);
        }
    }

    private static void requireFinite(Context ctx, String name, Tensor t, Activation g, int last) {
        for (int i = 0; i < t.size(); i++) {
            ctx.require(
                    Double.isFinite(t.flat(i)),
                    name + " entry " + i + " is " + t.flat(i) + " with saturated outputs (" + g
                            + "); its limit is finite"
                            + Diagnoses.line(Diagnoses.saturatedOutputs("A" + last, "dZ" + last)));
        }
    }

    /**
     * Symmetric θ (SPEC INIT-2, DEEP-9): equal rows of W[1], constant W[l] for 1 &lt; l &lt; L,
     * equal columns of W[L], constant b[l] for l &lt; L; b[L] and the values themselves random.
     */
    static DeepParameters symmetric(int[] n, Random r) {
        int layers = n.length - 1;
        List<Tensor> w = new java.util.ArrayList<>();
        List<Tensor> b = new java.util.ArrayList<>();
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

    /** Six steps from symmetric parameters of sizes {@code n} keep the hidden units of each layer alike. */
    static void symmetricParametersStaySymmetric(Context ctx, NetworkUnderTest net, int[] n, Activation g, Random r) {
        Dataset d = Datasets.random(n[0], 8, n[n.length - 1], r);
        DeepParameters start = symmetric(n, r);
        ctx.require(asymmetry(start) == 0, "the suite's symmetric parameters are not symmetric");
        DeepParameters p = net.train(start, d.x(), d.y(), g, 0.5, 6).parameters();
        ctx.require(
                asymmetry(p) <= 1,
                "after 6 steps from symmetric parameters (sizes " + Arrays.toString(n) + ", " + g
                        + ") the hidden units differ: the worst difference is " + asymmetry(p)
                        + " times MODEL's tolerance");
    }

    /** Seven 1s and three 0s: the label mean 0.7 ≠ σ(0) = ½, so db[L] ≠ 0 and b[L] must move (INIT-3). */
    static final Tensor LABELS = Tensor.row(0, 1, 1, 1, 0, 1, 1, 0, 1, 1);

    /** The activations with g(0) = 0, under which zero initialisation learns only b[L]. */
    static final List<Activation> ZERO_AT_ZERO = List.of(
            Activation.relu(), Activation.tanh(), Activation.leakyRelu(), Activation.elu(), Activation.linear());

    /**
     * From zero initialisation with g(0) = 0 every hidden A[l] and every dA[l] is 0: after five
     * steps every W[l] and every hidden b[l] is still 0, and only b[L] has learnt the label mean.
     */
    static void zeroInitialisationLearnsOnlyTheOutputBias(
            Context ctx, NetworkUnderTest net, int[] n, Tensor x, Activation g) {
        int layers = n.length - 1;
        DeepParameters p = net.train(net.initialize(n, Initialization.zeros()), x, LABELS, g, 0.5, 5)
                .parameters();
        for (int l = 1; l <= layers; l++) {
            ctx.assertClose(
                    "W" + l + " after zero init with " + g, p.w(l), Tensor.zeros(n[l], n[l - 1]), Tolerance.EXACT);
            if (l < layers) {
                ctx.assertClose("b" + l + " after zero init with " + g, p.b(l), Tensor.zeros(n[l], 1), Tolerance.EXACT);
            }
        }
        ctx.require(p.b(layers).item() != 0, "b" + layers + " must learn the label mean under zero init with " + g);
    }

    /**
     * From zero initialisation with σ (σ(0) = ½) the error reaches one layer further down per
     * step: after k steps exactly W[L − k + 1] … W[L] have moved, and θ stays symmetric.
     */
    static void zeroInitialisationWithSigmoidMovesOneLayerPerStep(
            Context ctx, NetworkUnderTest net, int[] n, Tensor x, Activation sigmoid) {
        int layers = n.length - 1;
        for (int k = 1; k <= layers; k++) {
            DeepParameters p = net.train(net.initialize(n, Initialization.zeros()), x, LABELS, sigmoid, 0.5, k)
                    .parameters();
            for (int l = 1; l <= layers; l++) {
                boolean moved = maxAbs(p.w(l)) > 0;
                boolean shouldMove = l >= layers - k + 1;
                ctx.require(
                        moved == shouldMove,
                        "with sigmoid and zero init, W" + l + " after " + k + " step" + (k == 1 ? "" : "s")
                                + (moved ? " moved" : " is still 0") + "; it first moves at step " + (layers - l + 1)
                                + " (L − l + 1)");
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
     * Random weights with zero biases: after one step no two rows of a hidden W[l] are equal, nor
     * of Z[1]. Pre-activations, not activations: two ReLU units that are both off on all 8 samples
     * output the same zeros without being symmetric (seed 329 of a 1000-seed sweep).
     */
    static void zeroBiasesWithRandomWeightsDoNotCauseSymmetry(
            Context ctx, NetworkUnderTest net, int[] n, Activation g, long seed, double scale) {
        Dataset d = Datasets.random(n[0], 8, n[n.length - 1], new Random(seed));
        DeepParameters p = net.train(net.initialize(n, Initialization.gaussian(scale, seed)), d.x(), d.y(), g, 0.5, 1)
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
                            "hidden units " + i + " and " + k + " compute the same Z1 with b = 0 and random W (" + g
                                    + ")");
                }
            }
        }
    }

    private static boolean rowsDiffer(Tensor m, int i, int k) {
        for (int j = 0; j < m.shape().dim(1); j++) {
            if (m.get(i, j) != m.get(k, j)) {
                return true;
            }
        }
        return false;
    }

    /** One step is θ − α·dθ for every W[l] and b[l], entry by entry (GD-1's tolerance). */
    static void stepIsThetaMinusAlphaTimesGradient(
            Context ctx, NetworkUnderTest net, DeepParameters p, DeepParameters g, double alpha) {
        DeepParameters next = net.step(p, new DeepGradients(g.w(), g.b()), alpha);
        ctx.require(next.layers() == p.layers(), "step returned " + next.layers() + " layers for L = " + p.layers());
        for (int l = 1; l <= p.layers(); l++) {
            requireSteps(ctx, "W" + l, next.w(l), p.w(l), alpha, g.w(l));
            requireSteps(ctx, "b" + l, next.b(l), p.b(l), alpha, g.b(l));
        }
    }

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

    /** The learning rate of {@link #trainingIsRepeatedSteps}. */
    private static final double ALPHA = 0.3;

    /**
     * train(θ₀, …, k) is k steps θ − α·g of the implementation's own backward(forward), recording
     * its own cost before each step and after the last. Whether that cost and those gradients are
     * right is the forward and backward clauses' question: the recording (costs[0]) is blamed on
     * {@code recording}, the rest on every clause the property names.
     */
    static void trainingIsRepeatedSteps(
            Context ctx, NetworkUnderTest net, DeepParameters p0, Dataset d, Activation g, int k, ClauseId recording) {
        ctx.blame(recording); // from costs[1] on, a wrong step shows too
        Training<DeepParameters> t = net.train(p0, d.x(), d.y(), g, ALPHA, k);
        ctx.require(t.costs().length == k + 1, "train(…, " + k + ") returned " + t.costs().length + " costs");
        DeepParameters q = p0;
        for (int i = 0; i <= k; i++) {
            ctx.assertClose("costs[" + i + "] with " + g, t.costs()[i], net.cost(q, d.x(), d.y(), g), Tolerance.TRAJ);
            ctx.blame();
            if (i < k) {
                q = NetworkOracle.step(q, net.backward(q, net.forward(q, d.x(), g), d.x(), d.y(), g), ALPHA);
            }
        }
        for (int l = 1; l <= q.layers(); l++) {
            ctx.assertClose("W" + l + " after " + k + " steps", t.parameters().w(l), q.w(l), Tolerance.TRAJ);
            ctx.assertClose("b" + l + " after " + k + " steps", t.parameters().b(l), q.b(l), Tolerance.TRAJ);
        }
    }
}
