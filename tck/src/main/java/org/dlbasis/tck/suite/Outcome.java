package org.dlbasis.tck.suite;

import java.util.List;

/**
 * The result of running one property.
 *
 * @param property the property's method name, e.g. {@code required_BCAST1_resultShapeFollowsTheRule}
 * @param clauses the clause IDs it checks
 * @param status the verdict
 * @param margin the worst error relative to its tolerance (PASS only; 0 for exact checks)
 * @param detail the failure text (counterexample, values, tolerance, seed) or the reason
 * @param seed the seed that reproduces the run
 * @param millis wall time
 */
public record Outcome(String property, List<String> clauses, Status status, double margin, String detail,
        long seed, long millis) {
}
