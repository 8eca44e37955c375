package org.dlbasis.properties.oracle;

import java.util.function.ToDoubleFunction;

import org.dlbasis.spec.tensor.Tensor;

/**
 * Central differences (SPEC BACKPROP-7): g̃ⱼ = (J(θ + eps·eⱼ) − J(θ − eps·eⱼ)) / (2·eps), and the
 * relative difference ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂) by which gradients are judged.
 */
public final class NumericalGradient {
    /** eps of SPEC BACKPROP-7: near the optimum (3u)^(1/3) ≈ 7e−6 of truncation eps² against rounding u/eps. */
    public static final double EPS = 1e-5;
    /** The GRADCHECK threshold of SPEC.md. */
    public static final double THRESHOLD = 1e-7;

    private NumericalGradient() {
    }

    /** The central-difference gradient of {@code cost} at {@code theta}, entry by entry. */
    public static Tensor of(Tensor theta, ToDoubleFunction<Tensor> cost) {
        double[] values = theta.toArray();
        double[] grad = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            double saved = values[j];
            values[j] = saved + EPS;
            double plus = cost.applyAsDouble(Tensor.of(theta.shape(), values));
            values[j] = saved - EPS;
            double minus = cost.applyAsDouble(Tensor.of(theta.shape(), values));
            values[j] = saved;
            grad[j] = (plus - minus) / (2 * EPS);
        }
        return Tensor.wrap(theta.shape(), grad);
    }

    /**
     * The rounding floor of one central difference: J(θ ± eps·eⱼ) each carry an absolute error of
     * a few u·max(1, |J|), which the division by 2·eps magnifies (SPEC BACKPROP-7).
     */
    public static double roundingFloor(double cost) {
        return 16 * 0x1p-53 * Math.max(1, Math.abs(cost)) / EPS;
    }

    /**
     * SPEC BACKPROP-7: ‖g − g̃‖₂ ≤ THRESHOLD·(‖g‖₂ + ‖g̃‖₂) + √k·roundingFloor(J); null if it holds,
     * otherwise a message with the relative difference and both gradients.
     */
    public static String violation(String what, Tensor analytic, Tensor numeric, double cost) {
        double diff = 0;
        double norms = 0;
        for (int i = 0; i < analytic.size(); i++) {
            double d = analytic.flat(i) - numeric.flat(i);
            diff += d * d;
        }
        diff = Math.sqrt(diff);
        norms = norm(analytic) + norm(numeric);
        double allowed = THRESHOLD * norms + Math.sqrt(analytic.size()) * roundingFloor(cost);
        if (diff <= allowed) {
            return null;
        }
        return "gradient check of " + what + ": ‖g − g̃‖ = " + diff + " > " + allowed + " (relative difference "
                + relativeDifference(analytic, numeric) + ")\n  backward: " + analytic + "\n  numeric:  " + numeric;
    }

    private static double norm(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            s += t.flat(i) * t.flat(i);
        }
        return Math.sqrt(s);
    }

    /** ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂); 0 when both are 0. */
    public static double relativeDifference(Tensor g, Tensor numeric) {
        double diff = 0;
        double ng = 0;
        double nn = 0;
        for (int i = 0; i < g.size(); i++) {
            double d = g.flat(i) - numeric.flat(i);
            diff += d * d;
            ng += g.flat(i) * g.flat(i);
            nn += numeric.flat(i) * numeric.flat(i);
        }
        double denominator = Math.sqrt(ng) + Math.sqrt(nn);
        return denominator == 0 ? 0 : Math.sqrt(diff) / denominator;
    }
}
