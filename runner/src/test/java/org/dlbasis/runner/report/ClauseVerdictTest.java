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
            public Tensor maxout(Tensor pieces) { return ref.maxout(pieces); }
            public Tensor maxoutDerivative(Tensor pieces) { return ref.maxoutDerivative(pieces); }
        };
        return new Implementation() {
            public String name() { return "fails and crashes"; }
            public Set<Capability> capabilities() { return Set.of(Capability.ACTIVATIONS); }
            public ArrayOps arrays() { return REF.arrays(); }
            public Activations activations() { return broken; }
            public Loss loss() { return REF.loss(); }
            public LogisticRegression logisticRegression() { return REF.logisticRegression(); }
            public TwoLayerNetwork twoLayerNetwork() { return REF.twoLayerNetwork(); }
        };
    }

    @Test
    void aFailIsNeverHiddenByAnErrorInTheSameClause() {
        ConformanceReport r = new ConformanceRun(failingAndCrashing(), new Settings(1, 20),
                ConformanceRun.clauses(java.util.List.of("ACT-6")), null).run((i, n, what, s, ms) -> { });
        ClauseResult act6 = r.clauses().get(0);
        assertEquals(Status.FAIL, act6.status(), act6.toString());
        assertTrue(act6.reason().contains("FAIL: required_ACT6_reluDerivativeIsZeroAtTheKink"), act6.reason());
        assertTrue(act6.reason().contains("ERROR: ") && act6.reason().contains("apply crashed"), act6.reason());
    }
}
