package org.dlbasis.properties.gradcheck;

import java.util.List;

/**
 * The check of one parameter tensor (or of the random directions).
 *
 * @param name W1, b1, W2, b2, w, b or "directions"
 * @param shape the parameter's shape, e.g. (7,12288)
 * @param checked coordinates (or directions) judged
 * @param nearKink coordinates not judged because a ±eps probe crosses a kink (SPEC BACKPROP-7)
 * @param maxAbsDiff max |g − g̃| over the judged coordinates
 * @param relativeDifference ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂)
 * @param allowed the largest ‖g − g̃‖₂ GRADCHECK allows here (threshold and rounding floor)
 * @param pass the verdict
 * @param worst the worst entries
 * @param entryErrors per-entry relative errors |g − g̃| / (|g| + |g̃|), for the chart (at most 4000)
 * @param diagnosis likely causes, when the block fails
 * @param epsSweep on failure: the worst entry's |g − g̃| for eps = 1e−1 … 1e−10
 */
public record BlockResult(String name, String shape, int checked, int nearKink, double maxAbsDiff,
        double relativeDifference, double allowed, boolean pass, List<Entry> worst, double[] entryErrors,
        List<String> diagnosis, List<double[]> epsSweep) {

    /** One coordinate: its index, the backward value, the central difference and their gap. */
    public record Entry(String index, double analytic, double numeric, double absDiff) {
    }
}
