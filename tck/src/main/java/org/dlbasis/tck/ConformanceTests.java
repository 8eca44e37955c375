package org.dlbasis.tck;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The whole conformance suite as JUnit tests: extend this class, return your implementation from
 * {@link #implementation()}, and run it with your build's JUnit Platform. One dynamic test per
 * property, named after its clause and strength and grouped like SPEC.md.
 *
 * <pre>{@code
 * class MyConformanceTest extends ConformanceTests {
 *     @Override
 *     protected Implementation implementation() {
 *         return new MyImplementation();
 *     }
 * }
 * }</pre>
 *
 * <p>Each property ends in one of these JUnit outcomes, which agree with the verdict of
 * {@code ./dlbasis conform}:
 * <ul>
 *   <li><b>successful</b>: every example held;</li>
 *   <li><b>failed</b>: a MUST or INFORMATIVE clause does not hold (a counterexample, or the
 *       implementation crashed); the message gives the clause, the shrunk counterexample, the
 *       values compared, the tolerance and the seed. The implementation does not conform;</li>
 *   <li><b>aborted</b>, with the reason as message, when nothing is wrong with the implementation:
 *       <ul>
 *         <li>{@code not implemented: …}: it does not declare the capability the property needs;</li>
 *         <li>{@code not verified: …}: the clause is pending in SPEC.md;</li>
 *         <li>{@code skipped by the implementation: <reason>}: see {@link #skippedClauses()};</li>
 *         <li>{@code SHOULD clause <ID> not met (a warning, not a failure): <detail>}: a property
 *             of SHOULD clauses only failed; like the CLI, this is a warning and the
 *             implementation still conforms.</li>
 *       </ul></li>
 * </ul>
 *
 * <p>To skip clauses you knowingly do not meet (the way Reactive Streams TCK users skip a rule),
 * override {@link #skippedClauses()} with each clause ID and why:
 *
 * <pre>{@code
 * @Override
 * protected Map<String, String> skippedClauses() {
 *     return Map.of("ACT-13", "our sigmoid is e^z/(1+e^z); the stable form is issue #42");
 * }
 * }</pre>
 */
public abstract class ConformanceTests {

    /** For subclasses: one per implementation under test. */
    protected ConformanceTests() {}

    /**
     * The implementation under test; called once per run.
     *
     * @return the implementation
     */
    protected abstract Implementation implementation();

    /**
     * Seed and example count; by default from {@code -Ddlbasis.seed} and {@code -Ddlbasis.examples}.
     *
     * @return the settings of the run
     */
    protected Settings settings() {
        return Settings.fromSystemProperties();
    }

    /**
     * The clauses not to check, each with the reason; none by default. Every property that names a
     * skipped clause is not run and is reported as aborted,
     * {@code skipped by the implementation: <reason>}. A clause ID that SPEC.md does not define,
     * or a missing or blank reason, fails the run with a message naming it, so a skip cannot
     * outlive its clause or hide without a reason.
     *
     * @return clause ID as in SPEC.md (e.g. {@code "ACT-11"}) → why it is skipped
     */
    protected Map<String, String> skippedClauses() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        SpecClauses spec = SpecClauses.load();
        Map<String, String> skipped = JUnitVerdicts.checkSkips(spec, skippedClauses(), getClass());
        Implementation impl = implementation();
        Settings settings = settings();
        Stream<DynamicNode> groups = PropertyCatalog.GROUPS.stream()
                .map(group -> dynamicContainer(
                        group.getSimpleName(),
                        PropertyCatalog.of(group).stream()
                                .map(p -> dynamicTest(p.name(), () -> check(impl, p, settings, spec, skipped)))));
        return Stream.concat(groups, Stream.of(dynamicContainer("PendingClauses", pending(spec, skipped))));
    }

    private static void check(
            Implementation impl, Property p, Settings settings, SpecClauses spec, Map<String, String> skipped) {
        JUnitVerdicts.abortIfSkipped(p.clauses(), skipped);
        Outcome o = Runner.run(impl, p, settings);
        JUnitVerdicts.judge(o, spec);
    }

    private static Stream<DynamicNode> pending(SpecClauses spec, Map<String, String> skipped) {
        List<SpecClause> pending =
                spec.all().stream().filter(SpecClause::pending).toList();
        return pending.stream()
                .map(c -> dynamicTest(c.id(), () -> {
                    if (skipped.containsKey(c.id())) {
                        throw new TestAbortedException("skipped by the implementation: " + skipped.get(c.id()));
                    }
                    throw new TestAbortedException("not verified: " + c.pendingReason());
                }));
    }
}
