package org.dlbasis.spec.api;

import org.dlbasis.spec.error.InvalidArgumentException;

/**
 * How a two-layer network's parameters are initialised (SPEC INIT-1, INIT-2).
 *
 * @param scale W = N(0, 1) · scale; 0 gives zero weights (the symmetry problem, N56)
 * @param seed the random seed; the same implementation with the same seed gives the same W
 */
public record Initialization(double scale, long seed) {

    /** The note's scale (N54). */
    public static final double DEFAULT_SCALE = 0.01;

    public Initialization {
        if (!(scale >= 0 && Double.isFinite(scale))) {
            throw new InvalidArgumentException("initialisation scale must be finite and >= 0, found " + scale);
        }
    }

    /** W = 0 and b = 0. */
    public static Initialization zeros() {
        return new Initialization(0, 0);
    }

    /** W = N(0, 1) · 0.01 and b = 0 (N54, N57). */
    public static Initialization small(long seed) {
        return new Initialization(DEFAULT_SCALE, seed);
    }

    public static Initialization gaussian(double scale, long seed) {
        return new Initialization(scale, seed);
    }
}
