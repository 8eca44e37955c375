package org.dlbasis.tck.match;

import java.util.Locale;
import java.util.Optional;
import org.dlbasis.spec.tensor.Tensor;

/**
 * What a mismatch most likely is, named as a convention or a classic slip, so a failure says more
 * than "different": a flipped sign, a constant factor (a missing or extra 1/m, or PyTorch's mean
 * over all n[2]·m outputs where the spec divides by m), a transpose, a log clamped at −100 (PyTorch's
 * binary cross-entropy gives 100 where the spec's loss is +∞), the other convention at a kink.
 */
public final class Diagnoses {
    private Diagnoses() {}

    /**
     * For two numbers.
     *
     * @param actual the implementation's value
     * @param expected the expected value
     * @return the likely cause (a clamped log, a flipped sign, a constant factor), or empty
     */
    public static Optional<String> of(double actual, double expected) {
        if (Double.isInfinite(expected) && expected > 0 && Math.abs(actual - 100) < 1e-9) {
            return Optional.of("the log is clamped at −100 (PyTorch's binary cross-entropy): the spec's loss of a "
                    + "certain wrong prediction is +∞ (LOSS-2)");
        }
        if (!Double.isFinite(actual) || !Double.isFinite(expected) || expected == 0 || actual == 0) {
            return Optional.empty();
        }
        return factor(actual / expected);
    }

    /**
     * For two tensors of equal size: one factor throughout, or the transpose.
     *
     * @param actual the implementation's tensor
     * @param expected the expected tensor
     * @return the likely cause (a transpose, a flipped sign, a constant factor), or empty
     */
    public static Optional<String> of(Tensor actual, Tensor expected) {
        if (actual.rank() == 2
                && expected.rank() == 2
                && actual.shape().dim(0) == expected.shape().dim(1)
                && actual.shape().dim(1) == expected.shape().dim(0)
                && !actual.shape().equals(expected.shape())) {
            return Optional.of("the transpose of the expected " + expected.shape() + " (a dZ·Aᵀ written as Aᵀ·dZ?)");
        }
        if (actual.size() != expected.size() || actual.size() == 0) {
            return Optional.empty();
        }
        double ratio = Double.NaN;
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.flat(i);
            double e = expected.flat(i);
            if (e == 0 || !Double.isFinite(a) || !Double.isFinite(e)) {
                if (a != e) {
                    return Optional.empty();
                }
                continue;
            }
            double r = a / e;
            if (Double.isNaN(ratio)) {
                ratio = r;
            } else if (Math.abs(r - ratio) > 1e-9 * Math.abs(ratio)) {
                return Optional.empty();
            }
        }
        return Double.isNaN(ratio) ? Optional.empty() : factor(ratio);
    }

    /**
     * The other convention at a kink: {@code g′(0)} returned as {@code actual} where the spec says {@code expected}.
     *
     * @param function the function's name, such as {@code ReLU}
     * @param actual the derivative at 0 the implementation returned
     * @param expected the derivative at 0 the spec fixes
     * @return the diagnosis, for a failure message
     */
    public static String kink(String function, double actual, double expected) {
        return function + "′(0) = " + actual + " is the other convention at the kink; the spec fixes " + expected;
    }

    private static Optional<String> factor(double r) {
        if (Math.abs(r + 1) < 1e-9) {
            return Optional.of("a flipped sign (−1 × the expected)");
        }
        if (Math.abs(r - 1) < 1e-6) {
            return Optional.empty();
        }
        double whole = Math.rint(r);
        double inverse = Math.rint(1 / r);
        if (Math.abs(r - whole) < 1e-9 * Math.abs(r) && whole > 1) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%d × the expected: a missing 1/%d? (the spec divides the cost "
                            + "by m only, not by n[2]·m; a mean over all outputs is PyTorch's default)",
                    (long) whole,
                    (long) whole));
        }
        if (Math.abs(1 / r - inverse) < 1e-9 / Math.abs(r) && inverse > 1) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "1/%d × the expected: an extra 1/%d? (a mean over all n[2]·m "
                            + "outputs, PyTorch's default, where the spec divides by m)",
                    (long) inverse,
                    (long) inverse));
        }
        return Optional.of(String.format(Locale.ROOT, "%.6g × the expected throughout", r));
    }
}
