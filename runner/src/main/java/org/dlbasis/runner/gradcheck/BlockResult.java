package org.dlbasis.runner.gradcheck;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.dlbasis.tck.oracle.NumericalGradient.Judgement;

/**
 * The check of one parameter tensor (or of the random directions). In gradcheck.json the
 * judgement's fields (checked, nonFinite, maxAbsDiff, diffNorm, relativeDifference, allowed, pass)
 * sit beside the others.
 *
 * @param name W1, b1, W2, b2, w, b or "directions"
 * @param shape the parameter's shape, e.g. (7,12288)
 * @param nearKink coordinates not judged because a ±eps probe crosses a kink (SPEC BACKPROP-7)
 * @param judgement the verdict and its numbers (SPEC GRADCHECK), see {@link Judgement}
 * @param worst the worst entries, non-finite ones first (at most a handful, kept as they come)
 * @param entryErrors per-entry relative errors |g − g̃| / (|g| + |g̃|), for the chart (at most 4000);
 *        NaN marks a non-finite entry, which the chart counts but does not draw
 * @param diagnosis likely causes, when the block fails
 * @param epsSweep on failure: the worst finite entry's |g − g̃| for eps = 1e−1 … 1e−10
 */
public record BlockResult(
        String name,
        String shape,
        int nearKink,
        @JsonUnwrapped Judgement judgement,
        List<Entry> worst,
        double[] entryErrors,
        List<String> diagnosis,
        List<double[]> epsSweep) {

    /**
     * One coordinate: its index, the backward value, the central difference and their gap.
     *
     * @param index the coordinate's index in its tensor, e.g. (0,3)
     * @param analytic the backward value g
     * @param numeric the central difference g̃
     * @param absDiff |g − g̃|
     */
    public record Entry(String index, double analytic, double numeric, double absDiff) {}

    /**
     * The verdict.
     *
     * @return whether the block passes, as its judgement says
     */
    public boolean pass() {
        return judgement.pass();
    }

    /**
     * Coordinates (or directions) judged.
     *
     * @return their count, non-finite ones included
     */
    public int checked() {
        return judgement.checked();
    }

    /**
     * ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂) over the finite entries.
     *
     * @return the relative difference, in [0, 1]
     */
    public double relativeDifference() {
        return judgement.relativeDifference();
    }
}
