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
     * Below this |z|, tanh is the polynomial {@link #tanhBelowSwitch}; from it on, (1 − t)/(1 + t)
     * with t = e^−2|z| ≤ e^−1.1 &lt; 1/3, where 1 − t cannot cancel.
     */
    public static final double TANH_SWITCH = 0.55;

    // tanh(a) ≈ a + a³·P(a²) on [0, 0.55): P of degree 10 in a², the minimax fit of the RELATIVE
    // error (Remez exchange in 60-digit decimal: python3 benchmarks/python/correctly_rounded.py
    // --fit-tanh), rounded to double. Approximation error 2.5e−18 (0.01 ulp of 1); degree 9 would
    // leave 2.8e−17 (0.13 ulp), which showed in the result (0.99 ulp instead of 0.79).
    private static final double T0 = -0.333333333333333;
    private static final double T1 = 0.13333333333326622;
    private static final double T2 = -0.05396825396376058;
    private static final double T3 = 0.021869488385855226;
    private static final double T4 = -0.008863232601433433;
    private static final double T5 = 0.003592092030372331;
    private static final double T6 = -0.001455542845422299;
    private static final double T7 = 0.0005884444851379482;
    private static final double T8 = -0.00023338156320787797;
    private static final double T9 = 8.33164452536991e-05;
    private static final double T10 = -1.9494686615704732e-05;

    /**
     * tanh(z), without {@link Math#tanh}: in Java 17 that is the fdlibm port (about 13–18 ns), while
     * {@link Math#exp} is a JIT intrinsic (about 4 ns) and a polynomial is a few multiply-adds. On
     * the 2-4-1 tanh network (issue #14) this and {@link #tanhDerivative} take the training
     * (10 000 steps) from about 0.43 s to 0.27 s.
     *
     * <ul>
     *   <li>|z| &lt; 0.55 (and NaN): a + a³·P(a²) with a = |z| and the degree-10 minimax polynomial
     *       P above (no division, no call, about 3.5 ns). The a³·P term is below 0.1·a, so its
     *       rounding errors are damped: within 0.79 ulp (Math.tanh: 2.16). Subnormal z and ±0 give
     *       z (a³ underflows); copySign restores the sign, so tanh(−0) = −0. Plain IEEE arithmetic:
     *       the same bits on every JVM.
     *   <li>|z| ≥ 0.55: (1 − t)/(1 + t) with t = e^−2|z| ≤ 1/3: no cancellation, within 1.50 ulp
     *       (with HotSpot's x86-64 exp; any exp within 1 ulp keeps it below about 2). The result
     *       rounds to ±1 from |z| ≈ 19.06 on; t underflows to 0 beyond 372.6 and at ±∞.
     * </ul>
     *
     * <p>Measured against correctly rounded values by benchmarks' UlpSurvey (350 000 arguments:
     * every binade from 2⁻¹⁰⁷⁴ to 2¹⁰²³ of both signs, uniform draws below and above 0.55, the 2001
     * doubles around 0.55) and over a million uniform arguments on each side of 0.55 against
     * 40-digit values. ELEM (ACT-3) allows 1e−15 relative, 4.5 ulp or more; the largest relative
     * error measured is 2.9e−16. Odd by construction, and non-decreasing across 0.55 (no decrease
     * over the 40 001 doubles around it; ScalarActivationsAccuracyTest pins all of this).
     *
     * @param z the argument
     * @return tanh(z), in [−1, 1]
     */
    public static double tanh(double z) {
        double a = Math.abs(z);
        if (!(a >= TANH_SWITCH)) {
            return Math.copySign(tanhBelowSwitch(a), z);
        }
        double t = Math.exp(-2.0 * a);
        return Math.copySign((1.0 - t) / (1.0 + t), z);
    }

    /**
     * tanh(a) for 0 ≤ a &lt; {@link #TANH_SWITCH} (NaN for NaN): a + a³·P(a²), P by Horner's rule.
     *
     * @param a |z|, below the switch
     * @return tanh(a)
     */
    public static double tanhBelowSwitch(double a) {
        double s = a * a;
        double p = T10;
        p = p * s + T9;
        p = p * s + T8;
        p = p * s + T7;
        p = p * s + T6;
        p = p * s + T5;
        p = p * s + T4;
        p = p * s + T3;
        p = p * s + T2;
        p = p * s + T1;
        p = p * s + T0;
        return a + a * (s * p);
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
     * formula is accurate there (with the polynomial of {@link #tanh}); it is also never above 1,
     * where 4t/(1 + t)² rounds to 1.0000000000000002 for tiny z (t ≈ 1 − 2|z|), breaking ACT-13's
     * range [0, 1].
     *
     * <p>Measured against correctly rounded values (as for {@link #tanh}): within 1.25 ulp below
     * 0.55 (with Math.tanh there: 1.54) and 4.25 ulp from 0.55 on (unchanged by issue #14: the
     * rounding of 1 + t counts twice; the largest relative error, 5.9e−16, is within ELEM's
     * 1e−15).
     *
     * @param z the argument
     * @return tanh'(z), in [0, 1]
     */
    public static double tanhDerivative(double z) {
        double a = Math.abs(z);
        if (!(a >= TANH_SWITCH)) {
            double th = tanhBelowSwitch(a);
            return 1.0 - th * th;
        }
        double t = Math.exp(-2.0 * a);
        double onePlusT = 1.0 + t;
        return 4.0 * t / (onePlusT * onePlusT);
    }
}
