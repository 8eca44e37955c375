package org.dlbasis.runner.gradcheck;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A gradient-check report. In gradcheck.json the setup's fields sit beside the others.
 *
 * @param implementation the implementation's name, as it gave it (untrusted: escape it where it is shown)
 * @param setup what was checked and how
 * @param cost J at the checked point (NaN if the implementation failed before computing it)
 * @param blocks one result per parameter tensor (or one for the directions), as far as the check got
 * @param pass the overall verdict: no error and every block passes
 * @param error null, or why the check stopped: the implementation raised, crashed, timed out or
 *        answered nonsense (its own text, untrusted)
 * @param millis wall time
 */
public record GradcheckReport(
        String implementation,
        @JsonUnwrapped Setup setup,
        double cost,
        List<BlockResult> blocks,
        boolean pass,
        String error,
        long millis) {

    /**
     * What was checked and how.
     *
     * @param model what was checked, e.g. "network 4-5-1 (tanh), m = 10"
     * @param mode FULL, SAMPLE or DIRECTIONAL, and whether the incremental path was used
     * @param seed the seed of data and parameters
     * @param eps the central-difference step
     * @param threshold the relative-difference threshold
     */
    public record Setup(String model, String mode, long seed, double eps, double threshold) {
        static Setup of(GradcheckConfig c) {
            return new Setup(
                    c.describe(), c.mode() + (c.fast() ? " (incremental)" : ""), c.seed(), c.eps(), c.threshold());
        }
    }
}
