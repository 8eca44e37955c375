package org.dlbasis.properties.gradcheck;

import org.dlbasis.spec.api.Activation;

/**
 * What to check and how.
 *
 * @param logistic logistic regression (true) or the two-layer network
 * @param nx n[0], features
 * @param nh n[1], hidden units (network only)
 * @param ny n[2], outputs (network only)
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

    public GradcheckConfig {
        if (nx < 1 || nh < 1 || ny < 1 || m < 1) {
            throw new IllegalArgumentException("sizes and m must be >= 1, found nx=" + nx + ", nh=" + nh + ", ny=" + ny
                    + ", m=" + m);
        }
        if (!(eps > 0) || !(threshold > 0) || samples < 1) {
            throw new IllegalArgumentException("eps and threshold must be > 0 and samples >= 1");
        }
    }

    /** A description such as {@code network 4-5-1 (tanh), m = 10}. */
    public String describe() {
        return logistic ? "logistic regression n = " + nx + ", m = " + m
                : "network " + nx + "-" + nh + "-" + ny + " (" + activation + "), m = " + m;
    }
}
