package org.dlbasis.tck.oracle;

import org.dlbasis.spec.api.Activation;

/**
 * The activation functions, their derivatives and the loss, from the formulas of SPEC.md,
 * written independently of any implementation.
 */
public final class MathOracle {
    private MathOracle() {}

    /**
     * σ(z), overflow-free: e^z/(1+e^z) below 0.
     *
     * @param z the pre-activation
     * @return σ(z), in [0, 1]
     */
    public static double sigmoid(double z) {
        return z < 0 ? Math.exp(z) / (1 + Math.exp(z)) : 1 / (1 + Math.exp(-z));
    }

    /**
     * g(z) for an element-wise activation (SPEC ACT-1 … ACT-12).
     *
     * @param g the activation, with its parameter
     * @param z the pre-activation
     * @return g(z)
     */
    public static double value(Activation g, double z) {
        double a = g.parameter();
        switch (g.kind()) {
            case SIGMOID:
                return sigmoid(z);
            case TANH:
                return Math.tanh(z);
            case RELU:
                return z > 0 ? z : 0.0 * z;
            case LEAKY_RELU:
                return z < 0 ? a * z : z;
            case ELU:
                return z < 0 ? a * Math.expm1(z) : z;
            default:
                return z;
        }
    }

    /**
     * g'(z) with the spec's kink conventions.
     *
     * @param g the activation, with its parameter
     * @param z the pre-activation
     * @return g'(z)
     */
    public static double derivative(Activation g, double z) {
        double a = g.parameter();
        switch (g.kind()) {
            case SIGMOID:
                return sigmoid(z) * sigmoid(-z);
            case TANH: {
                double t = Math.exp(-2 * Math.abs(z));
                return 4 * t / ((1 + t) * (1 + t));
            }
            case RELU:
                return z > 0 ? 1 : 0;
            case LEAKY_RELU:
                return z > 0 ? 1 : a;
            case ELU:
                return z < 0 ? a * Math.exp(z) : 1;
            default:
                return 1;
        }
    }

    /**
     * L(ŷ, y) with only the selected term evaluated (LOSS-2).
     *
     * @param yHat the prediction ŷ, in [0, 1]
     * @param y the label, 0 or 1
     * @return the loss, 0 to +∞
     */
    public static double loss(double yHat, double y) {
        return y == 1 ? -Math.log(yHat) + 0.0 : -Math.log1p(-yHat) + 0.0;
    }

    /**
     * L(σ(z), y) = log(1 + e^{∓z}) without overflow (LOSS-4).
     *
     * @param z the logit
     * @param y the label, 0 or 1
     * @return the loss, finite for every finite z
     */
    public static double lossFromLogit(double z, double y) {
        double t = y == 1 ? -z : z;
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }
}
