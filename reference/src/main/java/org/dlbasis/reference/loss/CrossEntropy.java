package org.dlbasis.reference.loss;

import org.dlbasis.reference.Require;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Binary cross-entropy (SPEC LOSS-*). Only the term that the label selects is evaluated, so
 * ŷ = y gives exactly 0 rather than 0·log 0 = NaN, and a certain wrong answer gives +∞.
 */
public final class CrossEntropy implements Loss {

    @Override
    public Tensor loss(Tensor yHat, Tensor y) {
        checkPair(yHat, y);
        Require.probabilities(yHat);
        double[] out = new double[y.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = loss(yHat.flat(i), y.flat(i));
        }
        return Tensor.of(y.shape(), out);
    }

    @Override
    public Tensor lossFromLogits(Tensor z, Tensor y) {
        checkPair(z, y);
        Require.finite("logits", z);
        double[] out = new double[y.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lossFromLogit(z.flat(i), y.flat(i));
        }
        return Tensor.of(y.shape(), out);
    }

    @Override
    public double cost(Tensor yHat, Tensor y) {
        checkCostShape(yHat);
        return mean(loss(yHat, y));
    }

    @Override
    public double costFromLogits(Tensor z, Tensor y) {
        checkCostShape(z);
        return mean(lossFromLogits(z, y));
    }

    /**
     * L(ŷ, y) = −log ŷ for y = 1 and −log(1 − ŷ) for y = 0 (N9); 0 − x keeps L(1, 1) = +0.0.
     *
     * @param yHat the prediction ŷ in [0, 1] (not checked)
     * @param y the label, 0 or 1 (not checked: anything but 1 counts as 0)
     * @return the loss, +∞ for a certain wrong prediction
     */
    public static double loss(double yHat, double y) {
        return y == 1.0 ? 0.0 - Math.log(yHat) : 0.0 - log1p(-yHat);
    }

    /**
     * L(σ(z), y) = softplus(−z) for y = 1 and softplus(z) for y = 0, where
     * softplus(t) = log(1 + e^t) = max(t, 0) + log1p(e^−|t|) never overflows.
     *
     * @param z the logit (not checked)
     * @param y the label, 0 or 1 (not checked: anything but 1 counts as 0)
     * @return the loss, finite for finite z
     */
    public static double lossFromLogit(double z, double y) {
        return softplus(y == 1.0 ? -z : z);
    }

    private static double softplus(double t) {
        return Math.max(t, 0.0) + log1p(Math.exp(-Math.abs(t)));
    }

    /**
     * log(1 + x), accurate for small x, without {@link Math#log1p}: in Java 17 that is the fdlibm
     * port (about 10 ns), while {@link Math#log} is a JIT intrinsic (about 5 ns). With w = 1 + x
     * rounded, log(1 + x) = log(w) + log(1 + c/w) where c = x − (w − 1) is the rounding error of
     * 1 + x, exact for |x| ≤ 1 (Fast2Sum: w − 1 is exact by Sterbenz's lemma); |c/w| ≤ 2⁻⁵³, so
     * log(1 + c/w) = c/w to within 2⁻¹⁰⁷ (the classic correction; compare Goldberg, "What every
     * computer scientist should know about floating-point arithmetic", theorem 4). For x ≤ −1/2,
     * 1 + x is exact and c = 0. Below |x| = 2⁻²⁶ it is the series x − x²/2 + x³/3 instead: there
     * log(w) can be twice as large as the result (w is 1 or its neighbour), which doubles its
     * error; the series also keeps −0 and subnormals exact.
     *
     * <p>Measured against correctly rounded values on [−1, 1] (benchmarks' UlpSurvey: every binade
     * from 2⁻¹⁰⁷⁴ to 1 of both signs, uniform draws, the doubles around 2⁻⁵³, ±2⁻²⁶ and −1/2;
     * 216 000 arguments): within 0.99 ulp, where {@link Math#log1p} is within 0.73. ELEM (LOSS-1,
     * LOSS-4) allows 1e−15 relative, 4.5 ulp or more. About 1.7 times as fast as Math.log1p
     * alone; inside softplus, log1p(e^−|t|), the saving is hidden by the latency of the exp
     * before it (CrossEntropyAccuracyTest pins the accuracy).
     *
     * @param x the argument, meant for [−1, 1]; elsewhere the result is still log(1 + x), less
     *     accurate for large x
     * @return log(1 + x): −∞ at x = −1, NaN below −1 and for NaN
     */
    public static double log1p(double x) {
        if (Math.abs(x) < 0x1p-26) { // also ±0 and subnormals
            return x + x * x * (x * (1.0 / 3) - 0.5); // the series; x⁴/4 is below 2⁻⁷⁸·|x|
        }
        double w = 1.0 + x;
        if (w > 0.0 && w < Double.POSITIVE_INFINITY) {
            return Math.log(w) + (x - (w - 1.0)) / w;
        }
        return Math.log(w); // −∞ for w = 0, NaN for w < 0 or NaN, +∞ for +∞
    }

    /** J = Σ L / m with m the number of columns; shape (r, m), m ≥ 1. */
    private static double mean(Tensor losses) {
        double total = 0;
        for (int i = 0; i < losses.size(); i++) {
            total += losses.flat(i);
        }
        return total / losses.shape().dim(1);
    }

    private static void checkCostShape(Tensor predictions) {
        Require.matrix("predictions", predictions);
        Require.samples(predictions.shape().dim(1));
    }

    private static void checkPair(Tensor predictions, Tensor y) {
        Require.shape("labels", y, predictions.shape());
        Require.labels(y);
    }
}
