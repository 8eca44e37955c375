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
        return y == 1.0 ? 0.0 - Math.log(yHat) : 0.0 - Math.log1p(-yHat);
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
        return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
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
