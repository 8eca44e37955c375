package org.dlbasis.spec.clause;

import java.util.List;

/**
 * One clause of SPEC.md.
 *
 * @param id the stable ID, e.g. {@code BCAST-3}
 * @param strength MUST, SHOULD or INFORMATIVE
 * @param title the heading text after the strength
 * @param cites the note's claim IDs (N…) the clause cites
 * @param pendingReason non-null if the clause is listed under "Pending clauses"
 */
public record SpecClause(String id, Strength strength, String title, List<String> cites, String pendingReason) {

    /**
     * Whether the clause is listed under "Pending clauses" (not yet checked by a test).
     *
     * @return {@code pendingReason != null}
     */
    public boolean pending() {
        return pendingReason != null;
    }
}
