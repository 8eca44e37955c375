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

    /**
     * Checks the scale (SPEC ERR-3).
     *
     * @param scale W = N(0, 1) · scale, finite and ≥ 0
     * @param seed the random seed
     * @throws InvalidArgumentException if the scale is negative or not finite
     */
    public Initialization {
        if (!(scale >= 0 && Double.isFinite(scale))) {
            throw new InvalidArgumentException("initialisation scale must be finite and >= 0, found " + scale);
        }
    }

    /**
     * W = 0 and b = 0.
     *
     * @return scale 0 (the seed is then irrelevant)
     */
    public static Initialization zeros() {
        return new Initialization(0, 0);
    }

    /**
     * W = N(0, 1) · 0.01 and b = 0 (N54, N57).
     *
     * @param seed the random seed
     * @return the note's initialisation
     */
    public static Initialization small(long seed) {
        return new Initialization(DEFAULT_SCALE, seed);
    }

    /**
     * W = N(0, 1) · scale and b = 0.
     *
     * @param scale the standard deviation of the weights, finite and ≥ 0
     * @param seed the random seed
     * @return that initialisation
     * @throws InvalidArgumentException if the scale is negative or not finite
     */
    public static Initialization gaussian(double scale, long seed) {
        return new Initialization(scale, seed);
    }
}
