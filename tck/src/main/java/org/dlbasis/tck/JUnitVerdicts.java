package org.dlbasis.tck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.spec.clause.Strength;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Status;
import org.opentest4j.TestAbortedException;

/**
 * How a check's outcome becomes a JUnit result, the same way for {@link ConformanceTests} and
 * {@code org.dlbasis.golden.GoldenTests}, and the same way the command line judges clauses: a PASS
 * passes; not implemented, not verified, skipped by the implementation and a failing SHOULD-only
 * check are aborted with their reason (a warning); everything else fails.
 */
public final class JUnitVerdicts {
    private JUnitVerdicts() {}

    /**
     * The skips of {@code skippedClauses()}, checked: every ID a clause of SPEC.md, every reason
     * given.
     *
     * @param spec the clauses of SPEC.md
     * @param skips clause ID → reason, as the test class returned them
     * @param owner the test class, named in the error
     * @return the skips with their reasons stripped
     * @throws IllegalStateException naming every unknown ID and every missing reason
     */
    public static Map<String, String> checkSkips(SpecClauses spec, Map<String, String> skips, Class<?> owner) {
        String where = owner.getName() + ".skippedClauses()";
        if (skips == null) {
            throw new IllegalStateException(where + " returned null; return Map.of() to skip nothing");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> checked = new LinkedHashMap<>();
        skips.forEach((id, reason) -> {
            if (id == null || !spec.contains(id)) {
                problems.add("\"" + id + "\" is not a clause of SPEC.md (use an exact clause ID such as \"ACT-2\")");
            } else if (reason == null || reason.isBlank()) {
                problems.add(id + " has no reason: say why it is skipped");
            } else {
                checked.put(id, reason.strip());
            }
        });
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new IllegalStateException(where + ": " + String.join("; ", problems));
        }
        return checked;
    }

    /**
     * Aborts the check if one of its clauses is skipped.
     *
     * @param clauses the clauses the check names
     * @param skipped the checked skips
     */
    public static void abortIfSkipped(List<String> clauses, Map<String, String> skipped) {
        List<String> reasons = clauses.stream()
                .filter(skipped::containsKey)
                .map(skipped::get)
                .distinct()
                .toList();
        if (!reasons.isEmpty()) {
            throw new TestAbortedException("skipped by the implementation: " + String.join("; ", reasons));
        }
    }

    /**
     * Turns a property's outcome into the JUnit result, judged by the clauses the command line
     * holds it against ({@link Outcome#counts}): a failure blamed on a SHOULD clause only is a
     * warning here as there, whatever else the property names.
     *
     * @param o the property's outcome
     * @param spec the clauses of SPEC.md, for their strength
     */
    public static void judge(Outcome o, SpecClauses spec) {
        List<String> held = o.clauses().stream().filter(o::counts).toList();
        judge(o.status(), held.isEmpty() ? o.clauses() : held, o.detail(), o.property(), spec);
    }

    /**
     * Turns an outcome into the JUnit result.
     *
     * @param status the check's status
     * @param clauses the clauses it names
     * @param detail its detail (the counterexample, the reason)
     * @param what how a failure names the check (a property's name), or empty when the detail does
     *     (a golden case's detail starts with its file and case)
     * @param spec the clauses of SPEC.md, for their strength
     */
    public static void judge(Status status, List<String> clauses, String detail, String what, SpecClauses spec) {
        switch (status) {
            case PASS -> {}
            case NOT_IMPLEMENTED -> throw new TestAbortedException("not implemented: " + detail);
            case NOT_VERIFIED -> throw new TestAbortedException("not verified: " + detail);
            default -> {
                if (clauses.stream().allMatch(id -> isShould(spec, id))) {
                    throw new TestAbortedException("SHOULD clause" + (clauses.size() > 1 ? "s " : " ")
                            + String.join(", ", clauses) + " not met (a warning, not a failure): " + detail);
                }
                throw new AssertionError(
                        status + " " + clauses + (what.isEmpty() ? ": " + detail : " " + what + "\n" + detail));
            }
        }
    }

    private static boolean isShould(SpecClauses spec, String id) {
        SpecClause c = spec.get(id);
        return c != null && c.strength() == Strength.SHOULD;
    }
}
