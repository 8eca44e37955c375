package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What GoldenTests reports: passes, failures with their detail, and aborted cases with the reason. */
class GoldenTestsTest {
    private static final Implementation REF_IMPL = new ReferenceImplementation();
    private static final Activations REF = REF_IMPL.activations();

    /** The reference's activations, with σ' replaced by σ (caught by ACT-2), declaring only ACTIVATIONS. */
    private static final Implementation BROKEN_SIGMOID_DERIVATIVE = activationsOnly(new Activations() {
        @Override
        public Tensor apply(Activation g, Tensor z) {
            return REF.apply(g, z);
        }

        @Override
        public Tensor derivative(Activation g, Tensor z) {
            return g.kind() == Activation.Kind.SIGMOID ? REF.apply(g, z) : REF.derivative(g, z);
        }

        @Override
        public Tensor maxout(Tensor pieces) {
            return REF.maxout(pieces);
        }

        @Override
        public Tensor maxoutDerivative(Tensor pieces) {
            return REF.maxoutDerivative(pieces);
        }
    });

    @Test
    void casesOfUndeclaredCapabilitiesAreAbortedAsNotImplemented() {
        Map<String, Throwable> results = run(tests(activationsOnly(REF), Map.of()));
        assertEquals(
                GoldenData.fromClasspath().stream()
                        .mapToInt(f -> f.cases().size())
                        .sum(),
                results.size());
        results.forEach((test, outcome) -> {
            if (test.startsWith("activations.json/")) {
                assertNull(outcome, test);
            } else {
                assertInstanceOf(TestAbortedException.class, outcome, test);
                assertTrue(outcome.getMessage().startsWith("not implemented: "), outcome.getMessage());
            }
        });
    }

    @Test
    void aFailingCaseFailsWithWhatDiffered() {
        Map<String, Throwable> results = run(tests(BROKEN_SIGMOID_DERIVATIVE, Map.of()));
        Throwable failure = results.get("activations.json/derivative-sigmoid");
        assertInstanceOf(AssertionError.class, failure);
        assertTrue(
                failure.getMessage().startsWith("FAIL [ACT-2, ACT-13]: activations.json case \"derivative-sigmoid\""),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("expected"), failure.getMessage());
        assertEquals(Set.of("activations.json/derivative-sigmoid"), failed(results));
    }

    @Test
    void aSkippedClauseIsAbortedWithItsReason() {
        Map<String, Throwable> results = run(tests(BROKEN_SIGMOID_DERIVATIVE, Map.of("ACT-2", "σ' is being fixed")));
        Throwable skipped = results.get("activations.json/derivative-sigmoid");
        assertInstanceOf(TestAbortedException.class, skipped);
        assertEquals("skipped by the implementation: σ' is being fixed", skipped.getMessage());
        assertEquals(Set.of(), failed(results));
        assertNull(results.get("activations.json/value-sigmoid"), "cases of other clauses still run");
    }

    @Test
    void anUnknownClauseOrABlankReasonFailsTheRun() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> run(tests(REF_IMPL, Map.of("ACT-99", "no such clause", "LOSS-1", " "))));
        assertTrue(e.getMessage().contains(".skippedClauses(): "), e.getMessage());
        assertTrue(e.getMessage().contains("\"ACT-99\" is not a clause of SPEC.md"), e.getMessage());
        assertTrue(e.getMessage().contains("LOSS-1 has no reason"), e.getMessage());
    }

    private static GoldenTests tests(Implementation impl, Map<String, String> skipped) {
        return new GoldenTests() {
            @Override
            protected Implementation implementation() {
                return impl;
            }

            @Override
            protected Map<String, String> skippedClauses() {
                return skipped;
            }
        };
    }

    /** "file/case" → null (passed) or what the test threw, in order. */
    private static Map<String, Throwable> run(GoldenTests tests) {
        Map<String, Throwable> results = new LinkedHashMap<>();
        tests.golden().forEach(node -> run(node, "", results));
        return results;
    }

    private static void run(DynamicNode node, String prefix, Map<String, Throwable> into) {
        if (node instanceof DynamicContainer c) {
            c.getChildren().forEach(child -> run(child, prefix + c.getDisplayName() + "/", into));
        } else {
            Throwable outcome = null;
            try {
                ((DynamicTest) node).getExecutable().execute();
            } catch (Throwable t) {
                outcome = t;
            }
            into.put(prefix + node.getDisplayName(), outcome);
        }
    }

    private static Set<String> failed(Map<String, Throwable> results) {
        Set<String> failed = new java.util.TreeSet<>();
        results.forEach((test, t) -> {
            if (t != null && !(t instanceof TestAbortedException)) {
                failed.add(test);
            }
        });
        return failed;
    }

    private static Implementation activationsOnly(Activations activations) {
        return new Implementation() {
            @Override
            public String name() {
                return "activations only";
            }

            @Override
            public Set<Capability> capabilities() {
                return EnumSet.of(Capability.ACTIVATIONS);
            }

            @Override
            public Activations activations() {
                return activations;
            }
        };
    }
}
