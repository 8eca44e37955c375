package org.dlbasis.reference.activation;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The tests' oracle: tanh, tanh', log1p and softplus of a double to 40 significant digits, in
 * {@link BigDecimal} with Taylor series (no double arithmetic, nothing shared with the code under
 * test), and the error of a double result in ulps of the exact value.
 */
public final class ExactMath {
    private static final MathContext MC = new MathContext(45);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPS = new BigDecimal("1e-50");
    /** log 2 = 2·atanh(1/3). */
    private static final BigDecimal LN2 =
            atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC)).multiply(TWO, MC);

    private ExactMath() {}

    /** e^x − 1 by its series, for |x| ≤ 1/2 (no cancellation). */
    static BigDecimal expm1Series(BigDecimal x) {
        BigDecimal term = x;
        BigDecimal sum = x;
        for (int k = 2; term.signum() != 0 && term.abs().compareTo(sum.abs().multiply(EPS)) > 0; k++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return sum;
    }

    /** e^x for |x| ≤ 1000: the series of e^(x/2^k) with |x/2^k| ≤ 1/256, squared k times. */
    static BigDecimal exp(BigDecimal x) {
        int k = 0;
        BigDecimal r = x;
        while (r.abs().compareTo(new BigDecimal("0.00390625")) > 0) {
            r = r.divide(TWO, MC);
            k++;
        }
        BigDecimal e = expm1Series(r).add(BigDecimal.ONE, MC);
        for (int i = 0; i < k; i++) {
            e = e.multiply(e, MC);
        }
        return e;
    }

    /** atanh(v) = v + v³/3 + v⁵/5 + …, for |v| ≤ 1/3. */
    private static BigDecimal atanhSeries(BigDecimal v) {
        BigDecimal v2 = v.multiply(v, MC);
        BigDecimal power = v;
        BigDecimal sum = v;
        for (int k = 3; power.signum() != 0 && power.abs().compareTo(sum.abs().multiply(EPS)) > 0; k += 2) {
            power = power.multiply(v2, MC);
            sum = sum.add(power.divide(BigDecimal.valueOf(k), MC), MC);
        }
        return sum;
    }

    /** log(1 + x) for x &gt; −1, x exact: 2·atanh(x/(2 + x)), halving or doubling 1 + x first when far from 1. */
    public static BigDecimal log1p(BigDecimal x) {
        BigDecimal w = BigDecimal.ONE.add(x); // exact
        int k = 0;
        while (w.compareTo(new BigDecimal("0.75")) < 0) {
            w = w.multiply(TWO);
            k--;
        }
        while (w.compareTo(new BigDecimal("1.5")) > 0) {
            w = w.divide(TWO);
            k++;
        }
        BigDecimal m = k == 0 ? x : w.subtract(BigDecimal.ONE); // m = w − 1 exactly, |m| ≤ 1/2
        BigDecimal v = m.divide(TWO.add(m), MC); // |v| ≤ 1/5
        return atanhSeries(v).multiply(TWO, MC).add(LN2.multiply(BigDecimal.valueOf(k)), MC);
    }

    /**
     * tanh(z), for finite z.
     *
     * @param z the argument
     * @return tanh(z) to 40 digits (±1 for |z| &gt; 40, where it differs from ±1 by less than 1e−34)
     */
    public static BigDecimal tanh(double z) {
        BigDecimal a = new BigDecimal(Math.abs(z));
        BigDecimal t;
        if (Math.abs(z) > 40) {
            t = BigDecimal.ONE;
        } else if (Math.abs(z) <= 0.25) {
            BigDecimal y = expm1Series(a.multiply(TWO).negate()); // e^−2a − 1, in (−1, 0]
            t = y.negate().divide(TWO.add(y), MC);
        } else {
            BigDecimal e = exp(a.multiply(TWO).negate());
            t = BigDecimal.ONE.subtract(e).divide(BigDecimal.ONE.add(e), MC);
        }
        return z < 0 ? t.negate() : t;
    }

    /**
     * tanh'(z) = 4t/(1 + t)² with t = e^−2|z|, for |z| ≤ 500.
     *
     * @param z the argument
     * @return tanh'(z) to 40 digits
     */
    public static BigDecimal tanhDerivative(double z) {
        BigDecimal t = exp(new BigDecimal(Math.abs(z)).multiply(TWO).negate());
        BigDecimal onePlusT = BigDecimal.ONE.add(t);
        return t.multiply(BigDecimal.valueOf(4)).divide(onePlusT.multiply(onePlusT), MC);
    }

    /**
     * softplus(t) = log(1 + e^t), for |t| ≤ 700.
     *
     * @param t the argument
     * @return softplus(t) to 40 digits
     */
    public static BigDecimal softplus(double t) {
        BigDecimal u = exp(new BigDecimal(-Math.abs(t)));
        BigDecimal tail = log1p(u);
        return t > 0 ? new BigDecimal(t).add(tail, MC) : tail;
    }

    /**
     * The error of r in ulps of the exact value e: |r − e| divided by the spacing of the doubles in
     * e's binade (2⁻¹⁰⁷⁴ below the smallest normal number). A correctly rounded r is within 0.5.
     *
     * @param r a result
     * @param e the exact value
     * @return |r − e| / ulp(e); +∞ for a non-finite r
     */
    public static double ulps(double r, BigDecimal e) {
        if (!Double.isFinite(r)) {
            return Double.POSITIVE_INFINITY;
        }
        double near = Math.abs(e.doubleValue());
        double ulp = Math.ulp(near);
        boolean powerOfTwo = near > Double.MIN_NORMAL && (Double.doubleToRawLongBits(near) & 0xFFFFFFFFFFFFFL) == 0;
        if (powerOfTwo && e.abs().compareTo(new BigDecimal(near)) < 0) {
            ulp /= 2; // e is just below a power of two: its binade's spacing is half that of the power
        }
        return new BigDecimal(r)
                .subtract(e)
                .abs()
                .divide(new BigDecimal(ulp), MathContext.DECIMAL64)
                .doubleValue();
    }
}
