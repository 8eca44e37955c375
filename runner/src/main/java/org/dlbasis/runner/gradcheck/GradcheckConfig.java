package org.dlbasis.runner.gradcheck;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dlbasis.spec.api.Activation;

/**
 * What to check and how. Start from {@link #of} (or {@link #network}, {@link #logistic},
 * {@link #deep}), the defaults of {@code ./dlbasis gradcheck}, and change what differs with the
 * {@code with…} methods; every value is checked here, so a configuration that exists can be run.
 *
 * @param model logistic regression, the two-layer network or the L-layer network
 * @param sizes the layer sizes n[0], …, n[L]: {n[0], 1} for logistic regression, {n[0], n[1], n[2]}
 *     for the two-layer network, two or more for the deep network
 * @param m samples
 * @param activation the hidden activation (networks only)
 * @param seed data and parameters
 * @param scale weights N(0, 1)·scale
 * @param mode FULL (every coordinate), SAMPLE (some coordinates per tensor) or DIRECTIONAL
 * @param samples coordinates per tensor (SAMPLE) or directions (DIRECTIONAL)
 * @param eps the central-difference step (SPEC BACKPROP-7)
 * @param threshold the relative-difference threshold (SPEC GRADCHECK)
 * @param fast recompute only what each coordinate affects (reference models only)
 */
