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
 * @param blamed for a FAIL or ERROR, the clauses whose operation produced the wrong value, when the
 *     property knows it (a property over every activation's derivative blames ACT-6 for a wrong
 *     ReLU′, not all five derivative clauses); empty: every clause it names
 */
public record Outcome(
        String property,
        List<String> clauses,
        Status status,
        double margin,
        String detail,
        long seed,
        long millis,
        List<String> blamed) {

    /**
     * Copies {@code blamed}, so the outcome is immutable.
     *
     * @param property the property's method name
     * @param clauses the clause IDs it checks
     * @param status the verdict
     * @param margin the worst error relative to its tolerance
     * @param detail the failure text or the reason
     * @param seed the seed that reproduces the run
     * @param millis wall time
     * @param blamed the clauses a FAIL or ERROR is held against; empty: every clause it names
     */
    public Outcome {
        blamed = List.copyOf(blamed);
    }

    /**
     * True if this outcome is held against {@code clauseId}: it names it and blames it (or blames all).
     *
     * @param clauseId a clause ID, such as {@code ACT-6}
     * @return whether this outcome counts towards that clause's verdict
     */
    public boolean counts(String clauseId) {
        return clauses.contains(clauseId) && (blamed.isEmpty() || blamed.contains(clauseId));
    }
}
