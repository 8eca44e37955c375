package org.dlbasis.tck.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.TensorMatchers;

/**
 * Central differences (SPEC BACKPROP-7): g̃ⱼ = (J(θ + eps·eⱼ) − J(θ − eps·eⱼ)) / (2·eps), and the
 * judgement ‖g − g̃‖₂ ≤ THRESHOLD·(‖g‖₂ + ‖g̃‖₂) + √k·floor by which gradients are judged.
 *
 * <p>The judgement must never pass what it did not check. Two traps: a non-finite entry (∞ − ∞,
 * NaN) and a sum of squares that overflows (any entry above ~1.3e154) both turn the bound into ∞
 * or NaN, and "∞ ≤ ∞" holds. So every non-finite entry fails by itself, named, and the norms are
 * computed like LAPACK's dnrm2 (each square taken after dividing by the largest magnitude seen so
 * far) and compared after dividing both sides by the largest of the three norms' scales, so huge
 * but finite values are judged exactly as small ones.
 */
public final class NumericalGradient {
    /** eps of SPEC BACKPROP-7: near the optimum (3u)^(1/3) ≈ 7e−6 of truncation eps² against rounding u/eps. */
    public static final double EPS = 1e-5;
    /** The GRADCHECK threshold of SPEC.md. */
    public static final double THRESHOLD = 1e-7;
    /** How many non-finite entries a message names before it says "and n more". */
    private static final int NAMED = 3;

    private NumericalGradient() {}

