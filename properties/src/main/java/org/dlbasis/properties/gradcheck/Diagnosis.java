package org.dlbasis.properties.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dlbasis.spec.tensor.Tensor;

/** Names the likely mistake behind a failing block from the pattern of g against g̃. */
final class Diagnosis {
    private Diagnosis() {
    }

    static List<String> of(Tensor theta, Tensor analytic, double[] numeric, List<Integer> judged, int m) {
        List<String> out = new ArrayList<>();
        double gg = 0;
        double gn = 0;
        double nn = 0;
        for (int flat : judged) {
            gg += analytic.flat(flat) * analytic.flat(flat);
            gn += analytic.flat(flat) * numeric[flat];
            nn += numeric[flat] * numeric[flat];
        }
        if (gg == 0 && nn > 0) {
            out.add("the backward gradient is zero where the cost is not flat: a missing path (a term dropped from "
                    + "the chain rule)");
            return out;
        }
        double ratio = nn == 0 ? Double.NaN : gn / nn; // least-squares g ≈ ratio·g̃
        double fit = nn == 0 || gg == 0 ? 0 : gn * gn / (gg * nn); // cos² of the angle
        if (fit > 0.999999) {
            out.add(String.format(Locale.ROOT, "g = %.6g · g̃ exactly in direction (cos² = %.8f)", ratio, fit));
            if (m > 1 && Math.abs(ratio - m) < 1e-3 * m) {
                out.add("the ratio is m = " + m + ": a missing 1/m");
            } else if (m > 1 && Math.abs(ratio - 1.0 / m) < 1e-3 / m) {
                out.add("the ratio is 1/m: 1/m applied twice");
            } else if (Math.abs(ratio + 1) < 1e-3) {
                out.add("the ratio is −1: the sign is flipped (Y − A instead of A − Y?)");
            } else {
                out.add("a constant factor: a missing or extra scale (a derivative factor, α, 1/m)");
            }
        }
        if (theta.rank() == 2 && theta.shape().dim(0) == theta.shape().dim(1) && matchesTranspose(analytic, numeric)) {
            out.add("g matches the transpose of g̃: a transposed gradient");
        }
        if (out.isEmpty()) {
            out.add(String.format(Locale.ROOT, "no simple pattern (best scale %.4g, cos² = %.4f): compare the "
                    + "backward formulas with SPEC BACKPROP-1…6 line by line", ratio, fit));
        }
        return out;
    }

    private static boolean matchesTranspose(Tensor analytic, double[] numeric) {
        int n = analytic.shape().dim(0);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = analytic.flat(i * n + j) - numeric[j * n + i];
                diff += d * d;
                norm += numeric[j * n + i] * numeric[j * n + i];
            }
        }
        return norm > 0 && diff <= 1e-12 * norm;
    }
}
