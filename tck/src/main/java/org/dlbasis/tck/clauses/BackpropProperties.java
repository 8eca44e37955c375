package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Datasets.datasets;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.match.Diagnoses;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.LogisticOracle;
import org.dlbasis.tck.oracle.NetworkOracle;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/**
 * SPEC "Back propagation": BACKPROP-1 … BACKPROP-8 (N15, N45–N50), the laws of
 * {@link NetworkLaws} with L = 2. Each gradient is compared with the oracle's formula applied to
 * the implementation's own forward cache, so a mistake is pinned to the line of the note it
 * breaks. BACKPROP-8 holds for logistic regression too.
 */
@Requires(Capability.TWO_LAYER_NETWORK)
public final class BackpropProperties {

    /** The gradients {@code which} names, against the oracle, for random two-layer networks. */
    private static void gradients(Context ctx, String... which) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        java.util.List<String> names = java.util.List.of(which);
        ctx.qtModels()
                .forAll(net.cases(6, 10))
                .checkAssert(n -> NetworkLaws.gradientsAgainstTheOracle(ctx, net, n, names::contains));
    }

    /**
     * If this fails, dZ2 is not A2 − Y: check the sign, or a σ' factor that sigmoid + cross-entropy cancels.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-1", "BACKPROP-3"})
    public void required_BACKPROP1_3_db2IsTheMeanOfA2MinusY(Context ctx) {
        gradients(ctx, "db2");
    }

    /**
     * If this fails by a factor m: a missing 1/m; if it matches the transpose: dZ2ᵀ A1 or similar.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-2", "BACKPROP-1"})
    public void required_BACKPROP2_dW2IsDz2TimesA1Transposed(Context ctx) {
        gradients(ctx, "dW2");
    }

    /**
     * If this fails for every activation but linear: g'(A1) was used instead of g'(Z1).
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-4", "BACKPROP-5"})
    public void required_BACKPROP4_5_dW1UsesTheDerivativeAtZ1(Context ctx) {
        gradients(ctx, "dW1");
    }

    /**
     * If this fails, db1 is summed over the wrong axis or lacks 1/m.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-6", "BACKPROP-4"})
    public void required_BACKPROP6_db1IsTheRowMeanOfDz1(Context ctx) {
        gradients(ctx, "db1");
    }

    /**
     * If this fails, the cost is computed from A2 = σ(Z2) (log 0 = −∞, 0·log 0 = NaN) instead of from Z2.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-8", "NET-3"})
    public void required_BACKPROP8_saturatedOutputsKeepAFiniteCost(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qtModels()
                .forAll(net.cases(6, 10))
                .checkAssert(n -> NetworkLaws.saturatedOutputsKeepAFiniteCost(ctx, net, n));
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
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qtModels()
                .forAll(net.cases(6, 10))
                .checkAssert(n -> NetworkLaws.saturatedOutputsKeepFiniteGradients(ctx, net, n));
    }

    /** w and b scaled so that the largest |z| becomes +60, where σ rounds to exactly 1. */
    private static LogisticParameters saturated(LogisticParameters q, Dataset d) {
        Tensor z = LogisticOracle.logits(q, d.x());
        double f = NetworkOracle.saturatingFactor(z);
        return new LogisticParameters(q.w().map(w -> f * w), f * q.b());
    }

    /**
     * If this fails with NaN, 0·log 0 was evaluated; a finite cost from z, or LOSS-2's value of σ(z), passes.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-8", "LR-2"})
    @Requires(Capability.LOGISTIC_REGRESSION)
    public void required_BACKPROP8_saturatedLogisticRegressionKeepsAFiniteCost(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(6, 10, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = saturated(LogisticRegressionProperties.parameters(d.n(), new Random(seed)), d);
            double cost = lr.cost(p, d.x(), d.y());
            SaturatedCost.check(
                    ctx,
                    cost,
                    LogisticOracle.cost(p, d.x(), d.y()),
                    NetworkOracle.costFromProbabilities(LogisticOracle.logits(p, d.x()), d.y()),
                    "z");
        });
    }

    /**
     * If this fails with NaN, dz is computed through dA = −(Y/A − (1−Y)/(1−A)), which is 0/0 once σ
     * rounds to 1: use dz = A − Y. Checked apart from the cost, so a naive cost does not hide it.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-8", "LR-3"})
    @Requires(Capability.LOGISTIC_REGRESSION)
    public void required_BACKPROP8_saturatedLogisticRegressionKeepsFiniteGradients(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(6, 10, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = saturated(LogisticRegressionProperties.parameters(d.n(), new Random(seed)), d);
            LogisticGradients g = lr.backward(p, d.x(), d.y());
            LogisticGradients oracle = LogisticOracle.backward(p, d.x(), d.y());
            for (int i = 0; i < g.dw().size(); i++) {
                ctx.require(
                        Double.isFinite(g.dw().flat(i)),
                        "dw[" + i + "] = " + g.dw().flat(i) + " with saturated σ; " + "its limit is finite"
                                + Diagnoses.line(Diagnoses.saturatedOutputs("A", "dz")));
            }
            ctx.require(Double.isFinite(g.db()), "db = " + g.db() + " with saturated σ; its limit is finite");
            ctx.assertClose("dw, saturated", g.dw(), oracle.dw(), Tolerance.MODEL);
            ctx.assertClose("db, saturated", g.db(), oracle.db(), Tolerance.MODEL);
        });
    }

    /**
     * Every parameter against central differences of the implementation's own cost, for every
     * activation; ReLU and Leaky ReLU keep |Z1| ≥ 1e−3 so no probe crosses the kink. A NaN or ±∞
     * entry fails by itself, named by tensor and index, and huge finite entries are judged without
     * overflow: a sum of squares that overflowed once let ∞ ≤ ∞ pass a gradient with one entry of
     * +∞ or 1e200.
     *
     * @param ctx the run's context
     */
    @Clause({"BACKPROP-7", "NET-3"})
    public void required_BACKPROP7_gradientsAreTheDerivativesOfTheCost(Context ctx) {
        NetworkUnderTest net = NetworkUnderTest.twoLayer(ctx);
        ctx.qtModels()
                .forAll(net.cases(4, 6))
                .checkAssert(n -> NetworkLaws.gradientsAreTheDerivativesOfTheCost(ctx, net, n));
    }
}
