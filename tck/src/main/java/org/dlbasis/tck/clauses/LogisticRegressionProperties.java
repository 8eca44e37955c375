package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Datasets.datasets;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.LogisticOracle;
import org.dlbasis.tck.oracle.NumericalGradient;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Logistic regression": LR-1 … LR-5 (N1–N7, N10–N15). */
@Requires(Capability.LOGISTIC_REGRESSION)
public final class LogisticRegressionProperties {

    /** Random parameters for data with n features. */
    static LogisticParameters parameters(int n, Random random) {
        return new LogisticParameters(Tensors.gaussian(Shape.of(n, 1), random, 1), random.nextGaussian());
    }

    /**
     * The forward pass is A = σ(wᵀX + b); w and labels of the wrong shape are rejected.
     *
     * @param ctx the run's context
     */
    @Clause({"LR-1", "DIM-3"})
    public void required_LR1_forwardIsSigmoidOfWTransposeXPlusB(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(8, 12, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = parameters(d.n(), new Random(seed));
            Tensor a = lr.forward(p, d.x());
            ctx.assertClose(
                    "A = σ(wᵀX + b)",
                    a,
                    LogisticOracle.logits(p, d.x()).map(org.dlbasis.tck.oracle.MathOracle::sigmoid),
                    Tolerance.MODEL);
            if (d.n() > 1) {
                ctx.assertRaises(
                        ErrorKind.SHAPE_MISMATCH,
                        null,
                        () -> lr.forward(new LogisticParameters(Tensor.zeros(1, d.n()), 0), d.x()));
            }
            ctx.assertRaises(
                    ErrorKind.SHAPE_MISMATCH,
                    null,
                    () -> lr.forward(new LogisticParameters(Tensor.zeros(d.n() + 1, 1), 0), d.x()));
            if (d.m() > 1) {
                Tensor column = Tensor.of(Shape.of(d.m(), 1), d.y().toArray());
                ctx.assertRaises(ErrorKind.SHAPE_MISMATCH, null, () -> lr.cost(p, d.x(), column));
            }
        });
    }

    /**
     * The cost is the mean loss, and stays finite and accurate for huge parameters (|w| ~ 1e4).
     *
     * @param ctx the run's context
     */
    @Clause({"LR-2", "LOSS-5"})
    public void required_LR2_costIsTheMeanLossComputedStably(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(8, 12, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = parameters(d.n(), new Random(seed));
            ctx.assertClose("J(w, b)", lr.cost(p, d.x(), d.y()), LogisticOracle.cost(p, d.x(), d.y()), Tolerance.MODEL);
            LogisticParameters huge = new LogisticParameters(p.w().map(v -> v * 1e4), p.b() * 1e4);
            double j = lr.cost(huge, d.x(), d.y());
            ctx.require(Double.isFinite(j), "J must be finite for finite parameters, found " + j + " at |w| ~ 1e4");
            ctx.assertClose("J(1e4·w, 1e4·b)", j, LogisticOracle.cost(huge, d.x(), d.y()), Tolerance.MODEL);
        });
    }

    /**
     * The gradients dw, of shape (n, 1), and db match the oracle's and central differences of the
     * cost. If this fails by a factor m, look for a missing 1/m; by a transpose, for X dZᵀ written dZ Xᵀ.
     *
     * @param ctx the run's context
     */
    @Clause({"LR-3", "BACKPROP-7"})
    public void required_LR3_gradientIsTheDerivativeOfTheCost(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(6, 10, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = parameters(d.n(), new Random(seed));
            LogisticGradients g = lr.backward(p, d.x(), d.y());
            LogisticGradients oracle = LogisticOracle.backward(p, d.x(), d.y());
            ctx.require(
                    g.dw().shape().equals(Shape.of(d.n(), 1)),
                    "dw has shape " + g.dw().shape() + ", but should be (" + d.n() + ",1)");
            ctx.assertClose("dw", g.dw(), oracle.dw(), Tolerance.MODEL);
            ctx.assertClose("db", g.db(), oracle.db(), Tolerance.MODEL);
            Tensor numericW = NumericalGradient.of(p.w(), w -> lr.cost(new LogisticParameters(w, p.b()), d.x(), d.y()));
            double e = NumericalGradient.EPS;
            double numericB = (lr.cost(new LogisticParameters(p.w(), p.b() + e), d.x(), d.y())
                            - lr.cost(new LogisticParameters(p.w(), p.b() - e), d.x(), d.y()))
                    / (2 * e);
            double j = lr.cost(p, d.x(), d.y());
            String w = NumericalGradient.violation("dw", g.dw(), numericW, j);
            String b = NumericalGradient.violation("db", Tensor.scalar(g.db()), Tensor.scalar(numericB), j);
            ctx.require(w == null, w);
            ctx.require(b == null, b);
        });
    }

    /**
     * Wide inputs, n from 64 to 159, where an implementation may switch kernels for the products
     * with X: the forward pass (LR-1), the cost (LR-2) and the gradients (LR-3) against the oracle.
     *
     * @param ctx the run's context
     */
    @Clause({"LR-1", "LR-2", "LR-3"})
    public void required_LR1_wideInputsToo(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qtModels()
                .forAll(range(64, 160), range(1, 14), range(0, Integer.MAX_VALUE))
                .checkAssert((n, m, seed) -> {
                    Random r = new Random(seed);
                    Dataset d = Datasets.random(n, m, 1, r);
                    LogisticParameters p =
                            new LogisticParameters(Tensors.gaussian(Shape.of(n, 1), r, 0.2), r.nextGaussian());
                    ctx.blame(ClauseId.LR_1);
                    ctx.assertClose(
                            "A with n = " + n,
                            lr.forward(p, d.x()),
                            LogisticOracle.logits(p, d.x()).map(org.dlbasis.tck.oracle.MathOracle::sigmoid),
                            Tolerance.MODEL);
                    ctx.blame(ClauseId.LR_2);
                    ctx.assertClose(
                            "J with n = " + n,
                            lr.cost(p, d.x(), d.y()),
                            LogisticOracle.cost(p, d.x(), d.y()),
                            Tolerance.MODEL);
                    ctx.blame(ClauseId.LR_3);
                    LogisticGradients actual = lr.backward(p, d.x(), d.y());
                    LogisticGradients expected = LogisticOracle.backward(p, d.x(), d.y());
                    ctx.assertClose("dw with n = " + n, actual.dw(), expected.dw(), Tolerance.MODEL);
                    ctx.assertClose("db with n = " + n, actual.db(), expected.db(), Tolerance.MODEL);
                });
    }

    /**
     * The cost is convex: along segments between two parameter sets, and with a positive semi-definite
     * Hessian (vᵀHv ≥ 0).
     *
     * @param ctx the run's context
     */
    @Clause("LR-4")
    public void informative_LR4_costIsConvexAlongSegmentsAndHasAPsdHessian(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qtModels().forAll(datasets(5, 10, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            Random r = new Random(seed);
            LogisticParameters p = parameters(d.n(), r);
            LogisticParameters q = parameters(d.n(), r);
            for (double t : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
                LogisticParameters mid = new LogisticParameters(
                        Tensor.of(p.w().shape(), mix(p.w().toArray(), q.w().toArray(), t)),
                        t * p.b() + (1 - t) * q.b());
                double lhs = lr.cost(mid, d.x(), d.y());
                double rhs = t * lr.cost(p, d.x(), d.y()) + (1 - t) * lr.cost(q, d.x(), d.y());
                ctx.require(
                        lhs <= rhs + 1e-12 + 1e-12 * Math.abs(rhs),
                        "J is not convex along a segment: J(mid) = " + lhs + " > " + rhs + " at t = " + t);
            }
            // vᵀHv ≥ 0: the directional derivative of the gradient along a random v
            Tensor v = Tensors.gaussian(p.w().shape(), r, 1);
            double vb = r.nextGaussian();
            double h = 1e-5;
            LogisticGradients plus = lr.backward(shift(p, v, vb, h), d.x(), d.y());
            LogisticGradients minus = lr.backward(shift(p, v, vb, -h), d.x(), d.y());
            double curvature = vb * (plus.db() - minus.db()) / (2 * h);
            for (int i = 0; i < v.size(); i++) {
                curvature += v.flat(i) * (plus.dw().flat(i) - minus.dw().flat(i)) / (2 * h);
            }
            ctx.require(curvature >= -1e-6, "vᵀHv = " + curvature + " < 0: the Hessian is not PSD");
        });
    }

    private static boolean separates(LogisticParameters p, Dataset d) {
        Tensor z = LogisticOracle.logits(p, d.x());
        for (int j = 0; j < d.m(); j++) {
            if ((z.flat(j) > 0) != (d.y().flat(j) == 1)) {
                return false;
            }
        }
        return true;
    }

    private static double[] mix(double[] a, double[] b, double t) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = t * a[i] + (1 - t) * b[i];
        }
        return out;
    }

    private static LogisticParameters shift(LogisticParameters p, Tensor v, double vb, double h) {
        double[] w = p.w().toArray();
        for (int i = 0; i < w.length; i++) {
            w[i] += h * v.flat(i);
        }
        return new LogisticParameters(Tensor.of(p.w().shape(), w), p.b() + h * vb);
    }

    /**
     * If this fails, training stops or turns back on separable data (clipping, a wrong sign).
     *
     * @param ctx the run's context
     */
    @Clause({"LR-5", "GD-5"})
    public void informative_LR5_separableDataHaveNoFiniteMinimiser(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qtModels()
                .forAll(range(1, 4), range(4, 12), range(0, Integer.MAX_VALUE))
                .checkAssert((n, m, seed) -> {
                    Random r = new Random(seed);
                    Dataset d = Datasets.separable(n, m, r);
                    var trained = lr.train(new LogisticParameters(Tensor.zeros(n, 1), 0), d.x(), d.y(), 1.0, 30);
                    double[] costs = trained.costs();
                    ctx.require(costs.length == 31, "train(…, 30) returned " + costs.length + " costs, expected 31");
                    for (int k = 1; k < costs.length; k++) {
                        ctx.require(
                                costs[k] < costs[k - 1],
                                "J did not decrease at step " + k + ": " + costs[k - 1] + " → " + costs[k]);
                    }
                    LogisticParameters p = trained.parameters();
                    if (!separates(p, d)) {
                        return; // not yet a separator after 30 steps: the scaling argument does not apply
                    }
                    double previous = Double.POSITIVE_INFINITY;
                    for (double c : new double[] {1, 2, 4, 8}) {
                        double j = lr.cost(new LogisticParameters(p.w().map(v -> v * c), p.b() * c), d.x(), d.y());
                        ctx.require(
                                j < previous || j == 0,
                                "J(c·θ) must fall as c grows on separable data: " + j + " at c = " + c + " after "
                                        + previous);
                        previous = j;
                    }
                });
    }
}
