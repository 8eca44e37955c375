package org.dlbasis.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import org.junit.jupiter.api.Test;

/** A clause's verdict shows every property's outcome: an ERROR never hides a FAIL. */
class ClauseVerdictTest {
    private static final ReferenceImplementation REF = new ReferenceImplementation();

    /** ReLU′(0) = 1 (a FAIL of the kink property) and g(z) crashing (an ERROR of ACT-6's central differences). */
    private static Implementation failingAndCrashing() {
        Activations ref = REF.activations();
        Activations broken = new Activations() {
            public Tensor apply(Activation g, Tensor z) {
                throw new IllegalStateException("apply crashed");
            }

            public Tensor derivative(Activation g, Tensor z) {
                return g.kind() == Activation.Kind.RELU ? z.map(v -> v >= 0 ? 1.0 : 0.0) : ref.derivative(g, z);
            }

            public Tensor maxout(Tensor pieces) {
                return ref.maxout(pieces);
            }

            public Tensor maxoutDerivative(Tensor pieces) {
                return ref.maxoutDerivative(pieces);
            }
        };
        return new Implementation() {
            public String name() {
                return "fails and crashes";
            }

            public Set<Capability> capabilities() {
                return Set.of(Capability.ACTIVATIONS);
            }

            public ArrayOps arrays() {
                return REF.arrays();
            }

            public Activations activations() {
                return broken;
            }

            public Loss loss() {
                return REF.loss();
            }

            public LogisticRegression logisticRegression() {
                return REF.logisticRegression();
            }

            public TwoLayerNetwork twoLayerNetwork() {
                return REF.twoLayerNetwork();
            }
        };
    }

    @Test
    void aFailIsNeverHiddenByAnErrorInTheSameClause() {
        ConformanceReport r = new ConformanceRun(
                        failingAndCrashing(),
                        new Settings(1, 20),
                        ConformanceRun.clauses(java.util.List.of("ACT-6")),
                        null)
                .run((i, n, what, s, ms) -> {});
        ClauseResult act6 = r.clauses().get(0);
        assertEquals(Status.FAIL, act6.status(), act6.toString());
        assertTrue(act6.reason().contains("FAIL: required_ACT6_reluDerivativeIsZeroAtTheKink"), act6.reason());
        assertTrue(act6.reason().contains("ERROR: ") && act6.reason().contains("apply crashed"), act6.reason());
    }

    /** ReLU′(z) = 0.5 for z &gt; 0: only the ReLU clause is wrong. */
    private static Implementation halfReluSlope() {
        Activations ref = REF.activations();
        Activations broken = new Activations() {
            public Tensor apply(Activation g, Tensor z) {
                return ref.apply(g, z);
            }

            public Tensor derivative(Activation g, Tensor z) {
                return g.kind() == Activation.Kind.RELU ? z.map(v -> v > 0 ? 0.5 : 0.0) : ref.derivative(g, z);
            }

            public Tensor maxout(Tensor pieces) {
                return ref.maxout(pieces);
            }

            public Tensor maxoutDerivative(Tensor pieces) {
                return ref.maxoutDerivative(pieces);
            }
        };
        return new Implementation() {
            public String name() {
                return "half ReLU slope";
            }

            public Set<Capability> capabilities() {
                return Set.of(Capability.ACTIVATIONS);
            }

            public Activations activations() {
                return broken;
            }
        };
    }

