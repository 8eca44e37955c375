package org.dlbasis.runner.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dlbasis.tck.suite.Status;

/**
 * A conformance run: what was checked, how, and the verdict per clause. Its JSON form is
 * documented in spec/REPORT.md.
 *
 * @param implementation the implementation's name
 * @param capabilities what it declared
 * @param options what it declares inside its capabilities, in words (SPEC API-2): "everything" by default
 * @param seed the seed that reproduces the run
 * @param examples examples per property
 * @param started ISO-8601 start time
 * @param millis wall time of the run
 * @param complete false for a snapshot of a run that has not finished (or was interrupted)
 * @param clauses one entry per clause, in SPEC.md order
 */
public record ConformanceReport(
        String implementation,
        Set<String> capabilities,
        String options,
        long seed,
        int examples,
        String started,
        long millis,
        boolean complete,
        List<ClauseResult> clauses) {

    /**
     * Clause count per status.
     *
     * @return the number of clauses with each status (0 included), in the order of {@link Status}
     */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new TreeMap<>();
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        clauses.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return counts;
    }

    /**
     * Clauses that were actually checked: PASS, FAIL or ERROR.
     *
     * @return their count
     */
    @JsonIgnore
    public int checked() {
        return (int) clauses.stream()
                .filter(c -> c.status() == Status.PASS || c.status() == Status.FAIL || c.status() == Status.ERROR)
                .count();
    }

    /**
     * The run's verdict; see {@link Verdict}. An implementation that declares no capability has
     * nothing checked beyond its handshake (API-1), so it gets {@link Verdict#NOTHING_CHECKED}.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        if (!complete) {
            return Verdict.INCOMPLETE;
        }
        if (clauses.stream().anyMatch(ClauseResult::breaksConformance)) {
            return Verdict.DOES_NOT_CONFORM;
        }
        return checked() == 0 || capabilities.isEmpty() ? Verdict.NOTHING_CHECKED : Verdict.CONFORMS;
    }

    /**
     * True only for {@link Verdict#CONFORMS}.
     *
     * @return whether the implementation conforms
     */
    public boolean conforms() {
        return verdict() == Verdict.CONFORMS;
    }

    /**
     * The verdict with how much was checked, for people: {@code conforms (14 of 78 clauses
     * checked; 63 not implemented, 1 not verified)}.
     *
     * @return the verdict's words followed by {@link #extent()}
     */
    public String verdictLine() {
        return verdict().words() + " " + extent();
    }

    /**
     * How much was checked: {@code (14 of 78 clauses checked; 63 not implemented, 1 not verified)}.
     *
     * @return the counts in parentheses
     */
    public String extent() {
        Map<Status, Integer> n = counts();
        StringBuilder sb = new StringBuilder("(")
                .append(checked())
                .append(" of ")
                .append(clauses.size())
                .append(" clauses checked");
        String sep = "; ";
        for (Status s : List.of(Status.FAIL, Status.ERROR, Status.NOT_IMPLEMENTED, Status.NOT_VERIFIED)) {
            if (n.get(s) > 0) {
                sb.append(sep)
                        .append(n.get(s))
                        .append(' ')
                        .append(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                sep = ", ";
            }
        }
        long texts = clauses.stream()
                .filter(c -> c.reason().startsWith(ConformanceRun.TEXTS))
                .count();
        if (texts > 0) {
            sb.append("; ")
                    .append(texts)
                    .append(texts == 1 ? " clause" : " clauses")
                    .append(" with error texts that differ (kinds right)");
        }
        if (options.contains("no input validation")) {
            sb.append("; input validation not declared: bad input was not checked");
        }
        return sb.append(')').toString();
    }
}