public record GradcheckConfig(
        Model model,
        int[] sizes,
        int m,
        Activation activation,
        long seed,
        double scale,
        Mode mode,
        int samples,
        double eps,
        double threshold,
        boolean fast) {

    /** How coordinates are chosen. */
    public enum Mode {
        /** Every coordinate of every parameter tensor. */
        FULL,
        /** {@code samples} random coordinates per parameter tensor. */
        SAMPLE,
        /** {@code samples} random directions through all the parameters at once. */
        DIRECTIONAL
    }

    /** What is checked, by its {@code --model} name. */
    public enum Model {
        /** Logistic regression (SPEC LR-3), parameters w and b. */
        LOGISTIC,
        /** The two-layer network (SPEC BACKPROP-7), parameters W1, b1, W2, b2. */
        NETWORK,
        /** The L-layer network (SPEC DEEP-6), parameters W1, b1, …, WL, bL. */
        DEEP;

        /**
         * {@code logistic}, {@code network}, {@code deep}.
         *
         * @return the constant's name in lower case, as {@code --model} takes it
         */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The most numbers a check may hold: parameters + (n[0] + … + n[L])·m — the data X and Y, the
     * activations of every layer, and θ (logistic regression: parameters + (n[0] + 1)·m). Checked
     * before anything is allocated; 10⁷ doubles are 80 MB per copy, and a check holds a few copies
     * (more through the protocol, which sends X as text).
     */
    public static final long MAX_NUMBERS = 10_000_000L;
    /** The smallest and largest eps accepted: below 1e−10 the rounding floor (∝ 1/eps) passes almost anything. */
    public static final double MIN_EPS = 1e-10;
    /** The largest eps accepted (see {@link #MIN_EPS}). */
    public static final double MAX_EPS = 1e-2;

    /** A value out of range: {@code option} as the command line spells it (without "--"), and what is wrong. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** The option, as the command line spells it (without "--"). */
        private final String option;

        Invalid(String option, String problem) {
            super(option + " " + problem);
            this.option = option;
        }

        /**
         * The option whose value is out of range.
         *
         * @return its name as the command line spells it, without "--", such as {@code eps}
         */
        public String option() {
            return option;
        }
    }

    /**
     * Checks every value and copies {@code sizes}.
     *
     * @param model logistic regression, the two-layer network or the L-layer network
     * @param sizes the layer sizes n[0], …, n[L], as they fit the model
     * @param m samples
     * @param activation the hidden activation (networks only)
     * @param seed data and parameters
     * @param scale weights N(0, 1)·scale
     * @param mode how coordinates are chosen
     * @param samples coordinates per tensor (SAMPLE) or directions (DIRECTIONAL)
     * @param eps the central-difference step (SPEC BACKPROP-7)
     * @param threshold the relative-difference threshold (SPEC GRADCHECK)
     * @param fast recompute only what each coordinate affects (reference models only)
     * @throws Invalid for a value out of range, naming its option
     * @throws IllegalArgumentException for a null argument, or sizes that do not fit the model
     */
    public GradcheckConfig {
        if (model == null || sizes == null || activation == null || mode == null) {
            throw new IllegalArgumentException("model, sizes, activation and mode must not be null");
        }
        sizes = sizes.clone();
        boolean shaped = switch (model) {
            case LOGISTIC -> sizes.length == 2 && sizes[1] == 1;
            case NETWORK -> sizes.length == 3;
            case DEEP -> sizes.length >= 2;
        };
        if (!shaped) {
            throw new IllegalArgumentException(
                    "layer sizes " + Arrays.toString(sizes) + " do not fit the model " + model);
        }
        checkSizes(model, Arrays.stream(sizes).asDoubleStream().toArray(), m);
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
            throw new Invalid(
                    "threshold",
                    "must be a number above 0 and below 1 (a relative difference is never "
                            + "above 1, so 1 would pass everything), found " + threshold);
        }
    }

    /**
     * Checks the sizes and m before anything is allocated: each at least 1 and the numbers a check
     * holds (see {@link #MAX_NUMBERS}) within the limit. Takes doubles so that a command line can
     * check sizes beyond an int.
     *
     * @param model the model, for the message
     * @param sizes the layer sizes n[0], …, n[L] ({n[0], 1} for logistic regression)
     * @param m samples
     * @throws Invalid if a size or m is below 1, or the check would hold more than {@link #MAX_NUMBERS}
     */
    public static void checkSizes(Model model, double[] sizes, double m) {
        if (!Arrays.stream(sizes).allMatch(n -> n >= 1)) {
            throw new Invalid(
                    "sizes",
                    "must be at least 1 each, found "
                            + java.util.stream.IntStream.range(0, sizes.length)
                                    .mapToObj(l -> "n[" + l + "] = " + (long) sizes[l])
                                    .collect(Collectors.joining(", ")));
        }
        if (!(m >= 1)) {
            throw new Invalid("m", "must be a whole number ≥ 1 (the number of samples), found " + (long) m);
        }
        double numbers = numbers(sizes, m);
        if (numbers > MAX_NUMBERS) {
            String given = model == Model.LOGISTIC
                    ? String.format(Locale.ROOT, "%.0f", sizes[0])
                    : Arrays.stream(sizes)
                            .mapToObj(n -> String.format(Locale.ROOT, "%.0f", n))
                            .collect(Collectors.joining("-"));
            String activations = switch (model) {
                case LOGISTIC -> "n[0] + 1";
                case NETWORK -> "n[0] + n[1] + n[2]";
                case DEEP -> "n[0] + … + n[L]";
            };
            throw new Invalid(
                    "sizes",
                    String.format(
                            Locale.ROOT,
                            "%s with m = %.0f needs %.0f numbers (parameters + " + "(%s)·m); a check holds at most %d",
                            given,
                            m,
                            numbers,
                            activations,
                            MAX_NUMBERS));
        }
    }

    /**
     * Σ (n[l]·n[l−1] + n[l]) + (n[0] + … + n[L])·m, in doubles so that it cannot overflow; for
     * logistic regression (sizes {n[0], 1}) that is (n[0] + 1) + (n[0] + 1)·m.
     */
    static double numbers(double[] sizes, double m) {
        double parameters = 0;
        double units = sizes[0];
        for (int l = 1; l < sizes.length; l++) {
            parameters += sizes[l] * sizes[l - 1] + sizes[l];
            units += sizes[l];
        }
        return parameters + units * m;
    }

    /**
     * A model on m samples with the defaults of {@code ./dlbasis gradcheck}: seed 1, scale 1, every
     * coordinate (20 samples or directions if the mode is changed), eps 1e−5, threshold 1e−7, the
     * plain path. Change what differs with the {@code with…} methods.
     *
     * @param model the model
     * @param sizes the layer sizes n[0], …, n[L], as they fit the model
     * @param m samples
     * @param activation the hidden activation (networks only)
     * @return the configuration
     * @throws Invalid if a size or m is out of range
     * @throws IllegalArgumentException for a null argument, or sizes that do not fit the model
     */
    public static GradcheckConfig of(Model model, int[] sizes, int m, Activation activation) {
        return new GradcheckConfig(model, sizes, m, activation, 1, 1.0, Mode.FULL, 20, 1e-5, 1e-7, false);
    }

    /**
     * The two-layer network n[0]-n[1]-n[2] on m samples, with the defaults of {@link #of}.
     *
     * @param nx n[0], the features
     * @param nh n[1], the hidden units
     * @param ny n[2], the output units
     * @param m samples
     * @param activation the hidden activation
     * @return the configuration
     * @throws Invalid if a size or m is out of range
     */
    public static GradcheckConfig network(int nx, int nh, int ny, int m, Activation activation) {
        return of(Model.NETWORK, new int[] {nx, nh, ny}, m, activation);
    }

    /**
     * Logistic regression with n features on m samples, with the defaults of {@link #of}.
     *
     * @param nx n, the features
     * @param m samples
     * @return the configuration
     * @throws Invalid if n or m is out of range
     */
    public static GradcheckConfig logistic(int nx, int m) {
        return of(Model.LOGISTIC, new int[] {nx, 1}, m, Activation.linear());
    }

    /**
     * The L-layer network n[0]-…-n[L] (two or more sizes) on m samples, with the defaults of {@link #of}.
     *
     * @param sizes the layer sizes n[0], …, n[L]
     * @param m samples
     * @param activation the activation of every hidden layer
     * @return the configuration
     * @throws Invalid if a size or m is out of range
     */
    public static GradcheckConfig deep(int[] sizes, int m, Activation activation) {
        return of(Model.DEEP, sizes, m, activation);
    }

    /**
     * The layer sizes n[0], …, n[L] (a copy).
     *
     * @return a new array of the L + 1 sizes
     */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * True for logistic regression.
     *
     * @return whether the model is {@link Model#LOGISTIC}
     */
    public boolean logistic() {
        return model == Model.LOGISTIC;
    }

    /**
     * n[0], the features.
     *
     * @return n[0]
     */
    public int nx() {
        return sizes[0];
    }

    /**
     * n[1], the first hidden layer's units (1 for logistic regression; the output's for a one-layer deep network).
     *
     * @return n[1]
     */
    public int nh() {
        return logistic() ? 1 : sizes[1];
    }

    /**
     * n[L], the output units (1 for logistic regression).
     *
     * @return n[L]
     */
    public int ny() {
        return sizes[sizes.length - 1];
    }

    /**
     * This configuration with another way of choosing coordinates.
     *
     * @param newMode how coordinates are chosen
     * @param newSamples coordinates per tensor (SAMPLE) or directions (DIRECTIONAL)
     * @return the new configuration
     * @throws Invalid if {@code newSamples} is below 1
     */
    public GradcheckConfig withMode(Mode newMode, int newSamples) {
        return new GradcheckConfig(model, sizes, m, activation, seed, scale, newMode, newSamples, eps, threshold, fast);
    }

    /**
     * This configuration with other data and parameters.
     *
     * @param newSeed the seed of the data and parameters
     * @param newScale weights N(0, 1)·scale
     * @return the new configuration
     * @throws Invalid if {@code newScale} is not finite
     */
    public GradcheckConfig withSeed(long newSeed, double newScale) {
        return new GradcheckConfig(model, sizes, m, activation, newSeed, newScale, mode, samples, eps, threshold, fast);
    }

    /**
     * This configuration with another step and threshold.
     *
     * @param newEps the central-difference step, from {@link #MIN_EPS} to {@link #MAX_EPS}
     * @param newThreshold the relative-difference threshold, above 0 and below 1
     * @return the new configuration
     * @throws Invalid if either is out of range
     */
    public GradcheckConfig withTolerance(double newEps, double newThreshold) {
        return new GradcheckConfig(model, sizes, m, activation, seed, scale, mode, samples, newEps, newThreshold, fast);
    }

    /**
     * This configuration with or without incremental recomputation.
     *
     * @param newFast recompute only what each coordinate affects (reference models only)
     * @return the new configuration
     */
    public GradcheckConfig withFast(boolean newFast) {
        return new GradcheckConfig(model, sizes, m, activation, seed, scale, mode, samples, eps, threshold, newFast);
    }

    /**
     * A description such as {@code network 4-5-1 (tanh), m = 10} or {@code deep network 5-4-3-1 (relu), m = 10}.
     *
     * @return the model, its sizes, the activation and m
     */
    public String describe() {
        String layers = Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        return switch (model) {
            case LOGISTIC -> "logistic regression n = " + nx() + ", m = " + m;
            case NETWORK -> "network " + layers + " (" + activation + "), m = " + m;
            case DEEP -> "deep network " + layers + " (" + activation + "), m = " + m;
        };
    }
}
