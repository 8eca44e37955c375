package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Tensors.between;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.MathOracle;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Loss and cost": LOSS-1 … LOSS-6 (N8–N11). */
@Requires(Capability.LOSS)
public final class LossProperties {

    private static double loss(Context ctx, double yHat, double y) {
        return ctx.impl().loss().loss(Tensor.row(yHat), Tensor.row(y)).item();
    }

    /**
     * The loss is the binary cross-entropy L(ŷ, y) = −(y log ŷ + (1 − y) log(1 − ŷ)).
     *
     * @param ctx the run's context
     */
    @Clause("LOSS-1")
    public void required_LOSS1_binaryCrossEntropy(Context ctx) {
        ctx.qt().forAll(between(1e-12, 1 - 1e-12), range(0, 1)).checkAssert((yHat, y) -> {
            double expected = -(y * Math.log(yHat) + (1 - y) * Math.log1p(-yHat));
            ctx.assertClose("L(" + yHat + ", " + y + ")", loss(ctx, yHat, y), expected, Tolerance.LOSS);
        });
    }

    /**
     * If this fails with NaN, the implementation evaluates 0·log 0 instead of selecting the term.
     *
     * @param ctx the run's context
     */
    @Clause("LOSS-2")
    public void required_LOSS2_theLabelSelectsTheTermSoCertaintyIsZeroOrInfinity(Context ctx) {
        ctx.assertClose("L(1, 1)", loss(ctx, 1, 1), 0, Tolerance.EXACT);
        ctx.assertClose("L(0, 0)", loss(ctx, 0, 0), 0, Tolerance.EXACT);
        ctx.assertClose("L(0, 1)", loss(ctx, 0, 1), Double.POSITIVE_INFINITY, Tolerance.EXACT);
        ctx.assertClose("L(1, 0)", loss(ctx, 1, 0), Double.POSITIVE_INFINITY, Tolerance.EXACT);
        ctx.qt().forAll(between(1e-300, 1)).checkAssert(yHat -> {
            ctx.assertClose("L(ŷ, 1) = −log ŷ", loss(ctx, yHat, 1), -Math.log(yHat), Tolerance.LOSS);
            ctx.assertClose("L(1 − ŷ, 0) = −log ŷ", loss(ctx, 1 - yHat, 0), -Math.log(1 - (1 - yHat)), Tolerance.LOSS);
        });
    }

    /**
     * The loss is non-negative, falls as ŷ moves towards y, and is convex in ŷ.
     *
     * @param ctx the run's context
     */
    @Clause("LOSS-3")
    public void required_LOSS3_nonNegativeMonotoneAndConvexInYHat(Context ctx) {
        ctx.qt()
                .forAll(between(1e-6, 1 - 1e-6), between(1e-6, 1 - 1e-6), between(0, 1))
                .checkAssert((p, q, t) -> {
                    for (int y = 0; y <= 1; y++) {
                        double lp = loss(ctx, p, y);
                        double lq = loss(ctx, q, y);
                        ctx.require(lp >= 0, "L(" + p + ", " + y + ") = " + lp + " < 0");
                        boolean towardsLabel = y == 1 ? p <= q : p >= q;
                        ctx.require(
                                !towardsLabel || lp >= lq,
                                "L must fall as ŷ moves towards y = " + y + ": L(" + p + ") = " + lp + ", L(" + q
                                        + ") = " + lq);
                        double mid = loss(ctx, t * p + (1 - t) * q, y);
                        double chord = t * lp + (1 - t) * lq;
                        ctx.require(
                                mid <= chord + 1e-12 + 1e-12 * Math.abs(chord),
                                "L is not convex: L(tp+(1-t)q) = " + mid + " > tL(p)+(1-t)L(q) = " + chord + " for p="
                                        + p + ", q=" + q + ", t=" + t + ", y=" + y);
                    }
                });
    }

    /**
     * The loss from logits is finite and accurate for every finite logit, up to |z| = 1000; NaN and ±∞
     * are rejected.
     *
     * @param ctx the run's context
     */
    @Clause({"LOSS-4", "ERR-3"})
    public void required_LOSS4_lossFromLogitsIsFiniteForFiniteLogits(Context ctx) {
        Loss loss = ctx.impl().loss();
        ctx.qt().forAll(between(-1000, 1000), range(0, 1)).checkAssert((z, y) -> {
            double actual = loss.lossFromLogits(Tensor.row(z), Tensor.row(y)).item();
            ctx.assertClose("L(σ(" + z + "), " + y + ")", actual, MathOracle.lossFromLogit(z, y), Tolerance.LOSS);
        });
        ctx.assertClose(
                "L(σ(1000), 0)",
                loss.lossFromLogits(Tensor.row(1000), Tensor.row(0)).item(),
                1000,
                Tolerance.LOSS);
        ctx.assertClose(
                "L(σ(-1000), 0)",
                loss.lossFromLogits(Tensor.row(-1000), Tensor.row(0)).item(),
                0,
                Tolerance.LOSS);
        ctx.assertRaises(ErrorKind.NON_FINITE, null, () -> loss.lossFromLogits(Tensor.row(Double.NaN), Tensor.row(1)));
        ctx.assertRaises(
                ErrorKind.NON_FINITE,
                null,
                () -> loss.costFromLogits(Tensor.row(Double.POSITIVE_INFINITY), Tensor.row(1)));
    }

