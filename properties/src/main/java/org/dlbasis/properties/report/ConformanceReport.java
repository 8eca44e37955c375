package org.dlbasis.properties.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dlbasis.properties.suite.Status;

/**
 * A conformance run: what was checked, how, and the verdict per clause. Its JSON form is
 * documented in spec/REPORT.md.
 *
 * @param implementation the implementation's name
 * @param capabilities what it declared
 * @param seed the seed that reproduces the run
 * @param examples examples per property
 * @param started ISO-8601 start time
 * @param millis wall time of the run
 * @param clauses one entry per clause, in SPEC.md order
 */
public record ConformanceReport(String implementation, Set<String> capabilities, long seed, int examples,
        String started, long millis, List<ClauseResult> clauses) {

    /** Clause count per status. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new TreeMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        clauses.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return counts;
    }

    /** True when no MUST or INFORMATIVE clause failed or erred. */
    public boolean conforms() {
        return clauses.stream().noneMatch(ClauseResult::breaksConformance);
    }
}
