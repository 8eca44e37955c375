package org.dlbasis.tck.match;

/**
 * The tolerance model of SPEC.md: {@code |actual − expected| ≤ atol + rtol·|expected|}, NaN
 * matching only NaN and an infinity only the same infinity. The named classes are the table
 * "Tolerance model" of the spec; change them only together with it.
 *
 * @param name the class name shown in failure messages
 * @param atol absolute part
 * @param rtol relative part
 */
public record Tolerance(String name, double atol, double rtol) {

    /** The unit roundoff u = 2⁻⁵³. */
    public static final double U = 0x1p-53;

    /** EXACT: no difference at all (shapes, error kinds, IEEE {@code + − * /} on single elements). */
    public static final Tolerance EXACT = new Tolerance("EXACT", 0, 0);
    /** ELEM: elementary functions (exp, log, tanh, σ, ELU), rtol 1e−15; subnormal results may flush to 0. */
    public static final Tolerance ELEM = new Tolerance("ELEM", Double.MIN_NORMAL, 1e-15);
    /** DERIV: activation derivatives, 1e−15 absolute and relative. */
    public static final Tolerance DERIV = new Tolerance("DERIV", 1e-15, 1e-15);
    /** LOSS: the cross-entropy loss terms, 1e−15 absolute and relative. */
    public static final Tolerance LOSS = new Tolerance("LOSS", 1e-15, 1e-15);
    /** MODEL: forward values, costs and gradients of the models on the suite's data. */
    public static final Tolerance MODEL = new Tolerance("MODEL", 1e-12, 1e-10);
    /** TRAJ: parameters and costs after at most 20 gradient-descent steps. */
    public static final Tolerance TRAJ = new Tolerance("TRAJ", 1e-10, 1e-8);

    /**
     * γₙ = n·u / (1 − n·u), Higham's constant for n roundings.
     *
     * @param n the number of roundings, such as the terms of a sum
     * @return γₙ
     */
    public static double gamma(int n) {
        return n * U / (1 - n * U);
    }

    /**
     * SUM(n): atol = γₙ·Σ|terms|, the a-priori bound of any summation order.
     *
     * @param n the number of terms
     * @param absSum Σ|terms|, the sum of the terms' absolute values
     * @return the tolerance, with rtol 0
     */
    public static Tolerance sum(int n, double absSum) {
        return new Tolerance("SUM(" + n + ")", gamma(n) * absSum, 0);
    }

    /**
     * 2·SUM(n): the distance allowed between two computed sums of the same n terms (each is within
     * γₙ·Σ|terms| of the exact sum, so they are within twice that of each other).
     *
     * @param n the number of terms
     * @param absSum Σ|terms|, the sum of the terms' absolute values
     * @return the tolerance, with rtol 0
     */
    public static Tolerance sumBetween(int n, double absSum) {
        return new Tolerance("2·SUM(" + n + ")", 2 * gamma(n) * absSum, 0);
    }

    /**
     * The allowed error at {@code expected}.
     *
     * @param expected the expected value
     * @return {@code atol + rtol·|expected|}
     */
    public double allowed(double expected) {
        return atol + rtol * Math.abs(expected);
    }

    /**
     * How much of the tolerance {@code actual} uses: 0 for a perfect match, 1 at the limit, above
     * 1 for a failure ({@code +∞} for NaN against a number, or any mismatch under EXACT).
     *
     * @param actual the computed value
     * @param expected the expected value
     * @return {@code |actual − expected|} divided by the allowed error
     */
    public double ratio(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected ? 0 : Double.POSITIVE_INFINITY;
        }
        double error = Math.abs(actual - expected);
        if (error == 0) {
            return 0;
        }
        double allowed = allowed(expected);
        return allowed == 0 ? Double.POSITIVE_INFINITY : error / allowed;
    }

    /**
     * Whether {@code actual} is within this tolerance of {@code expected}.
     *
     * @param actual the computed value
     * @param expected the expected value
     * @return true if {@link #ratio} is at most 1
     */
    public boolean accepts(double actual, double expected) {
        return ratio(actual, expected) <= 1;
    }

    @Override
    public String toString() {
        return name + " (atol " + atol + ", rtol " + rtol + ")";
    }

    /**
     * Why {@code actual} is not within this tolerance of {@code expected}, for people: NaN and
     * infinities explained in words (never "|diff| NaN > allowed NaN"), otherwise the difference
     * and the allowed error.
     *
     * @param actual the computed value
     * @param expected the expected value
     * @return the two values and why they differ, for a failure message
     */
    public String explain(double actual, double expected) {
        String values = "expected " + expected + ", actual " + actual;
        if (Double.isNaN(actual) && !Double.isNaN(expected)) {
            return values + " (NaN where a number is due)";
        }
        if (Double.isNaN(expected) && !Double.isNaN(actual)) {
            return values + " (a number where NaN is due: NaN in gives NaN out)";
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return values + " (infinities must match exactly)";
        }
        return values + ", |diff| " + Math.abs(actual - expected) + " > allowed " + allowed(expected) + " under "
                + this;
    }
}
