package org.dlbasis.reference.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * The arguments the accuracy tests draw (every binade, uniform ranges, runs of consecutive doubles
 * around a switch point) and their one assertion: the largest error in ulps of {@link ExactMath}'s
 * value, with the argument where it occurs.
 */
public final class UlpSamples {
    private UlpSamples() {}

    /**
     * {@code per} random doubles in every binade [2^e, 2^(e+1)) with lo ≤ e ≤ hi, subnormals included.
     *
     * @param r the random source
     * @param lo the lowest exponent
     * @param hi the highest exponent
     * @param per how many per binade
     * @return the positive arguments
     */
    public static List<Double> binades(Random r, int lo, int hi, int per) {
        List<Double> out = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            for (int i = 0; i < per; i++) {
                out.add(Math.scalb(1 + r.nextDouble(), e)); // rounds to a subnormal below 2^-1022
            }
        }
        return out;
    }

    /**
     * The negatives of {@code xs}.
     *
     * @param xs the arguments
     * @return −x for each
     */
    public static List<Double> negated(List<Double> xs) {
        List<Double> out = new ArrayList<>(xs.size());
        for (double x : xs) {
            out.add(-x);
        }
        return out;
    }

    /**
     * {@code n} uniform doubles in [lo, hi).
     *
     * @param r the random source
     * @param lo the lower end
     * @param hi the upper end
     * @param n how many
     * @return the arguments
     */
    public static List<Double> uniform(Random r, double lo, double hi, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(lo + (hi - lo) * r.nextDouble());
        }
        return out;
    }

    /**
     * {@code n} consecutive doubles from {@code from} up.
     *
     * @param from the first
     * @param n how many
     * @return the arguments
     */
    public static List<Double> consecutive(double from, int n) {
        List<Double> out = new ArrayList<>();
        double x = from;
        for (int i = 0; i < n; i++) {
            out.add(x);
            x = Math.nextUp(x);
        }
        return out;
    }

    /**
     * The double {@code steps} doubles below x.
     *
     * @param x the start
     * @param steps how many doubles down
     * @return that double
     */
    public static double below(double x, int steps) {
        for (int i = 0; i < steps; i++) {
            x = Math.nextDown(x);
        }
        return x;
    }

    /**
     * The 2k + 1 consecutive doubles centred on x.
     *
     * @param x the centre
     * @param k how many on each side
     * @return the arguments
     */
    public static List<Double> around(double x, int k) {
        return consecutive(below(x, k), 2 * k + 1);
    }

    /**
     * f is within {@code bound} ulps of the exact value at every argument.
     *
     * @param bound the most ulps allowed
     * @param xs the arguments
     * @param f the function under test
     * @param exact its exact value
     */
    public static void assertWithin(
            double bound, List<Double> xs, DoubleUnaryOperator f, DoubleFunction<BigDecimal> exact) {
        double max = 0;
        double worstX = Double.NaN;
        for (double x : xs) {
            double e = ExactMath.ulps(f.applyAsDouble(x), exact.apply(x));
            if (!(e <= max)) {
                max = e;
                worstX = x;
            }
        }
        String where = String.format(Locale.ROOT, "max %.4f ulp at %s", max, worstX);
        assertTrue(max <= bound, where + ", more than " + bound + " ulp over " + xs.size() + " arguments");
    }
}