    /**
     * If this fails by a factor of m (or r), the cost sums instead of averaging over the columns.
     *
     * @param ctx the run's context
     */
    @Clause({"LOSS-5", "ERR-2"})
    public void required_LOSS5_costIsTheMeanOverTheMSamples(Context ctx) {
        Loss loss = ctx.impl().loss();
        ctx.blame(ClauseId.LOSS_5); // the mean; ERR-2 only for the empty input below
        ctx.qt().forAll(range(1, 3), range(1, 30), range(0, Integer.MAX_VALUE)).checkAssert((r, m, seed) -> {
            Random random = new Random(seed);
            double[] p = new double[r * m];
            double[] y = new double[r * m];
            double total = 0;
            double abs = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = 0.001 + 0.998 * random.nextDouble();
                y[i] = random.nextInt(2);
                double l = MathOracle.loss(p[i], y[i]);
                total += l;
                abs += Math.abs(l);
            }
            Tensor yHat = Tensor.of(Shape.of(r, m), p);
            Tensor labels = Tensor.of(Shape.of(r, m), y);
            Tolerance tol = new Tolerance("2·SUM + LOSS", 2 * Tolerance.gamma(r * m) * abs / m + 1e-15, 1e-15);
            ctx.assertClose("J over (" + r + "," + m + ")", loss.cost(yHat, labels), total / m, tol);
        });
        ctx.blame(ClauseId.ERR_2);
        ctx.assertRaises(ErrorKind.EMPTY_INPUT, null, () -> loss.cost(Tensor.zeros(1, 0), Tensor.zeros(1, 0)));
        ctx.blame(ClauseId.LOSS_5);
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> loss.cost(Tensor.vector(0.5), Tensor.vector(1)));
    }

    /**
     * If this fails, predictions (1,m) against labels (m,1) were broadcast to (m,m) instead of rejected.
     *
     * @param ctx the run's context
     */
    @Clause({"LOSS-6", "DIM-3"})
    public void required_LOSS6_labelsAndPredictionsAreCheckedNeverBroadcast(Context ctx) {
        Loss loss = ctx.impl().loss();
        Tensor yHat = Tensor.row(0.9, 0.2, 0.7);
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> loss.cost(yHat, Tensor.column(1, 0, 1)));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> loss.loss(yHat, Tensor.row(1)));
        ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> loss.cost(yHat, Tensor.row(1, 0.5, 0)));
        ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> loss.cost(yHat, Tensor.row(1, 2, 0)));
        ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> loss.cost(yHat, Tensor.row(1, Double.NaN, 0)));
        ctx.assertRaises(
                ErrorKind.INVALID_LABEL, null, () -> loss.cost(Tensor.row(0.5, 1.5, 0.2), Tensor.row(1, 0, 1)));
        ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> loss.loss(Tensor.row(-0.1), Tensor.row(0)));
        ctx.assertRaises(
                ErrorKind.NON_FINITE, null, () -> loss.cost(Tensor.row(0.5, Double.NaN, 0.2), Tensor.row(1, 0, 1)));
        ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> loss.costFromLogits(Tensor.row(1, 2), Tensor.row(1, -1)));
    }

    /**
     * Labels other than 0 and 1, or of the wrong shape, are rejected by every model call that takes Y.
     *
     * @param ctx the run's context
     */
    @Clause({"LOSS-6", "DIM-3"})
    @Requires({Capability.LOGISTIC_REGRESSION, Capability.TWO_LAYER_NETWORK})
    public void required_LOSS6_modelsRejectBadLabels(Context ctx) {
        var lr = ctx.impl().logisticRegression();
        var net = ctx.impl().twoLayerNetwork();
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {0, 1, 2});
        LogisticParameters p = new LogisticParameters(Tensor.zeros(2, 1), 0);
        NetworkParameters q = net.initialize(new LayerSizes(2, 3, 1), Initialization.small(2));
        var cache = net.forward(q, x, Activation.relu());
        for (Tensor y : new Tensor[] {Tensor.row(0, 0.5, 1), Tensor.row(0, 2, 1)}) {
            ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> lr.cost(p, x, y));
            ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> lr.backward(p, x, y));
            ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> lr.train(p, x, y, 0.1, 1));
            ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> net.cost(q, x, y, Activation.relu()));
            ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> net.backward(q, cache, x, y, Activation.relu()));
            ctx.assertRaises(ErrorKind.INVALID_LABEL, null, () -> net.train(q, x, y, Activation.relu(), 0.1, 1));
        }
        Tensor column = Tensor.column(0, 1, 1);
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> lr.backward(p, x, column));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> lr.train(p, x, column, 0.1, 1));
        ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> net.train(q, x, column, Activation.relu(), 0.1, 1));
    }
}