    @Test
    void aFailureIsHeldAgainstTheClauseWhoseOperationWasWrongAndReadsAsInputs() {
        ConformanceReport r = new ConformanceRun(
                        halfReluSlope(),
                        new Settings(1, 100),
                        ConformanceRun.clauses(java.util.List.of("ACT-2", "ACT-4", "ACT-6", "ACT-8", "ACT-10")),
                        null)
                .run((i, n, what, s, ms) -> {});
        java.util.Map<String, ClauseResult> byId = new java.util.HashMap<>();
        r.clauses().forEach(c -> byId.put(c.id(), c));
        assertEquals(Status.FAIL, byId.get("ACT-6").status(), byId.get("ACT-6").reason());
        for (String other : new String[] {"ACT-2", "ACT-4", "ACT-8", "ACT-10"}) {
            assertEquals(
                    Status.PASS,
                    byId.get(other).status(),
                    other + ": " + byId.get(other).reason());
        }
        String reason = byId.get("ACT-6").reason();
        assertTrue(reason.contains("after the call Activations.derivative(g = relu"), reason);
        assertTrue(
                !reason.contains("Smallest found falsifying")
                        && !reason.contains("Cause was")
                        && !reason.contains("java.lang.AssertionError"),
                "no QuickTheories boilerplate: " + reason);
    }

    @Test
    void aNanMismatchIsExplainedInWords() {
        org.dlbasis.tck.match.Tolerance t = org.dlbasis.tck.match.Tolerance.ELEM;
        assertEquals("expected 0.5, actual NaN (NaN where a number is due)", t.explain(Double.NaN, 0.5));
        assertEquals(
                "expected NaN, actual 0.5 (a number where NaN is due: NaN in gives NaN out)",
                t.explain(0.5, Double.NaN));
    }

    /** Broadcasting errors of the right kind, in other words; and a cost twice the spec's. */
    private static Implementation otherTextsAndDoubleCost() {
        ArrayOps arrays = (ArrayOps) java.lang.reflect.Proxy.newProxyInstance(
                ArrayOps.class.getClassLoader(), new Class<?>[] {ArrayOps.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(REF.arrays(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if (e.getCause() instanceof org.dlbasis.spec.error.SpecException se) {
                            throw se.kind().exception("those shapes do not broadcast");
                        }
                        throw e.getCause();
                    }
                });
        Loss loss = new Loss() {
            public Tensor loss(Tensor yHat, Tensor y) {
                return REF.loss().loss(yHat, y);
            }

            public Tensor lossFromLogits(Tensor z, Tensor y) {
                return REF.loss().lossFromLogits(z, y);
            }

            public double cost(Tensor yHat, Tensor y) {
                return 2 * REF.loss().cost(yHat, y);
            }

            public double costFromLogits(Tensor z, Tensor y) {
                return 2 * REF.loss().costFromLogits(z, y);
            }
        };
        return new Implementation() {
            public String name() {
                return "other texts, double cost";
            }

            public Set<Capability> capabilities() {
                return Set.of(Capability.ARRAYS, Capability.LOSS);
            }

            public ArrayOps arrays() {
                return arrays;
            }

            public Loss loss() {
                return loss;
            }
        };
    }

    @Test
    void anErrorOfTheRightKindInOtherWordsPassesAndIsReported() {
        ConformanceReport r = new ConformanceRun(
                        otherTextsAndDoubleCost(),
                        new Settings(1, 20),
                        ConformanceRun.clauses(java.util.List.of("BCAST-3")),
                        null)
                .run((i, n, what, s, ms) -> {});
        ClauseResult c = r.clauses().get(0);
        assertEquals(Status.PASS, c.status(), c.reason());
        assertTrue(
                c.reason().startsWith(ConformanceRun.TEXTS) && c.reason().contains("those shapes do not broadcast"),
                c.reason());
        assertTrue(r.extent().contains("1 clause with error texts that differ (kinds right)"), r.extent());
    }

    @Test
    void aCostOffByAFactorIsDiagnosed() {
        ConformanceReport r = new ConformanceRun(
                        otherTextsAndDoubleCost(),
                        new Settings(1, 20),
                        ConformanceRun.clauses(java.util.List.of("LOSS-5")),
                        null)
                .run((i, n, what, s, ms) -> {});
        ClauseResult c = r.clauses().get(0);
        assertEquals(Status.FAIL, c.status(), c.reason());
        assertTrue(c.reason().contains("diagnosis: 2 × the expected: a missing 1/2?"), c.reason());
    }
}
