package org.dlbasis.properties.gradcheck;

import java.util.List;

/**
 * A gradient-check report.
 *
 * @param implementation the implementation's name
 * @param model what was checked, e.g. "network 4-5-1 (tanh), m = 10"
 * @param mode FULL, SAMPLE or DIRECTIONAL, and whether the incremental path was used
 * @param seed the seed of data and parameters
 * @param eps the central-difference step
 * @param threshold the relative-difference threshold
 * @param cost J at the checked point
 * @param blocks one result per parameter tensor (or one for the directions)
 * @param pass the overall verdict: every block passes
 * @param millis wall time
 */
public record GradcheckReport(String implementation, String model, String mode, long seed, double eps,
        double threshold, double cost, List<BlockResult> blocks, boolean pass, long millis) {
}
