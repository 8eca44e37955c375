package org.dlbasis.reference.activation;

import org.dlbasis.spec.api.Activation;

/**
 * The activation functions and their derivatives on one double (SPEC ACT-*), written to be
 * accurate and overflow-free over the whole double range. NaN in gives NaN out.
 */
public final class ScalarActivations {
    private ScalarActivations() {}

    /**
     * g(z).
     *
     * @param g the activation
     * @param z the pre-activation
     * @return g(z)
     */
    public static double value(Activation g, double z) {
        switch (g.kind()) {
            case SIGMOID:
                return sigmoid(z);
            case TANH:
                return tanh(z);
            case RELU:
                return Math.max(0.0, z);
            case LEAKY_RELU:
                return z >= 0 ? z : g.parameter() * z;
            case ELU:
                return z >= 0 ? z : g.parameter() * Math.expm1(z);
            default:
                return z;
        }
    }

    /**
     * g'(z), with the spec's conventions at the kinks: ReLU'(0) = 0, Leaky'(0) = a, ELU'(0) = 1.
     *
     * @param g the activation
     * @param z the pre-activation
     * @return g'(z); NaN for NaN
     */
    public static double derivative(Activation g, double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        switch (g.kind()) {
            case SIGMOID:
                return sigmoidDerivative(z);
            case TANH:
                return tanhDerivative(z);
            case RELU:
                return z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU:
                return z > 0 ? 1.0 : g.parameter();
            case ELU:
                return z >= 0 ? 1.0 : g.parameter() * Math.exp(z);
            default:
                return 1.0;
        }
    }

    /**
     * σ(z) = 1/(1 + e^−z), evaluated as e^z/(1 + e^z) for z &lt; 0 so that e^−z never overflows:
     * σ(−1000) = 0, σ(1000) = 1, σ(−710) ≈ 4.5e−309 (subnormal).
     *
     * @param z the logit
     * @return σ(z), in [0, 1]
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * tanh(z). For |z| ≥ 0.55 it is (1 − t)/(1 + t)·sign(z) with t = e^−2|z| ≤ 1/3: no cancellation,
     * error ≤ 2.5u, and e^x is a JIT intrinsic, several times faster than {@link Math#tanh} (fdlibm
     * in Java 17), which the training benchmarks feel. Below 0.55, where 1 − t would cancel, and for
     * NaN, it is {@link Math#tanh}.
     *
     * @param z the argument
     * @return tanh(z), in [−1, 1]
     */
    public static double tanh(double z) {
        double a = Math.abs(z);
        if (!(a >= 0.55)) {
            return Math.tanh(z);
        }
        double t = Math.exp(-2.0 * a);
        return Math.copySign((1.0 - t) / (1.0 + t), z);
    }

    /**
     * σ'(z) = σ(z)(1 − σ(z)) (N38) evaluated as σ(z)·σ(−z): the same number mathematically, but
     * 1 − σ(z) cancels to 0 for z &gt; 37 while σ(−z) keeps full relative precision.
     *
     * @param z the argument
     * @return σ'(z), in [0, 1/4]
     */
    public static double sigmoidDerivative(double z) {
        return sigmoid(z) * sigmoid(-z);
    }

    /**
     * tanh'(z) = 1 − tanh²(z) (N39). For |z| ≥ 0.55 it is evaluated as 4t/(1 + t)² with
     * t = e^−2|z|, which equals it exactly in real arithmetic and keeps relative precision where
     * tanh²(z) rounds to 1. Below 0.55, tanh² ≤ 0.26 and 1 − tanh² cannot cancel, so the note's
     * formula is accurate there; it is also never above 1, where 4t/(1 + t)² rounds to
     * 1.0000000000000002 for tiny z (t ≈ 1 − 2|z|), breaking ACT-13's range [0, 1].
     *
     * @param z the argument
     * @return tanh'(z), in [0, 1]
     */
    public static double tanhDerivative(double z) {
        double a = Math.abs(z);
        if (!(a >= 0.55)) {
            double th = Math.tanh(z);
            return 1.0 - th * th;
        }
        double t = Math.exp(-2.0 * a);
        double onePlusT = 1.0 + t;
        return 4.0 * t / (onePlusT * onePlusT);
    }
}
