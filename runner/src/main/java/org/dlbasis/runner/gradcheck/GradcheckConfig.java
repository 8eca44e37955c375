package org.dlbasis.runner.gradcheck;

import java.util.Locale;

import org.dlbasis.spec.api.Activation;

/**
 * What to check and how. Start from {@link #network} or {@link #logistic} (the defaults of
 * {@code ./dlbasis gradcheck}) and change what differs with the {@code with…} methods; every
 * value is checked here, so a configuration that exists can be run.
 *
 * @param logistic logistic regression (true) or the two-layer network
 * @param nx n[0], features
 * @param nh n[1], hidden units (network only; 1 for logistic regression)
 * @param ny n[2], outputs (network only; 1 for logistic regression)
 * @param m samples
 * @param activation the hidden activation (network only)
 * @param seed data and parameters
 * @param scale weights N(0, 1)·scale
 * @param mode FULL (every coordinate), SAMPLE (some coordinates per tensor) or DIRECTIONAL
 * @param samples coordinates per tensor (SAMPLE) or directions (DIRECTIONAL)
 * @param eps the central-difference step (SPEC BACKPROP-7)
 * @param threshold the relative-difference threshold (SPEC GRADCHECK)
 * @param fast recompute only what each coordinate affects (reference models only)
 */
public record GradcheckConfig(boolean logistic, int nx, int nh, int ny, int m, Activation activation, long seed,
        double scale, Mode mode, int samples, double eps, double threshold, boolean fast) {

    /** How coordinates are chosen. */
    public enum Mode { FULL, SAMPLE, DIRECTIONAL }

    /**
     * The most numbers a check may hold: parameters + (n[0] + n[1] + n[2])·m — the data X and Y, the
     * hidden and output activations, and θ (logistic regression: parameters + (n[0] + 1)·m). Checked before anything is allocated; 10⁷ doubles are
     * 80 MB per copy, and a check holds a few copies (more through the protocol, which sends X as text).
     */
    public static final long MAX_NUMBERS = 10_000_000L;
    /** The smallest and largest eps accepted: below 1e−10 the rounding floor (∝ 1/eps) passes almost anything. */
    public static final double MIN_EPS = 1e-10;
    public static final double MAX_EPS = 1e-2;

    /** A value out of range: {@code option} as the command line spells it (without "--"), and what is wrong. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String option;

        Invalid(String option, String problem) {
            super(option + " " + problem);
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

    public GradcheckConfig {
        checkSizes(logistic, nx, nh, ny, m);
        if (activation == null || mode == null) {
            throw new IllegalArgumentException("activation and mode must not be null");
        }
        if (!Double.isFinite(scale)) {
            throw new Invalid("scale", "must be a finite number, found " + scale);
        }
        if (samples < 1) {
            throw new Invalid("samples", "must be a whole number ≥ 1, found " + samples);
        }
        if (!(eps >= MIN_EPS && eps <= MAX_EPS)) {
            throw new Invalid("eps", "must be a number from 1e-10 to 1e-2 (SPEC BACKPROP-7 uses 1e-5), found " + eps);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new Invalid("threshold", "must be a number above 0 and below 1 (a relative difference is never "
                    + "above 1, so 1 would pass everything), found " + threshold);
        }
    }

    /**
     * Checks the sizes and m before anything is allocated: each at least 1 and the numbers a check
     * holds (see {@link #MAX_NUMBERS}) within the limit. Takes doubles so that a command line can
     * check sizes beyond an int.
     */
    public static void checkSizes(boolean logistic, double nx, double nh, double ny, double m) {
        if (!(nx >= 1 && nh >= 1 && ny >= 1)) {
            throw new Invalid("sizes", "must be at least 1 each, found n[0] = " + (long) nx + ", n[1] = " + (long) nh
                    + ", n[2] = " + (long) ny);
        }
        if (!(m >= 1)) {
            throw new Invalid("m", "must be a whole number ≥ 1 (the number of samples), found " + (long) m);
        }
        double numbers = numbers(logistic, nx, nh, ny, m);
        if (numbers > MAX_NUMBERS) {
            String sizes = logistic ? String.format(Locale.ROOT, "%.0f", nx)
                    : String.format(Locale.ROOT, "%.0f-%.0f-%.0f", nx, nh, ny);
            throw new Invalid("sizes", String.format(Locale.ROOT, "%s with m = %.0f needs %.0f numbers (parameters + "
                    + "(%s)·m); a check holds at most %d", sizes, m, numbers,
                    logistic ? "n[0] + 1" : "n[0] + n[1] + n[2]", MAX_NUMBERS));
        }
    }

    /**
     * parameters + (n[0] + n[1] + n[2])·m (logistic regression: parameters + (n[0] + 1)·m), in
     * doubles so that it cannot overflow.
     */
    static double numbers(boolean logistic, double nx, double nh, double ny, double m) {
        return logistic ? (nx + 1) + (nx + 1) * m : nh * nx + nh + ny * nh + ny + (nx + nh + ny) * m;
    }

    /** The two-layer network n[0]-n[1]-n[2] on m samples: seed 1, scale 1, every coordinate, eps 1e−5, threshold 1e−7. */
    public static GradcheckConfig network(int nx, int nh, int ny, int m, Activation activation) {
        return new GradcheckConfig(false, nx, nh, ny, m, activation, 1, 1.0, Mode.FULL, 20, 1e-5, 1e-7, false);
    }

    /** Logistic regression with n features on m samples, with the defaults of {@link #network}. */
    public static GradcheckConfig logistic(int nx, int m) {
        return new GradcheckConfig(true, nx, 1, 1, m, Activation.linear(), 1, 1.0, Mode.FULL, 20, 1e-5, 1e-7, false);
    }

    public GradcheckConfig withMode(Mode newMode, int newSamples) {
        return new GradcheckConfig(logistic, nx, nh, ny, m, activation, seed, scale, newMode, newSamples, eps,
                threshold, fast);
    }

    public GradcheckConfig withSeed(long newSeed, double newScale) {
        return new GradcheckConfig(logistic, nx, nh, ny, m, activation, newSeed, newScale, mode, samples, eps,
                threshold, fast);
    }

    public GradcheckConfig withTolerance(double newEps, double newThreshold) {
        return new GradcheckConfig(logistic, nx, nh, ny, m, activation, seed, scale, mode, samples, newEps,
                newThreshold, fast);
    }

    public GradcheckConfig withFast(boolean newFast) {
        return new GradcheckConfig(logistic, nx, nh, ny, m, activation, seed, scale, mode, samples, eps, threshold,
                newFast);
    }

    /** A description such as {@code network 4-5-1 (tanh), m = 10}. */
    public String describe() {
        return logistic ? "logistic regression n = " + nx + ", m = " + m
                : "network " + nx + "-" + nh + "-" + ny + " (" + activation + "), m = " + m;
    }
}
