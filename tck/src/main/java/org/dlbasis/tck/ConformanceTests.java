package org.dlbasis.tck;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;

import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The whole conformance suite as JUnit tests: extend this class, return your implementation from
 * {@link #implementation()}, and run it with your build's JUnit Platform. One dynamic test per
 * property, grouped like SPEC.md; undeclared capabilities and pending clauses show as aborted
 * ("not implemented", "not verified"), never as passed.
 *
 * <pre>{@code
 * class MyConformanceTest extends ConformanceTests {
 *     @Override
 *     protected Implementation implementation() {
 *         return new MyImplementation();
 *     }
 * }
 * }</pre>
 */
public abstract class ConformanceTests {

    /** The implementation under test; called once per run. */
    protected abstract Implementation implementation();

    /** Seed and example count; by default from {@code -Ddlbasis.seed} and {@code -Ddlbasis.examples}. */
    protected Settings settings() {
        return Settings.fromSystemProperties();
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        Implementation impl = implementation();
        Settings settings = settings();
        Stream<DynamicNode> groups = PropertyCatalog.GROUPS.stream().map(group -> dynamicContainer(
                group.getSimpleName(),
                PropertyCatalog.of(group).stream().map(p -> dynamicTest(p.name(), () -> check(impl, p, settings)))));
        return Stream.concat(groups, Stream.of(dynamicContainer("PendingClauses", pending())));
    }

    private static void check(Implementation impl, Property p, Settings settings) {
        Outcome o = Runner.run(impl, p, settings);
        switch (o.status()) {
            case PASS:
                return;
            case NOT_IMPLEMENTED:
                throw new TestAbortedException("not implemented: " + o.detail());
            default:
                throw new AssertionError(o.status() + " " + o.clauses() + " " + p.name() + "\n" + o.detail());
        }
    }

    private static Stream<DynamicNode> pending() {
        List<SpecClause> pending = SpecClauses.load().all().stream().filter(SpecClause::pending).toList();
        return pending.stream().map(c -> dynamicTest(c.id(), () -> {
            throw new TestAbortedException("not verified: " + c.pendingReason());
        }));
    }
}
