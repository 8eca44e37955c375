package org.dlbasis.golden;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.spec.clause.Strength;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Every golden case as a JUnit test, next to {@link org.dlbasis.tck.ConformanceTests}: extend this
 * class, return your implementation from {@link #implementation()}, and every case of every golden
 * file (computed independently with numpy and exact arithmetic, shipped in this jar) runs as one
 * dynamic test, grouped by file.
 *
 * <pre>{@code
 * class MyGoldenTest extends GoldenTests {
 *     @Override
 *     protected Implementation implementation() {
 *         return new MyImplementation();
 *     }
 * }
 * }</pre>
 *
 * <p>A case passes, or fails with what differed (file, case, output, index, expected, actual,
 * tolerance). It is aborted, with the reason, when nothing is wrong with the implementation: "not
 * implemented: …" (it does not declare the capability the case needs), "skipped by the
 * implementation: &lt;reason&gt;" ({@link #skippedClauses()}, as in {@code ConformanceTests}), or
 * "SHOULD clause &lt;ID&gt; not met (a warning, not a failure): …" (a case of SHOULD clauses only,
 * a warning as in {@code ./dlbasis conform}).
 */
public abstract class GoldenTests {

    /** For subclasses: one per implementation under test. */
    protected GoldenTests() {}

    /**
     * The implementation under test; called once per run.
     *
     * @return the implementation
     */
    protected abstract Implementation implementation();

    /**
     * The clauses not to check, each with the reason; none by default. Every case that names a
     * skipped clause is not run and is reported as aborted,
     * {@code skipped by the implementation: <reason>}. A clause ID that SPEC.md does not define, or
     * a missing or blank reason, fails the run with a message naming it. The same contract as
     * {@code ConformanceTests.skippedClauses()}, so one map can serve both.
     *
     * @return clause ID as in SPEC.md (e.g. {@code "ACT-11"}) → why it is skipped
     */
    protected Map<String, String> skippedClauses() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicNode> golden() {
        SpecClauses spec = SpecClauses.load();
        Map<String, String> skipped = checkSkips(spec, skippedClauses(), getClass());
        Implementation impl = implementation();
        return GoldenData.FILE_NAMES.stream().map(name -> {
            GoldenFile f = GoldenData.fromClasspath(name);
            return dynamicContainer(
                    f.name(), f.cases().stream().map(c -> dynamicTest(c.id(), () -> check(impl, c, spec, skipped))));
        });
    }

    private static void check(Implementation impl, GoldenCase c, SpecClauses spec, Map<String, String> skipped) {
        List<String> reasons = c.clauses().stream()
                .filter(skipped::containsKey)
                .map(skipped::get)
                .distinct()
                .toList();
        if (!reasons.isEmpty()) {
            throw new TestAbortedException("skipped by the implementation: " + String.join("; ", reasons));
        }
        CaseResult r = GoldenRunner.run(impl, c);
        switch (r.status()) {
            case PASS:
                return;
            case NOT_IMPLEMENTED:
                throw new TestAbortedException("not implemented: " + r.detail());
            default:
                if (c.clauses().stream().allMatch(id -> isShould(spec, id))) {
                    throw new TestAbortedException(
                            "SHOULD clause" + (c.clauses().size() > 1 ? "s " : " ") + String.join(", ", c.clauses())
                                    + " not met (a warning, not a failure): " + r.detail());
                }
                throw new AssertionError(r.status() + " " + r.clauses() + ": " + r.detail());
        }
    }

    private static boolean isShould(SpecClauses spec, String id) {
        SpecClause c = spec.get(id);
        return c != null && c.strength() == Strength.SHOULD;
    }

    /** The skips, checked as {@code ConformanceTests} checks them. */
    private static Map<String, String> checkSkips(SpecClauses spec, Map<String, String> skips, Class<?> owner) {
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
}
