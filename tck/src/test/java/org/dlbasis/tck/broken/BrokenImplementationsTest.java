package org.dlbasis.tck.broken;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The suite is tested too: every deliberately broken implementation is caught by the clause named for it. */
class BrokenImplementationsTest {
    private static final Settings SETTINGS = new Settings(Settings.DEFAULT_SEED, 50);

    static Stream<BrokenImplementations.Broken> catalogue() {
        return BrokenImplementations.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isCaughtByItsClause(BrokenImplementations.Broken broken) {
        List<Property> properties = PropertyCatalog.forClause(broken.caughtBy());
        assertFalse(properties.isEmpty(), "no property names " + broken.caughtBy());
        List<Outcome> outcomes = properties.stream()
                .map(p -> Runner.run(broken.impl(), p, SETTINGS))
                .toList();
        // a wrong error text is caught as the weaker verdict SPEC ERR-1 gives it: reported, not failed
        assertTrue(
                outcomes.stream()
                        .anyMatch(o -> o.status() == Status.FAIL
                                || o.status() == Status.ERROR
                                || o.detail().startsWith(Runner.TEXT_DIFFERS)),
                broken + " passed every property of " + broken.caughtBy() + ": " + outcomes);
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeastTwentyMistakes() {
        assertTrue(BrokenImplementations.all().size() >= 20);
    }
}
