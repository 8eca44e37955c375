package org.dlbasis.tck.match;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.dlbasis.spec.tensor.Tensor;

/**
 * What a mismatch most likely is, named as a convention or a classic slip, so a failure says more
 * than "different": a flipped sign, a constant factor (a missing or extra 1/m, or PyTorch's mean
 * over all n[2]·m outputs where the spec divides by m), a transpose, a log clamped at −100 (PyTorch's
 * binary cross-entropy gives 100 where the spec's loss is +∞), the other convention at a kink, a
 * number where NaN is due (a derivative read off a comparison or a mask, as autograd does), the
 * cancellation of 1 − tanh² or σ(1 − σ) in the tails.
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
        String special = special(actual, expected);
        if (special != null) {
            return Optional.of(special);
        }
        if (!Double.isFinite(actual) || !Double.isFinite(expected) || expected == 0 || actual == 0) {
            return Optional.empty();
        }
        return factor(actual / expected, false);
    }

    /** How a diagnosis follows the failure it explains in a message. */
    private static final String PREFIX = "\n  diagnosis: ";

    /**
     * A diagnosis as the line that follows a failure message.
     *
     * @param diagnosis the likely cause
     * @return {@code "\n  diagnosis: "} and the cause
     */
    public static String line(String diagnosis) {
        return PREFIX + diagnosis;
    }

    /**
     * A diagnosis, if there is one, as the line that follows a failure message.
     *
     * @param diagnosis the likely cause, or empty
     * @return {@link #line(String)}, or an empty string
     */
    public static String line(Optional<String> diagnosis) {
        return diagnosis.map(Diagnoses::line).orElse("");
    }

    /**
     * Why a gradient is NaN once the output saturates: the week-4 helper's dA. For the output
     * layer {@code a} (A, A2, A[L]).
     *
     * @param a the output layer's name, such as {@code A[L]}
     * @param dz the gradient that should be computed directly, such as {@code dZ[L]}
     * @return the diagnosis
     */
    public static String saturatedOutputs(String a, String dz) {
        return "d" + a + " = −(Y/" + a + " − (1−Y)/(1−" + a + ")) is 0/0 once σ rounds to 1: compute " + dz + " = " + a
                + " − Y directly";
    }

    /** Why a number came out where NaN went in (the caller knows a NaN went in). */
    public static final String MASKED_NAN = "NaN in gives a number out: the result is read off a comparison or a "
            + "mask (z > 0, an argmax, a ≥ b), which is false for NaN and so picks a branch, as autograd's masks do; "
            + "the spec propagates NaN (ACT-13)";

    /** A number where NaN is due, without knowing where the NaN came from. */
    private static final String NUMBER_FOR_NAN = "a number where NaN is due: a NaN (from a NaN input, or from 0/0, "
            + "∞ − ∞, 0·∞ or the log of a negative number) was replaced by a number, as a comparison, a mask "
            + "(autograd's) or a guarded division does; the spec keeps NaN (ACT-13, ARR-2)";

    private static final String CLAMPED_LOG = "the log is clamped at −100 (PyTorch's binary cross-entropy): the "
            + "spec's loss of a certain wrong prediction is +∞ (LOSS-2)";

    private static final String CANCELLED = "an absolute error below 2⁻⁵² where the value itself is tiny: a "
            + "subtraction from 1 that loses the tail, such as the note's 1 − tanh²(z) or σ(z)(1 − σ(z)), or "
            + "log(1 − p); σ(z)·σ(−z), 4t/(1 + t)² with t = e^−2|z| and log1p(−p) keep the relative accuracy";

    private static final String NAN_PRODUCED = "NaN where a number is due: an intermediate 0/0, ∞ − ∞ or 0·∞, "
            + "such as 0·log 0 in a cost taken from probabilities, or dA = −(Y/A − (1 − Y)/(1 − A)) once σ "
            + "rounds to 0 or 1 (LOSS-2, BACKPROP-8: take the cost and dZ from the logits)";

    /** PyTorch's binary cross-entropy: log clamped at −100, so 100 where more (or +∞) is due. */
    private static boolean clamped(double actual, double expected) {
        return expected > 100 && Math.abs(actual - 100) < 1e-9;
    }

    /**
     * Tiny expected value, and an answer that a subtraction from 1 can give: a multiple of 2⁻⁵³ (0
     * included) off by no more than the rounding of a number near 1. (A sign flip or a factor of a
     * tiny value is no cancellation.)
     */
    private static boolean cancelled(double actual, double expected) {
        return Double.isFinite(actual)
                && expected != 0
                && Math.abs(expected) < 1e-12
                && Math.abs(actual - expected) <= 0x1p-52
                && actual / 0x1p-53 == Math.rint(actual / 0x1p-53);
    }

    /**
     * For two tensors of equal size: one factor throughout, or the transpose.
     *
     * @param actual the implementation's tensor
     * @param expected the expected tensor
     * @return the likely cause (a transpose, a flipped sign, a constant factor), or empty
     */
    public static Optional<String> of(Tensor actual, Tensor expected) {
        return of(actual, expected, null);
    }

    /**
     * For two tensors of equal size, where elements within {@code tolerance} are not the cause.
     *
     * @param actual the implementation's tensor
     * @param expected the expected tensor
     * @param tolerance the comparison's tolerance, or null for 12 digits
     * @return the likely cause (a transpose, a flipped sign, a constant factor, a clamped log, NaN), or empty
     */
    public static Optional<String> of(Tensor actual, Tensor expected, Tolerance tolerance) {
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
        Optional<String> special =
                elementwise(actual, expected, tolerance, i -> special(actual.flat(i), expected.flat(i)));
        if (special.isPresent()) {
            return special;
        }
        double ratio = Double.NaN;
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.flat(i);
            double e = expected.flat(i);
            if (e == 0 || !Double.isFinite(a) || !Double.isFinite(e)) {
                if (a != e && !(Double.isNaN(a) && Double.isNaN(e))) {
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
        return Double.isNaN(ratio) ? Optional.empty() : factor(ratio, true);
    }

    /**
     * The causes {@code cause} names for the elements that differ (to 12 digits or beyond
     * {@code tolerance}; NaN for NaN is no difference), when it names one for each; else empty.
     */
    private static Optional<String> elementwise(
            Tensor actual, Tensor expected, Tolerance tolerance, IntFunction<String> cause) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < actual.size(); i++) {
            double a = actual.flat(i);
            double e = expected.flat(i);
            if (same(a, e) || (tolerance != null && tolerance.accepts(a, e))) {
                continue; // the same, or close enough not to be the cause
            }
            String here = cause.apply(i);
            if (here == null) {
                return Optional.empty();
            }
            found.add(here);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; and ", found));
    }

    /**
     * For a derivative g′(z) compared element by element: the scalar diagnoses, a NaN input read
     * off a mask, and at z = 0 the other convention at a kink.
     *
     * @param actual the implementation's g′(z)
     * @param expected the spec's g′(z)
     * @param z the inputs, the shape of both
     * @param kinked whether g has a kink at 0 (ReLU, Leaky ReLU, ELU), where the spec fixes a convention
     * @param tolerance the comparison's tolerance: elements within it are not the cause (null: 12 digits)
     * @return every cause that explains the elements that differ, else what {@link #of(Tensor, Tensor,
     *     Tolerance)} finds
     */
    public static Optional<String> ofDerivative(
            Tensor actual, Tensor expected, Tensor z, boolean kinked, Tolerance tolerance) {
        if (actual.size() != expected.size() || z.size() != expected.size()) {
            return of(actual, expected, tolerance);
        }
        Optional<String> found = elementwise(actual, expected, tolerance, i -> {
            double a = actual.flat(i);
            double e = expected.flat(i);
            if (kinked && z.flat(i) == 0 && Double.isFinite(a)) {
                return kink("g", a, e);
            }
            return Double.isNaN(z.flat(i)) && Double.isNaN(e) && Double.isFinite(a) ? MASKED_NAN : special(a, e);
        });
        return found.isPresent() ? found : of(actual, expected, tolerance);
    }

    /** Equal, NaN for NaN, or finite and equal to 12 digits: not the cause. */
    private static boolean same(double a, double e) {
        return a == e
                || (Double.isNaN(a) && Double.isNaN(e))
                || (Double.isFinite(e) && Math.abs(a - e) <= 1e-12 * Math.abs(e));
    }

    private static String special(double a, double e) {
        if (clamped(a, e)) {
            return CLAMPED_LOG;
        }
        if (Double.isNaN(e) && Double.isFinite(a)) {
            return NUMBER_FOR_NAN;
        }
        if (Double.isNaN(a) && Double.isFinite(e)) {
            return NAN_PRODUCED;
        }
        return cancelled(a, e) ? CANCELLED : null;
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

    /**
     * A flipped sign, a small whole factor or its inverse (a missing or extra 1/k, k ≤ 1000); for a
     * tensor, any other factor that holds throughout; for a number, nothing else (one ratio alone
     * says nothing).
     */
    private static Optional<String> factor(double r, boolean throughout) {
        if (Math.abs(r + 1) < 1e-9) {
            return Optional.of("a flipped sign (−1 × the expected)");
        }
        if (Math.abs(r - 1) < 1e-6) {
            return Optional.empty();
        }
        double whole = Math.rint(r);
        double inverse = Math.rint(1 / r);
        if (Math.abs(r - whole) < 1e-9 * Math.abs(r) && whole > 1 && whole <= 1000) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%d × the expected: a missing 1/%d? (the spec divides the cost "
                            + "by m only, not by n[2]·m; a mean over all outputs is PyTorch's default)",
                    (long) whole,
                    (long) whole));
        }
        if (Math.abs(1 / r - inverse) < 1e-9 / Math.abs(r) && inverse > 1 && inverse <= 1000) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "1/%d × the expected: an extra 1/%d? (a mean over all n[2]·m "
                            + "outputs, PyTorch's default, where the spec divides by m)",
                    (long) inverse,
                    (long) inverse));
        }
        return throughout
                ? Optional.of(String.format(Locale.ROOT, "%.6g × the expected throughout", r))
                : Optional.empty();
    }
}
