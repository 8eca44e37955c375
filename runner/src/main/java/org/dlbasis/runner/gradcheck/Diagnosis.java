package org.dlbasis.runner.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Names the likely mistake behind a failing block from the pattern of g against g̃. Only finite
 * pairs are looked at (non-finite ones are named by the judgement itself), and every sum is taken
 * over values divided by the largest magnitude, so neither NaN nor an overflow reaches a sentence.
 */
final class Diagnosis {
    private Diagnosis() {}

    /**
     * @param judged the flat indices judged; {@code numeric} holds g̃ at those indices
     * @param complete true if every coordinate of the tensor was judged (needed to compare with the transpose)
     */
    static List<String> of(Tensor theta, Tensor analytic, double[] numeric, int[] judged, boolean complete, int m) {
        double scale = largestFinite(analytic, numeric, judged);
        if (scale == 0) {
            return List.of();
        }
        double gg = 0;
        double gn = 0;
        double nn = 0;
        for (int flat : judged) {
            double g = analytic.flat(flat) / scale;
            double n = numeric[flat] / scale;
            if (Double.isFinite(g) && Double.isFinite(n)) {
                gg += g * g;
                gn += g * n;
                nn += n * n;
            }
        }
        List<String> out = new ArrayList<>();
        if (gg == 0) {
            out.add("the backward gradient is zero where the cost is not flat: a missing path (a term dropped from "
                    + "the chain rule)");
            return out;
        }
        if (nn == 0) {
            out.add("the cost is flat along these coordinates (g̃ = 0) but the backward gradient is not: an extra "
                    + "term, or a gradient for another parameter");
            return out;
        }
        double ratio = gn / nn; // least-squares g ≈ ratio·g̃
        double fit = gn / gg * (gn / nn); // cos² of the angle
        if (fit > 0.999999) {
            out.add(String.format(Locale.ROOT, "g = %.6g · g̃ exactly in direction (cos² = %.8f)", ratio, fit));
            out.add(factor(ratio, m));
        }
        if (complete
                && theta.rank() == 2
                && theta.shape().dim(0) == theta.shape().dim(1)
                && matchesTranspose(analytic, numeric, scale)) {
            out.add("g matches the transpose of g̃: a transposed gradient");
        }
        if (out.isEmpty()) {
            out.add(String.format(
                    Locale.ROOT,
                    "no simple pattern (best scale %.4g, cos² = %.4f): compare the "
                            + "backward formulas with SPEC BACKPROP-1…6 line by line",
                    ratio,
                    fit));
        }
        return out;
    }

    private static String factor(double ratio, int m) {
        if (m > 1 && Math.abs(ratio - m) < 1e-3 * m) {
            return "the ratio is m = " + m + ": a missing 1/m";
        }
        if (m > 1 && Math.abs(ratio - 1.0 / m) < 1e-3 / m) {
            return "the ratio is 1/m: 1/m applied twice";
        }
        if (Math.abs(ratio + 1) < 1e-3) {
            return "the ratio is −1: the sign is flipped (Y − A instead of A − Y?)";
        }
        return "a constant factor: a missing or extra scale (a derivative factor, α, 1/m)";
    }

    /** The largest finite |g| or |g̃| over the judged coordinates (0 if none). */
    private static double largestFinite(Tensor analytic, double[] numeric, int[] judged) {
        double s = 0;
        for (int flat : judged) {
            double g = analytic.flat(flat);
            double n = numeric[flat];
            if (Double.isFinite(g) && Double.isFinite(n)) {
                s = Math.max(s, Math.max(Math.abs(g), Math.abs(n)));
            }
        }
        return s;
    }

    private static boolean matchesTranspose(Tensor analytic, double[] numeric, double scale) {
        int n = analytic.shape().dim(0);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double t = numeric[j * n + i] / scale;
                double d = analytic.flat(i * n + j) / scale - t;
                diff += d * d;
                norm += t * t;
            }
        }
        return norm > 0 && diff <= 1e-12 * norm;
    }
}