    /**
     * The central-difference gradient of {@code cost} at {@code theta}, entry by entry.
     *
     * @param theta the parameter tensor θ
     * @param cost J as a function of θ alone (the other parameters fixed)
     * @return g̃, of the shape of {@code theta}, with step {@link #EPS}
     */
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
        return Tensor.of(theta.shape(), grad);
    }

    /**
     * The rounding floor of one central difference: J(θ ± eps·eⱼ) each carry an absolute error of
     * a few u·max(1, |J|), which the division by 2·eps magnifies (SPEC BACKPROP-7).
     *
     * @param cost the cost J at θ
     * @return 16u·max(1, |J|)/{@link #EPS}
     */
    public static double roundingFloor(double cost) {
        return roundingFloor(cost, EPS);
    }

    /**
     * {@link #roundingFloor(double)} for another eps: 16u·max(1, |J|)/eps.
     *
     * @param cost the cost J at θ
     * @param eps the step of the central differences
     * @return the rounding floor of one central difference
     */
    public static double roundingFloor(double cost, double eps) {
        return 16 * 0x1p-53 * Math.max(1, Math.abs(cost)) / eps;
    }

    /**
     * SPEC BACKPROP-7: every entry finite and ‖g − g̃‖₂ ≤ THRESHOLD·(‖g‖₂ + ‖g̃‖₂) + √k·roundingFloor(J);
     * null if it holds, otherwise a message naming what failed: the non-finite entries by index
     * and value, or the norms, the relative difference and both gradients.
     *
     * @param what the gradient's name, for the message, such as {@code "dW1"}
     * @param analytic the implementation's gradient g
     * @param numeric the central differences g̃, of the same shape
     * @param cost the cost J at θ, for the rounding floor
     * @return null if the check holds, otherwise why not
     */
    public static String violation(String what, Tensor analytic, Tensor numeric, double cost) {
        if (!analytic.shape().equals(numeric.shape())) {
            return "gradient check of " + what + ": the backward value has shape " + analytic.shape()
                    + ", the parameter " + numeric.shape();
        }
        if (!Double.isFinite(cost)) {
            return "gradient check of " + what + ": the cost J(θ) = " + cost + " is not finite";
        }
        Comparison c = new Comparison();
        for (int i = 0; i < analytic.size(); i++) {
            c.add(i, analytic.flat(i), numeric.flat(i));
        }
        Judgement j = c.judge(THRESHOLD, roundingFloor(cost));
        if (j.pass()) {
            return null;
        }
        String head = "gradient check of " + what + ": ";
        if (j.nonFinite() > 0) {
            return head + c.describeNonFinite(flat -> TensorMatchers.multiIndex(analytic.shape(), flat));
        }
        return head + "‖g − g̃‖ = " + j.diffNorm() + " > " + j.allowed() + " (relative difference "
                + j.relativeDifference() + ")\n  backward: " + analytic + "\n  numeric:  " + numeric;
    }

    /**
     * ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂) over finite entries, computed without overflow; 0 when both are 0.
     *
     * @param g the analytic gradient
     * @param numeric the central differences g̃, of the same size
     * @return the relative difference, in [0, 1]
     */
    public static double relativeDifference(Tensor g, Tensor numeric) {
        Comparison c = new Comparison();
        for (int i = 0; i < g.size(); i++) {
            c.add(i, g.flat(i), numeric.flat(i));
        }
        return c.judge(THRESHOLD, 0).relativeDifference();
    }

    /**
     * The verdict on a set of pairs (g, g̃).
     *
     * @param checked pairs judged, finite or not
     * @param nonFinite pairs where g or g̃ is NaN or ±∞: each one fails the check
     * @param maxAbsDiff max |g − g̃| over the finite pairs (∞ only if that difference is beyond a double)
     * @param diffNorm ‖g − g̃‖₂ over the finite pairs (∞ only if beyond a double; the verdict does not use it)
     * @param relativeDifference ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂) over the finite pairs, in [0, 1]
     * @param allowed the largest ‖g − g̃‖₂ allowed: threshold·(‖g‖₂ + ‖g̃‖₂) + √k·floor
     * @param pass no non-finite pair and ‖g − g̃‖₂ ≤ allowed, decided on scaled values
     */
    public record Judgement(
            int checked,
            int nonFinite,
            double maxAbsDiff,
            double diffNorm,
            double relativeDifference,
            double allowed,
            boolean pass) {}

    /**
     * Accumulates pairs (g, g̃) one at a time, in O(1) memory, and judges them. Non-finite pairs are
     * counted (the first few remembered to name them) and kept out of the norms.
     */
    public static final class Comparison {
        private final Norm g = new Norm();
        private final Norm numeric = new Norm();
        private final Norm diff = new Norm();
        private final List<double[]> firstNonFinite = new ArrayList<>();
        private int checked;
        private int nonFinite;
        private double maxHalfDiff;

        /**
         * Adds the pair at flat index {@code index}; returns false if it is not finite.
         *
         * @param index the pair's row-major index, to name it if it is not finite
         * @param analytic the backward value g
         * @param central the central difference g̃
         * @return true if both values are finite and the pair went into the norms
         */
        public boolean add(int index, double analytic, double central) {
            checked++;
            if (!Double.isFinite(analytic) || !Double.isFinite(central)) {
                if (nonFinite++ < NAMED) {
                    firstNonFinite.add(new double[] {index, analytic, central});
                }
                return false;
            }
            // halves: g/2 − g̃/2 cannot overflow where g − g̃ could (1e308 − (−1e308))
            double halfDiff = Math.abs(analytic / 2 - central / 2);
            g.add(analytic / 2);
            numeric.add(central / 2);
            diff.add(halfDiff);
            maxHalfDiff = Math.max(maxHalfDiff, halfDiff);
            return true;
        }

        /**
         * The pairs added so far where g or g̃ is NaN or ±∞.
         *
         * @return their count
         */
        public int nonFinite() {
            return nonFinite;
        }

        /**
         * The verdict: no non-finite pair, and {@link #finitePairsPass} over the rest.
         *
         * @param threshold the relative threshold, such as {@link #THRESHOLD}
         * @param floor the rounding floor of one central difference ({@link #roundingFloor(double, double)})
         * @return the judgement of the pairs added so far
         */
        public Judgement judge(double threshold, double floor) {
            double s = largestScale();
            double relative = 0;
            if (s > 0) {
                double norms = g.over(s) + numeric.over(s);
                relative = norms == 0 ? 0 : Math.min(1, diff.over(s) / norms);
            }
            double norms = 2 * (g.value() + numeric.value());
            return new Judgement(
                    checked,
                    nonFinite,
                    2 * maxHalfDiff,
                    2 * diff.value(),
                    relative,
                    threshold * norms + Math.sqrt(checked - nonFinite) * floor,
                    nonFinite == 0 && finitePairsPass(threshold, floor));
        }

        /**
         * ‖g − g̃‖ ≤ threshold·(‖g‖ + ‖g̃‖) + √k·floor over the finite pairs, with both sides divided
         * by the largest of the three norms' scales so that nothing overflows.
         *
         * @param threshold the relative threshold, such as {@link #THRESHOLD}
         * @param floor the rounding floor of one central difference
         * @return whether the finite pairs are within the bound (true when there are none)
         */
        public boolean finitePairsPass(double threshold, double floor) {
            double s = largestScale();
            if (s == 0) {
                return true;
            }
            double norms = g.over(s) + numeric.over(s);
            return diff.over(s) <= threshold * norms + Math.sqrt(checked - nonFinite) * (floor / 2 / s);
        }

        /** All three norms are of halves (g/2, g̃/2, g/2 − g̃/2). */
        private double largestScale() {
            return Math.max(diff.scale, Math.max(g.scale, numeric.scale));
        }

        /**
         * The non-finite pairs by index and value, e.g. {@code the backward value at (0,3) is Infinity};
         * {@code index} formats a flat index.
         *
         * @param index formats a flat index, such as {@code (0,3)}
         * @return the first few non-finite pairs, and how many more there are; empty if none
         */
        public String describeNonFinite(IntFunction<String> index) {
            List<String> parts = new ArrayList<>();
            for (double[] p : firstNonFinite) {
                parts.add(describe(index.apply((int) p[0]), p[1], p[2]));
            }
            String more = nonFinite > firstNonFinite.size()
                    ? "; and " + (nonFinite - firstNonFinite.size()) + " more non-finite entries"
                    : "";
            return String.join("; ", parts) + more;
        }
    }

    /**
     * Why the pair at {@code index} cannot be judged: which side is not finite, and its value.
     *
     * @param index the pair's index, formatted, such as {@code (0,3)}
     * @param analytic the backward value g
     * @param central the central difference g̃
     * @return the explanation, for a failure message
     */
    public static String describe(String index, double analytic, double central) {
        if (!Double.isFinite(analytic)) {
            return String.format(Locale.ROOT, "the backward value at %s is %s, not a finite number", index, analytic);
        }
        return String.format(
                Locale.ROOT,
                "the central difference at %s is %s (backward %s): the cost J(θ ± eps·e) "
                        + "is not finite or its difference overflows",
                index,
                central,
                analytic);
    }

    /**
     * ‖x‖₂ of the values added, as scale·√ssq with every square taken after dividing by the
     * largest |x| seen so far (LAPACK dnrm2): it neither overflows nor underflows.
     */
    private static final class Norm {
        private double scale;
        private double ssq = 1;

        void add(double x) {
            double a = Math.abs(x);
            if (a == 0) {
                return;
            }
            if (scale < a) {
                ssq = 1 + ssq * (scale / a) * (scale / a);
                scale = a;
            } else {
                ssq += (a / scale) * (a / scale);
            }
        }

        /** ‖x‖ / s for s ≥ scale > 0: at most √k, never overflows. */
        double over(double s) {
            return scale == 0 ? 0 : (scale / s) * Math.sqrt(ssq);
        }

        /** ‖x‖ itself: ∞ only when the norm is beyond a double. */
        double value() {
            return scale == 0 ? 0 : scale * Math.sqrt(ssq);
        }
    }
}
