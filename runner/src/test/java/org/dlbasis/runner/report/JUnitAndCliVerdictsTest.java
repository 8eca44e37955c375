package org.dlbasis.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.tck.JUnitVerdicts;
import org.dlbasis.tck.broken.BrokenImplementations;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * JUnit ({@code ConformanceTests}) and the command line ({@code dlbasis conform}) give every
 * property the same verdict: it fails JUnit exactly when the report holds its FAIL or ERROR
 * against a clause that breaks conformance. Run on the reference and on every broken
 * implementation of the tck's catalogue, over the clauses of the properties that catch it.
 */
class JUnitAndCliVerdictsTest {
    private static final Settings SETTINGS = new Settings(Settings.DEFAULT_SEED, 50);
    private static final SpecClauses SPEC = SpecClauses.load();

    static Stream<Arguments> implementations() {
        Stream<Arguments> reference = Stream.of(Arguments.of("the reference", new ReferenceImplementation(), null));
        return Stream.concat(
                reference,
                BrokenImplementations.all().stream().map(b -> Arguments.of(b.toString(), b.impl(), b.caughtBy())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void junitAndTheCommandLineAgreeOnEveryProperty(String name, Implementation impl, String clause) {
        Set<String> selected = new TreeSet<>();
        PropertyCatalog.all().stream()
                .filter(p -> clause == null || p.clauses().contains(clause))
                .forEach(p -> selected.addAll(p.clauses()));
        Map<String, Status> ran = new LinkedHashMap<>();
        ConformanceReport report = new ConformanceRun(impl, SETTINGS, selected::contains, null)
                .run((i, total, what, status, millis) -> ran.put(what.substring(what.indexOf(' ') + 1), status));
        Map<String, Outcome> outcomes = new TreeMap<>();
        Map<String, Boolean> cli = new TreeMap<>();
        for (ClauseResult c : report.clauses()) {
            for (Outcome o : c.properties()) {
                outcomes.put(o.property(), o);
                boolean failed = o.status() == Status.FAIL || o.status() == Status.ERROR;
                cli.merge(o.property(), failed && c.strength().breaksConformance(), Boolean::logicalOr);
            }
        }
        Map<String, String> dropped = new TreeMap<>();
        ran.forEach((property, status) -> {
            if (!outcomes.containsKey(property)) {
                dropped.put(property, status.name());
            }
        });
        assertEquals(Map.of(), dropped, name + ": outcomes the report holds against no clause");
        Map<String, Boolean> junit = new TreeMap<>();
        outcomes.forEach((property, o) -> junit.put(property, failsJUnit(o)));
        assertEquals(cli, junit, name + ": property → fails (the command line, then JUnit)");
    }

    private static boolean failsJUnit(Outcome o) {
        try {
            JUnitVerdicts.judge(o, SPEC);
            return false;
        } catch (TestAbortedException e) {
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }

    @org.junit.jupiter.api.Test
    void aFailBlamedOnAShouldClauseOnlyWarnsInJUnitAsOnTheCommandLine() {
        Outcome o = new Outcome(
                "required_ACT13_x", List.of("ACT-13", "ACT-14"), Status.FAIL, 0, "d", 1, 1, List.of("ACT-14"));
        assertEquals(false, failsJUnit(o));
        assertEquals(
                true, failsJUnit(new Outcome("required_ACT13_x", o.clauses(), Status.FAIL, 0, "d", 1, 1, List.of())));
    }
}
