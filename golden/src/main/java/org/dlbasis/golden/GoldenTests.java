package org.dlbasis.golden;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Map;
import java.util.stream.Stream;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.tck.JUnitVerdicts;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

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
        Map<String, String> skipped = JUnitVerdicts.checkSkips(spec, skippedClauses(), getClass());
        Implementation impl = implementation();
        return GoldenData.FILE_NAMES.stream().map(name -> {
            GoldenFile f = GoldenData.fromClasspath(name);
            return dynamicContainer(
                    f.name(), f.cases().stream().map(c -> dynamicTest(c.id(), () -> check(impl, c, spec, skipped))));
        });
    }

    private static void check(Implementation impl, GoldenCase c, SpecClauses spec, Map<String, String> skipped) {
        JUnitVerdicts.abortIfSkipped(c.clauses(), skipped);
        CaseResult r = GoldenRunner.run(impl, c);
        JUnitVerdicts.judge(r.status(), r.clauses(), r.detail(), "", spec);
    }
}
