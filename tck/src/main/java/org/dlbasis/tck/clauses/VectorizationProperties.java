package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Datasets.datasets;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.ArrayOracle;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Vectorization": VEC-1 … VEC-3 (N16, N17). VEC-4 (speed) is pending: benchmarks measure it. */
public final class VectorizationProperties {

    /**
     * The vectorized forward pass equals the per-sample loop, column by column, up to rounding.
     *
     * @param ctx the run's context
     */
    @Clause("VEC-1")
    @Requires(Capability.LOGISTIC_REGRESSION)
    public void required_VEC1_vectorizedForwardEqualsThePerSampleLoop(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(10, 10, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = LogisticRegressionProperties.parameters(d.n(), new Random(seed));
            Tensor all = lr.forward(p, d.x());
            for (int j = 0; j < d.m(); j++) {
                Tensor xj = ArrayOracle.column(d.x(), j);
                double one = lr.forward(p, xj).item();
                double terms = Math.abs(p.b());
                for (int i = 0; i < d.n(); i++) {
                    terms += Math.abs(p.w().flat(i) * xj.flat(i));
                }
                // σ is ¼-Lipschitz: the logits' 2·SUM(n+1) bound, quartered, plus σ's own rounding
                Tolerance tol = new Tolerance("2·SUM(n+1)/4 + ELEM", Tolerance.gamma(d.n() + 1) * terms / 2, 2e-15);
                ctx.assertClose("column " + j + " vectorized vs alone", all.flat(j), one, tol);
            }
        });
    }

    /**
     * If this fails, the 1/m or the sum over samples of the vectorized gradient is wrong.
     *
     * @param ctx the run's context
     */
    @Clause("VEC-2")
    @Requires(Capability.LOGISTIC_REGRESSION)
    public void required_VEC2_vectorizedGradientIsTheMeanOfPerSampleGradients(Context ctx) {
        LogisticRegression lr = ctx.impl().logisticRegression();
        ctx.qt().forAll(datasets(6, 10, 1), range(0, Integer.MAX_VALUE)).checkAssert((d, seed) -> {
            LogisticParameters p = LogisticRegressionProperties.parameters(d.n(), new Random(seed));
            LogisticGradients all = lr.backward(p, d.x(), d.y());
            double[] dw = new double[d.n()];
            double db = 0;
            for (int j = 0; j < d.m(); j++) {
                LogisticGradients one = lr.backward(p, ArrayOracle.column(d.x(), j), Tensor.row(d.y().flat(j)));
                for (int i = 0; i < d.n(); i++) {
                    dw[i] += one.dw().flat(i) / d.m();
                }
                db += one.db() / d.m();
            }
            ctx.assertClose(
                    "dw vs mean of per-sample dw", all.dw(), Tensor.of(Shape.of(d.n(), 1), dw), Tolerance.MODEL);
            ctx.assertClose("db vs mean of per-sample db", all.db(), db, Tolerance.MODEL);
        });
    }

    /**
     * N17: the vectorized dot and the loop differ by rounding only, within 2·γₙ·Σ|aᵢbᵢ|.
     *
     * @param ctx the run's context
     */
    @Clause({"VEC-3", "ARR-4"})
    @Requires(Capability.ARRAYS)
    public void required_VEC3_vectorizedDotEqualsTheLoopUpToRounding(Context ctx) {
        ctx.qt().forAll(range(1, 20_000), range(0, Integer.MAX_VALUE)).checkAssert((n, seed) -> {
            Random r = new Random(seed);
            Tensor a = Tensors.uniform(Shape.of(n), r, 1).map(Math::abs);
            Tensor b = Tensors.uniform(Shape.of(n), r, 1).map(Math::abs);
            double loop = 0;
            double abs = 0;
            for (int i = 0; i < n; i++) {
                loop += a.flat(i) * b.flat(i);
                abs += Math.abs(a.flat(i) * b.flat(i));
            }
            double dot = ctx.impl().arrays().dot(a, b).item();
            ctx.assertClose("dot of two (" + n + ",) vectors vs loop", dot, loop, Tolerance.sumBetween(n, abs));
        });
    }
}
