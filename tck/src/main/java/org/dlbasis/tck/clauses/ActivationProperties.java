package org.dlbasis.tck.clauses;

import static org.dlbasis.tck.gen.Tensors.anyFinite;
import static org.dlbasis.tck.gen.Tensors.awayFromZero;
import static org.dlbasis.tck.gen.Tensors.between;
import static org.quicktheories.generators.Generate.range;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.gen.Tensors;
import org.dlbasis.tck.match.Diagnoses;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.oracle.MathOracle;
import org.dlbasis.tck.suite.ClauseId;
import org.dlbasis.tck.suite.Context;
import org.dlbasis.tck.suite.Requires;

/** SPEC "Activation functions": ACT-1 … ACT-16 (N7, N32–N43, N55). */
@Requires(Capability.ACTIVATIONS)
public final class ActivationProperties {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double g(Context ctx, Activation a, double z) {
        return ctx.impl().activations().apply(a, Tensor.scalar(z)).item();
    }

    private static double dg(Context ctx, Activation a, double z) {
        return ctx.impl().activations().derivative(a, Tensor.scalar(z)).item();
    }

    /** Compares g on a random vector (one call, many values) against the oracle. */
    private static void valuesMatchOracle(Context ctx, Activation a, double range, Tolerance tol) {
        ctx.qt().forAll(range(1, 20), range(0, Integer.MAX_VALUE)).checkAssert((n, seed) -> {
            Tensor z = Tensors.uniform(Shape.of(n, 2), new Random(seed), range);
            ctx.assertClose(a + "(z)", ctx.impl().activations().apply(a, z), z.map(v -> MathOracle.value(a, v)), tol);
        });
    }

    private static void derivativesMatchOracle(Context ctx, Activation a, double range, Tolerance tol) {
        ctx.qt().forAll(range(1, 20), range(0, Integer.MAX_VALUE)).checkAssert((n, seed) -> {
            Tensor z = Tensors.uniform(Shape.of(n, 2), new Random(seed), range);
            ctx.assertClose(
                    a + "'(z)",
                    ctx.impl().activations().derivative(a, z),
                    z.map(v -> MathOracle.derivative(a, v)),
                    tol);
        });
    }

    /**
     * σ matches the oracle over the whole range, with σ(0) = ½ and the exact limits 0 and 1 at ±1000 and ±∞.
     *
     * @param ctx the run's context
     */
    @Clause({"ACT-1", "ACT-13"})
    public void required_ACT1_sigmoidIsStableOverTheWholeRange(Context ctx) {
        Activation s = Activation.sigmoid();
        valuesMatchOracle(ctx, s, 60, Tolerance.ELEM);
        ctx.assertClose("σ(0)", g(ctx, s, 0), 0.5, Tolerance.EXACT);
        ctx.assertClose("σ(1000)", g(ctx, s, 1000), 1, Tolerance.EXACT);
        ctx.assertClose("σ(-1000)", g(ctx, s, -1000), 0, Tolerance.EXACT);
        ctx.assertClose("σ(-710)", g(ctx, s, -710), MathOracle.sigmoid(-710), Tolerance.ELEM);
        ctx.assertClose("σ(-700)", g(ctx, s, -700), MathOracle.sigmoid(-700), Tolerance.ELEM);
        ctx.assertClose("σ(+∞)", g(ctx, s, INF), 1, Tolerance.EXACT);
        ctx.assertClose("σ(-∞)", g(ctx, s, -INF), 0, Tolerance.EXACT);
    }

    /**
     * σ′(z) = σ(z)(1 − σ(z)), with σ′(0) = ¼.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-2")
    public void required_ACT2_sigmoidDerivativeIsSigmaTimesOneMinusSigma(Context ctx) {
        Activation s = Activation.sigmoid();
        derivativesMatchOracle(ctx, s, 60, Tolerance.DERIV);
        ctx.assertClose("σ'(0)", dg(ctx, s, 0), 0.25, Tolerance.EXACT);
        ctx.qt().forAll(between(-30, 30)).checkAssert(z -> {
            double sz = g(ctx, s, z);
            ctx.assertClose("σ'(" + z + ") vs σ(1-σ)", dg(ctx, s, z), sz * (1 - sz), Tolerance.DERIV);
        });
    }

    /**
     * tanh matches the oracle, with tanh(0) = 0 and tanh(±∞) = ±1.
     *
     * @param ctx the run's context
     */
    @Clause({"ACT-3", "ACT-13"})
    public void required_ACT3_tanh(Context ctx) {
        Activation t = Activation.tanh();
        valuesMatchOracle(ctx, t, 30, Tolerance.ELEM);
        ctx.assertClose("tanh(0)", g(ctx, t, 0), 0, Tolerance.EXACT);
        ctx.assertClose("tanh(+∞)", g(ctx, t, INF), 1, Tolerance.EXACT);
        ctx.assertClose("tanh(-∞)", g(ctx, t, -INF), -1, Tolerance.EXACT);
    }

