package org.dlbasis.reference.fast;

import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.loss.CrossEntropy;

/**
 * The training loops' shortcuts that share one exponential between two functions of the readable
 * part ({@link ScalarActivations}, {@link CrossEntropy}), with exactly their bits
 * ({@code SharedExpTest}): they change the time, never the result.
 */
final class SharedExp {
    private SharedExp() {}

    /**
     * {@link ScalarActivations#sigmoid(double)} given e = e^−|z|.
     *
     * @param z the logit
     * @param e e^−|z|
     * @return σ(z)
     */
    static double sigmoid(double z, double e) {
        return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /**
     * {@link CrossEntropy#lossFromLogit(double, double)} given e = e^−|z|: softplus(±z) =
     * max(±z, 0) + log1p(e^−|z|).
     *
     * @param z the logit (not checked)
     * @param y the label, 0 or 1 (not checked: anything but 1 counts as 0)
     * @param e e^−|z|
     * @return the loss
     */
    static double lossFromLogit(double z, double y, double e) {
        return Math.max(y == 1.0 ? -z : z, 0.0) + CrossEntropy.log1p(e);
    }

    /**
     * {@link ScalarActivations#tanh} and {@link ScalarActivations#tanhDerivative} with one e^−2|z|
     * for both: the training loop needs the derivative of every value it computes.
     *
     * @param z the argument
     * @param derivative receives tanh′(z) at {@code index}
     * @param index where
     * @return tanh(z)
     */
    static double tanhWithDerivative(double z, double[] derivative, int index) {
        double a = Math.abs(z);
        if (!(a >= ScalarActivations.TANH_SWITCH)) {
            double th = ScalarActivations.tanhBelowSwitch(a);
            derivative[index] = 1.0 - th * th;
            return Math.copySign(th, z);
        }
        double t = Math.exp(-2.0 * a);
        double onePlusT = 1.0 + t;
        derivative[index] = 4.0 * t / (onePlusT * onePlusT);
        return Math.copySign((1.0 - t) / onePlusT, z);
    }
}
