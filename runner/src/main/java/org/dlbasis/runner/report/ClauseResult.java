package org.dlbasis.runner.report;

import java.util.List;
import org.dlbasis.golden.CaseResult;
import org.dlbasis.spec.clause.Strength;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Status;

/**
 * The verdict on one clause: the worst of its properties and golden cases.
 *
 * @param id the clause ID
 * @param strength MUST, SHOULD or INFORMATIVE
 * @param title the clause's heading
 * @param status PASS, NOT_VERIFIED (pending), NOT_IMPLEMENTED, FAIL or ERROR
 * @param margin the worst error relative to its tolerance over the passing checks
 * @param reason the pending reason, or the first failure's detail
 * @param properties the property outcomes that name this clause
 * @param golden the golden cases that name this clause
 */
public record ClauseResult(
        String id,
        Strength strength,
        String title,
        Status status,
        double margin,
        String reason,
        List<Outcome> properties,
        List<CaseResult> golden) {

    /**
     * A FAIL or ERROR that makes the implementation non-conforming (MUST and INFORMATIVE; SHOULD warns).
     *
     * @return whether this clause's result breaks conformance
     */
    public boolean breaksConformance() {
        return (status == Status.FAIL || status == Status.ERROR) && strength.breaksConformance();
    }
}