    /**
     * tanh′(z) = 1 − tanh²(z), with tanh′(0) = 1.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-4")
    public void required_ACT4_tanhDerivativeIsOneMinusTanhSquared(Context ctx) {
        Activation t = Activation.tanh();
        derivativesMatchOracle(ctx, t, 30, Tolerance.DERIV);
        ctx.assertClose("tanh'(0)", dg(ctx, t, 0), 1, Tolerance.EXACT);
        ctx.qt().forAll(between(-20, 20)).checkAssert(z -> {
            double th = g(ctx, t, z);
            ctx.assertClose("tanh'(" + z + ") vs 1-tanh²", dg(ctx, t, z), 1 - th * th, Tolerance.DERIV);
        });
    }

    /**
     * ReLU(z) = max(0, z) exactly, with ReLU(0) = 0.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-5")
    public void required_ACT5_reluIsMaxOfZeroAndZ(Context ctx) {
        valuesMatchOracle(ctx, Activation.relu(), 100, Tolerance.EXACT);
        ctx.assertClose("ReLU(0)", g(ctx, Activation.relu(), 0), 0, Tolerance.EXACT);
    }

    /**
     * If this fails at 0, the implementation uses ReLU'(0) = 1 (e.g. {@code z >= 0}); the spec fixes 0.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-6")
    public void required_ACT6_reluDerivativeIsZeroAtTheKink(Context ctx) {
        derivativesMatchOracle(ctx, Activation.relu(), 100, Tolerance.EXACT);
        atKink(ctx, "ReLU", dg(ctx, Activation.relu(), 0.0), 0);
        ctx.assertClose("ReLU'(-0.0)", dg(ctx, Activation.relu(), -0.0), 0, Tolerance.EXACT);
        ctx.assertClose("ReLU'(1e-300)", dg(ctx, Activation.relu(), 1e-300), 1, Tolerance.EXACT);
    }

    /**
     * If this fails, check the default slope: the note's 0.1, not the 0.01 of many libraries.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-7")
    public void required_ACT7_leakyReluUsesItsSlopeWithDefaultPointOne(Context ctx) {
        ctx.require(Activation.leakyRelu().parameter() == 0.1, "the default slope must be 0.1");
        valuesMatchOracle(ctx, Activation.leakyRelu(), 100, Tolerance.EXACT);
        ctx.assertClose("LeakyReLU(-2)", g(ctx, Activation.leakyRelu(), -2), -0.2, Tolerance.EXACT);
        ctx.qt()
                .forAll(ActivationsGen.leakyRelus(), between(-100, 100))
                .checkAssert((a, z) ->
                        ctx.assertClose(a + "(" + z + ")", g(ctx, a, z), MathOracle.value(a, z), Tolerance.EXACT));
    }

    /**
     * Leaky ReLU′ is the slope a for negative z and at z = 0, and 1 for positive z.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-8")
    public void required_ACT8_leakyReluDerivativeIsTheSlopeAtTheKink(Context ctx) {
        derivativesMatchOracle(ctx, Activation.leakyRelu(), 100, Tolerance.EXACT);
        ctx.qt().forAll(ActivationsGen.leakyRelus()).checkAssert(a -> {
            atKink(ctx, a.toString(), dg(ctx, a, 0), a.parameter());
            ctx.assertClose(a + "'(-1)", dg(ctx, a, -1), a.parameter(), Tolerance.EXACT);
            ctx.assertClose(a + "'(1)", dg(ctx, a, 1), 1, Tolerance.EXACT);
        });
    }

    /**
     * ELU matches the oracle, with ELU(0) = 0 and ELU_α(−∞) = −α.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-9")
    public void required_ACT9_elu(Context ctx) {
        valuesMatchOracle(ctx, Activation.elu(), 40, Tolerance.DERIV);
        ctx.qt()
                .forAll(ActivationsGen.elus(), between(-40, 40))
                .checkAssert((a, z) ->
                        ctx.assertClose(a + "(" + z + ")", g(ctx, a, z), MathOracle.value(a, z), Tolerance.DERIV));
        ctx.assertClose("ELU(0)", g(ctx, Activation.elu(2), 0), 0, Tolerance.EXACT);
        ctx.assertClose("ELU(2)(-∞)", g(ctx, Activation.elu(2), -INF), -2, Tolerance.EXACT);
    }

    /**
     * ELU′ matches the oracle, and is 1 at z = 0.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-10")
    public void required_ACT10_eluDerivativeIsOneAtZero(Context ctx) {
        ctx.qt()
                .forAll(ActivationsGen.elus(), between(-40, 40))
                .checkAssert((a, z) -> ctx.assertClose(
                        a + "'(" + z + ")", dg(ctx, a, z), MathOracle.derivative(a, z), Tolerance.DERIV));
        atKink(ctx, "ELU(0.5)", dg(ctx, Activation.elu(0.5), 0), 1);
    }

    /**
     * Derivatives against central differences, for every activation, away from the kink at 0.
     *
     * @param ctx the run's context
     */
    @Clause({"ACT-2", "ACT-4", "ACT-6", "ACT-8", "ACT-10", "ACT-12"})
    public void required_ACT2_ACT4_ACT6_ACT8_ACT10_derivativesMatchCentralDifferences(Context ctx) {
        double h = 1e-6;
        ctx.qt()
                .forAll(ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)), awayFromZero(1e-3, 8))
                .checkAssert((a, z) -> {
                    ctx.blame(derivativeClause(a)); // a wrong ReLU′ is ACT-6's failure, not all five clauses'
                    double numeric = (g(ctx, a, z + h) - g(ctx, a, z - h)) / (2 * h);
                    // truncation h²·|g'''|/6 ≤ 1e-12 and rounding ≈ u·|g|/h ≤ 1e-9 for |z| ≤ 8
                    ctx.assertClose(
                            a + "'(" + z + ") vs central difference",
                            dg(ctx, a, z),
                            numeric,
                            new Tolerance("central difference", 1e-8, 1e-7));
                });
    }

    /** g′(0) exactly as the spec fixes it; otherwise a failure that names the convention used instead. */
    private static void atKink(Context ctx, String function, double actual, double expected) {
        ctx.require(
                actual == expected,
                function + "'(0): expected " + expected + ", actual " + actual
                        + Diagnoses.line(Diagnoses.kink(function, actual, expected)));
    }

    /** The clause about g′ for each kind (linear's derivative has no clause of its own: all are blamed). */
    private static ClauseId[] derivativeClause(Activation a) {
        return switch (a.kind()) {
            case SIGMOID -> new ClauseId[] {ClauseId.ACT_2};
            case TANH -> new ClauseId[] {ClauseId.ACT_4};
            case RELU -> new ClauseId[] {ClauseId.ACT_6};
            case LEAKY_RELU -> new ClauseId[] {ClauseId.ACT_8};
            case ELU -> new ClauseId[] {ClauseId.ACT_10};
            case LINEAR -> new ClauseId[0];
        };
    }

    /**
     * If this fails, check which piece wins a tie: the lowest index, like np.argmax.
     *
     * @param ctx the run's context
     */
    @Clause({"ACT-11", "ERR-2"})
    public void required_ACT11_maxoutTakesTheMaximumAndRoutesTheGradientToTheFirstWinner(Context ctx) {
        Activations act = ctx.impl().activations();
        ctx.blame(ClauseId.ACT_11); // the values; ERR-2 only for the empty input below
        ctx.qt().forAll(range(1, 4), range(0, 5), range(0, Integer.MAX_VALUE)).checkAssert((k, n, seed) -> {
            Random r = new Random(seed);
            double[] v = new double[k * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextInt(5) - 2; // small integers: ties are frequent
            }
            Tensor pieces = Tensor.of(Shape.of(k, n), v);
            Tensor out = act.maxout(pieces);
            Tensor d = act.maxoutDerivative(pieces);
            ctx.require(out.shape().equals(Shape.of(n)), "maxout of " + pieces.shape() + " has shape " + out.shape());
            ctx.require(d.shape().equals(pieces.shape()), "maxout' of " + pieces.shape() + " has shape " + d.shape());
            for (int j = 0; j < n; j++) {
                int winner = 0;
                for (int i = 1; i < k; i++) {
                    if (v[i * n + j] > v[winner * n + j]) {
                        winner = i;
                    }
                }
                ctx.assertClose("maxout at " + j, out.flat(j), v[winner * n + j], Tolerance.EXACT);
                for (int i = 0; i < k; i++) {
                    ctx.assertClose(
                            "maxout'[" + i + "," + j + "] of " + pieces,
                            d.flat(i * n + j),
                            i == winner ? 1 : 0,
                            Tolerance.EXACT);
                }
            }
        });
        Tensor withNan = Tensor.matrix(new double[] {1, 5, 0}, new double[] {Double.NaN, 2, 0}, new double[] {3, 1, 0});
        ctx.assertClose(
                "maxout with a NaN piece", act.maxout(withNan), Tensor.vector(Double.NaN, 5, 0), Tolerance.EXACT);
        ctx.assertClose(
                "maxout' with a NaN piece",
                act.maxoutDerivative(withNan),
                Tensor.matrix(
                        new double[] {Double.NaN, 1, 1}, new double[] {Double.NaN, 0, 0}, new double[] {Double.NaN, 0, 0
                        }),
                Tolerance.EXACT);
        ctx.blame(ClauseId.ERR_2);
        ctx.assertRaises(ErrorKind.EMPTY_INPUT, null, () -> act.maxout(Tensor.zeros(0, 2)));
        ctx.assertRaises(ErrorKind.EMPTY_INPUT, null, () -> act.maxoutDerivative(Tensor.scalar(1)));
    }

    /**
     * The linear activation and its derivative match the oracle exactly: g(z) = z, g′(z) = 1.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-12")
    public void required_ACT12_linearIsTheIdentity(Context ctx) {
        valuesMatchOracle(ctx, Activation.linear(), 1e6, Tolerance.EXACT);
        derivativesMatchOracle(ctx, Activation.linear(), 1e6, Tolerance.EXACT);
    }

    /**
     * If this fails with NaN, look for e^−z or e^z overflowing, or ∞/∞, in a tail.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-13")
    public void required_ACT13_noNanAndNoOverflowForFiniteInputs(Context ctx) {
        ctx.qt()
                .forAll(ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)), anyFinite())
                .checkAssert((a, z) -> {
                    double v = g(ctx, a, z);
                    double d = dg(ctx, a, z);
                    ctx.require(
                            !Double.isNaN(v) && !Double.isNaN(d),
                            a + " gave " + v + " and derivative " + d + " at " + z);
                    ctx.require(d >= 0 && d <= 1, a + "'(" + z + ") = " + d + " is outside [0, 1]");
                    if (a.kind() == Activation.Kind.SIGMOID) {
                        ctx.require(v >= 0 && v <= 1, "σ(" + z + ") = " + v + " is outside [0, 1]");
                    }
                    if (a.kind() == Activation.Kind.TANH) {
                        ctx.require(v >= -1 && v <= 1, "tanh(" + z + ") = " + v + " is outside [-1, 1]");
                    }
                });
        for (Activation a : ctx.declared(ActivationsGen.ALL)) {
            double v = g(ctx, a, Double.NaN);
            ctx.require(Double.isNaN(v), a + "(NaN) must be NaN, found " + v + Diagnoses.line(Diagnoses.MASKED_NAN));
            double d = dg(ctx, a, Double.NaN);
            ctx.require(Double.isNaN(d), a + "'(NaN) must be NaN, found " + d + Diagnoses.line(Diagnoses.MASKED_NAN));
        }
        ctx.assertClose("σ'(+∞)", dg(ctx, Activation.sigmoid(), INF), 0, Tolerance.EXACT);
        ctx.assertClose("tanh'(-∞)", dg(ctx, Activation.tanh(), -INF), 0, Tolerance.EXACT);
        ctx.assertClose("ReLU(+∞)", g(ctx, Activation.relu(), INF), INF, Tolerance.EXACT);
    }

    /**
     * SHOULD: keeps relative precision in the tails, where σ(1−σ) and 1−tanh² cancel to 0.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-14")
    public void optional_ACT14_derivativesAreRelativelyAccurateInTheTails(Context ctx) {
        Tolerance relative = new Tolerance("ELEM (relative)", Double.MIN_NORMAL, 1e-14);
        ctx.qt().forAll(between(-700, 700)).checkAssert(z -> {
            ctx.assertClose(
                    "σ'(" + z + ")",
                    dg(ctx, Activation.sigmoid(), z),
                    MathOracle.derivative(Activation.sigmoid(), z),
                    relative);
            ctx.assertClose(
                    "tanh'(" + z / 2 + ")",
                    dg(ctx, Activation.tanh(), z / 2),
                    MathOracle.derivative(Activation.tanh(), z / 2),
                    relative);
        });
        ctx.qt()
                .forAll(between(-1e-6, 0))
                .checkAssert(
                        z -> ctx.assertClose("ELU(" + z + ")", g(ctx, Activation.elu(), z), Math.expm1(z), relative));
    }

    /**
     * σ(−z) = 1 − σ(z), tanh(z) = 2σ(2z) − 1 and tanh(−z) = −tanh(z); every activation is
     * non-decreasing; σ tends to 0 and 1.
     *
     * @param ctx the run's context
     */
    @Clause({"ACT-15", "ACT-1", "ACT-3"})
    public void required_ACT15_identitiesAndMonotonicity(Context ctx) {
        Tolerance identity = new Tolerance("ELEM + 4e-16", 4e-16, 1e-15);
        ctx.qt().forAll(between(-40, 40)).checkAssert(z -> {
            ctx.assertClose(
                    "σ(-z) vs 1-σ(z) at " + z,
                    g(ctx, Activation.sigmoid(), -z),
                    1 - g(ctx, Activation.sigmoid(), z),
                    identity);
            ctx.assertClose(
                    "tanh(z) vs 2σ(2z)-1 at " + z,
                    g(ctx, Activation.tanh(), z),
                    2 * g(ctx, Activation.sigmoid(), 2 * z) - 1,
                    identity);
            ctx.assertClose(
                    "tanh(-z) vs -tanh(z) at " + z,
                    g(ctx, Activation.tanh(), -z),
                    -g(ctx, Activation.tanh(), z),
                    Tolerance.EXACT);
        });
        ctx.qt()
                .forAll(ActivationsGen.anyOf(ctx.declared(ActivationsGen.ALL)), between(-50, 50), between(0, 10))
                .checkAssert((a, z, step) -> {
                    double lo = g(ctx, a, z);
                    double hi = g(ctx, a, z + step);
                    ctx.require(lo <= hi, a + " decreases: g(" + z + ") = " + lo + " > g(" + (z + step) + ") = " + hi);
                });
        ctx.require(
                g(ctx, Activation.sigmoid(), -50) < 1e-20 && g(ctx, Activation.sigmoid(), 50) > 1 - 1e-15,
                "σ(z) must tend to 0 as z → −∞ and to 1 as z → +∞ (N7)");
    }

    /**
     * σ′ ≤ ¼ and tanh′ ≤ 1 everywhere, and both are below 1e−8 for |z| ≥ 20.
     *
     * @param ctx the run's context
     */
    @Clause("ACT-16")
    public void informative_ACT16_sigmoidAndTanhSaturate(Context ctx) {
        ctx.qt().forAll(between(-700, 700)).checkAssert(z -> {
            double ds = dg(ctx, Activation.sigmoid(), z);
            double dt = dg(ctx, Activation.tanh(), z);
            ctx.require(ds <= 0.25 && dt <= 1, "σ'(" + z + ") = " + ds + ", tanh'(" + z + ") = " + dt);
            if (Math.abs(z) >= 20) {
                ctx.require(
                        ds < 1e-8 && dt < 1e-8,
                        "at |z| = " + Math.abs(z) + " the derivatives must be < 1e-8, " + "found σ' = " + ds
                                + ", tanh' = " + dt);
            }
        });
    }
}
