package org.dlbasis.tck.clauses;

import java.util.function.Function;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.gen.NetworkCase;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ModelOracle;
import org.dlbasis.tck.oracle.NumericalGradient;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/**
 * SPEC "Back propagation": BACKPROP-1 … BACKPROP-7 (N15, N45–N50). Each gradient is compared with
 * the oracle's formula applied to the implementation's own forward cache, so a mistake is pinned
 * to the line of the note it breaks.
 */
@Requires(Capability.TWO_LAYER_NETWORK)
public final class BackpropProperties {

    /** Runs {@code check} on the implementation's and the oracle's gradients for random networks. */
    private static void forRandomNetworks(Context ctx, GradientCheck check) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(Datasets.networkCases(
                        6, 10, ctx.declared(ActivationsGen.ALL), ctx.options().maxOutputUnits()))
                .checkAssert(n -> {
                    Dataset d = n.data();
                    ForwardCache c = net.forward(n.parameters(), d.x(), n.activation());
                    NetworkGradients actual = net.backward(n.parameters(), c, d.x(), d.y(), n.activation());
                    check.accept(
                            actual,
                            ModelOracle.backward(n.parameters(), c, d.x(), d.y(), n.activation()),
                            n.activation());
                });
    }

    private interface GradientCheck {
        void accept(NetworkGradients actual, NetworkGradients expected, Activation g);
    }

    /**
     * If this fails, dZ2 is not A2 − Y: check the sign, or a σ' factor that sigmoid + cross-entropy cancels.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-1", "BACKPROP-3"})
    public void required_BACKPROP1_3_db2IsTheMeanOfA2MinusY(Context ctx) {
        forRandomNetworks(
                ctx,
                (a, e, g) -> ctx.assertClose(
                        "db2 = (1/m) Σ (A2 − Y) (axis 1, keepdims)", a.db2(), e.db2(), Tolerance.MODEL));
    }

    /**
     * If this fails by a factor m: a missing 1/m; if it matches the transpose: dZ2ᵀ A1 or similar.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-2", "BACKPROP-1"})
    public void required_BACKPROP2_dW2IsDz2TimesA1Transposed(Context ctx) {
        forRandomNetworks(ctx, (a, e, g) -> ctx.assertClose("dW2 = (1/m) dZ2 A1ᵀ", a.dw2(), e.dw2(), Tolerance.MODEL));
    }

    /**
     * If this fails for every activation but linear: g'(A1) was used instead of g'(Z1).
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-4", "BACKPROP-5"})
    public void required_BACKPROP4_5_dW1UsesTheDerivativeAtZ1(Context ctx) {
        forRandomNetworks(
                ctx,
                (a, e, g) -> ctx.assertClose(
                        "dW1 = (1/m) (W2ᵀ dZ2 * g'(Z1)) Xᵀ for " + g, a.dw1(), e.dw1(), Tolerance.MODEL));
    }

    /**
     * If this fails, db1 is summed over the wrong axis or lacks 1/m.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-6", "BACKPROP-4"})
    public void required_BACKPROP6_db1IsTheRowMeanOfDz1(Context ctx) {
        forRandomNetworks(
                ctx,
                (a, e, g) -> ctx.assertClose(
                        "db1 = (1/m) Σ dZ1 (axis 1, keepdims) for " + g, a.db1(), e.db1(), Tolerance.MODEL));
    }

    /**
     * Output weights scaled so that the largest |Z2| becomes +60: σ rounds to exactly 1 there (and
     * other entries saturate too), where dA2 = −(Y/A2 − (1−Y)/(1−A2)) is 0/0 or 1/0.
     */
    private static NetworkParameters saturated(NetworkCase n) {
        NetworkParameters q = n.parameters();
        Tensor z2 = ModelOracle.forward(q, n.data().x(), n.activation()).z2();
        double f = ModelOracle.saturatingFactor(z2);
        return new NetworkParameters(q.w1(), q.b1(), q.w2().map(w -> f * w), q.b2().map(b -> f * b));
    }

    /**
     * If this fails, the cost is computed from A2 = σ(Z2) (log 0 = −∞, 0·log 0 = NaN) instead of from Z2.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-8", "NET-3"})
    public void required_BACKPROP8_saturatedOutputsKeepAFiniteCost(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(Datasets.networkCases(
                        6, 10, ctx.declared(ActivationsGen.ALL), ctx.options().maxOutputUnits()))
                .checkAssert(n -> {
                    NetworkParameters p = saturated(n);
                    Dataset d = n.data();
                    double cost = net.cost(p, d.x(), d.y(), n.activation());
                    Tensor z2 = ModelOracle.forward(p, d.x(), n.activation()).z2();
                    SaturatedCost.check(
                            ctx,
                            cost,
                            ModelOracle.cost(p, d.x(), d.y(), n.activation()),
                            ModelOracle.costFromProbabilities(z2, d.y()),
                            "Z2");
                });
    }

    /**
     * If this fails with NaN, the backward pass divides by A2 or 1 − A2 (dA2 = −(Y/A2 − (1−Y)/(1−A2)),
     * the course's week-4 helper): compute dZ2 = A2 − Y directly. Checked apart from the cost, so a
     * naive cost does not hide it.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-8", "BACKPROP-1"})
    public void required_BACKPROP8_saturatedOutputsKeepFiniteGradients(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(Datasets.networkCases(
                        6, 10, ctx.declared(ActivationsGen.ALL), ctx.options().maxOutputUnits()))
                .checkAssert(n -> {
                    NetworkParameters p = saturated(n);
                    Dataset d = n.data();
                    Activation g = n.activation();
                    ForwardCache c = net.forward(p, d.x(), g);
                    NetworkGradients actual = net.backward(p, c, d.x(), d.y(), g);
                    NetworkGradients expected = ModelOracle.backward(p, c, d.x(), d.y(), g);
                    String[] names = {"dW1", "db1", "dW2", "db2"};
                    Tensor[] got = {actual.dw1(), actual.db1(), actual.dw2(), actual.db2()};
                    for (int t = 0; t < got.length; t++) {
                        for (int i = 0; i < got[t].size(); i++) {
                            ctx.require(
                                    Double.isFinite(got[t].flat(i)),
                                    names[t] + " entry " + i + " is "
                                            + got[t].flat(i) + " with saturated outputs (" + g
                                            + "); its limit is finite"
                                            + "\n  diagnosis: dA2 = −(Y/A2 − (1−Y)/(1−A2)) is 0/0 once σ rounds to 1: compute "
                                            + "dZ2 = A2 − Y directly");
                        }
                    }
                    ctx.assertClose("dW2, saturated", actual.dw2(), expected.dw2(), Tolerance.MODEL);
                    ctx.assertClose("db2, saturated", actual.db2(), expected.db2(), Tolerance.MODEL);
                    ctx.assertClose("dW1, saturated", actual.dw1(), expected.dw1(), Tolerance.MODEL);
                    ctx.assertClose("db1, saturated", actual.db1(), expected.db1(), Tolerance.MODEL);
                });
    }

    /**
     * Every parameter against central differences of the implementation's own cost, for every
     * activation; ReLU and Leaky ReLU keep |Z1| ≥ 1e−3 so no probe crosses the kink. A NaN or ±∞
     * entry fails by itself, named by tensor and index, and huge finite entries are judged without
     * overflow ({@link NumericalGradient#violation}): a sum of squares that overflowed once let
     * ∞ ≤ ∞ pass a gradient with one entry of +∞ or 1e200.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-7", "NET-3"})
    public void required_BACKPROP7_gradientsAreTheDerivativesOfTheCost(Context ctx) {
        TwoLayerNetwork net = ctx.impl().twoLayerNetwork();
        ctx.qtModels()
                .forAll(Datasets.networkCases(
                        4, 6, ctx.declared(ActivationsGen.ALL), ctx.options().maxOutputUnits()))
                .checkAssert(n -> {
                    Dataset d = n.data();
                    NetworkParameters p = n.parameters();
                    Activation g = n.activation();
                    if (nearKink(ModelOracle.forward(p, d.x(), g).z1(), g)) {
                        return; // a probe could cross the kink: not judged (SPEC BACKPROP-7)
                    }
                    NetworkGradients grads = net.backward(p, net.forward(p, d.x(), g), d.x(), d.y(), g);
                    Function<NetworkParameters, Double> cost = q -> net.cost(q, d.x(), d.y(), g);
                    double j = cost.apply(p);
                    check(
                            ctx,
                            "dW1",
                            j,
                            grads.dw1(),
                            NumericalGradient.of(
                                    p.w1(), w -> cost.apply(new NetworkParameters(w, p.b1(), p.w2(), p.b2()))));
                    check(
                            ctx,
                            "db1",
                            j,
                            grads.db1(),
                            NumericalGradient.of(
                                    p.b1(), b -> cost.apply(new NetworkParameters(p.w1(), b, p.w2(), p.b2()))));
                    check(
                            ctx,
                            "dW2",
                            j,
                            grads.dw2(),
                            NumericalGradient.of(
                                    p.w2(), w -> cost.apply(new NetworkParameters(p.w1(), p.b1(), w, p.b2()))));
                    check(
                            ctx,
                            "db2",
                            j,
                            grads.db2(),
                            NumericalGradient.of(
                                    p.b2(), b -> cost.apply(new NetworkParameters(p.w1(), p.b1(), p.w2(), b))));
                });
    }

    static boolean nearKink(Tensor z1, Activation g) {
        if (g.kind() != Activation.Kind.RELU
                && g.kind() != Activation.Kind.LEAKY_RELU
                && !(g.kind() == Activation.Kind.ELU && g.parameter() != 1)) {
            return false;
        }
        for (int i = 0; i < z1.size(); i++) {
            if (Math.abs(z1.flat(i)) < 1e-3) {
                return true;
            }
        }
        return false;
    }

    private static void check(Context ctx, String what, double cost, Tensor analytic, Tensor numeric) {
        String violation = NumericalGradient.violation(what, analytic, numeric, cost);
        ctx.require(violation == null, violation);
    }
}
