package org.dlbasis.tck.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.spec.tensor.MalformedTensorException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.gen.Dataset;
import org.dlbasis.tck.gen.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner's verdicts on implementations (and suite code) that misbehave in process. */
class RunnerTest {
    private static final ReferenceImplementation REF = new ReferenceImplementation();

    /** The reference, except for the parts given. */
    private static Implementation with(Activations act, ArrayOps arrays) {
        return new Implementation() {
            public String name() {
                return "in-process hostile";
            }

            public java.util.Set<Capability> capabilities() {
                return REF.capabilities();
            }

            public ArrayOps arrays() {
                return arrays != null ? arrays : REF.arrays();
            }

            public Activations activations() {
                return act != null ? act : REF.activations();
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

    private static Property property(String name) {
        return PropertyCatalog.all().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Timeout(30)
    void aPropertyThatOutrunsItsBudgetIsAnErrorThatSaysWhereItWas() {
        Activations looping = new Activations() {
            public Tensor apply(Activation g, Tensor z) {
                long spin = 0;
                while (spin >= 0) {
                    spin = (spin + 1) & 0xff;
                }
                return z;
            }

            public Tensor derivative(Activation g, Tensor z) {
                return REF.activations().derivative(g, z);
            }

            public Tensor maxout(Tensor pieces) {
                return REF.activations().maxout(pieces);
            }

            public Tensor maxoutDerivative(Tensor pieces) {
                return REF.activations().maxoutDerivative(pieces);
            }
        };
        Outcome o = Runner.run(
                with(looping, null),
                property("required_ACT1_sigmoidIsStableOverTheWholeRange"),
                new Settings(1, 10, 500));
        assertEquals(Status.ERROR, o.status(), o.toString());
        assertTrue(o.detail().startsWith("ran out of its time budget of 500 ms while running:\n  at "), o.detail());
        assertTrue(o.detail().contains("RunnerTest"), "names the looping code: " + o.detail());
    }

    @Test
    void aMalformedTensorNeverCountsAsTheErrorKindAPropertyExpects() {
        ArrayOps malformedDot = (ArrayOps) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ArrayOps.class}, (proxy, method, args) -> {
                    if (method.getName().equals("dot")) {
                        return Tensor.of(Shape.of(2), 1, 2, 3);
                    }
                    return method.invoke(REF.arrays(), args);
                });
        Outcome o = Runner.run(
                with(null, malformedDot), property("required_ARR5_dotAboveRankTwoIsRejected"), new Settings(1, 10));
        assertEquals(Status.ERROR, o.status(), o.toString());
        assertTrue(o.detail().contains("MalformedTensorException"), o.detail());
    }

    @Test
    void tensorsAndShapesRejectMalformedPartsWithAnErrorThatIsNoSpecError() {
        MalformedTensorException e = assertThrows(MalformedTensorException.class, () -> Shape.of(2, -1));
        assertFalse(SpecException.class.isAssignableFrom(e.getClass()), "the suite's own error is never a spec error");
        assertThrows(MalformedTensorException.class, () -> Shape.of(65536, 65536));
        assertThrows(MalformedTensorException.class, () -> Tensor.of(Shape.of(2), 1, 2, 3));
    }

    /** Seeds 31 and 35 looped forever in the separable-data generator (issue 11, point 7). */
    @Test
    @Timeout(60)
    void lr5EndsOnTheSeedsThatUsedToHang() {
        for (long seed : new long[] {31, 35}) {
            Outcome o = Runner.run(
                    REF, property("informative_LR5_separableDataHaveNoFiniteMinimiser"), new Settings(seed, 100));
            assertEquals(Status.PASS, o.status(), o.toString());
        }
    }

    @Test
    @Timeout(30)
    void separableDataAreBoundedAndHaveTheirMarginForEverySeed() {
        for (long seed = 0; seed < 20_000; seed++) {
            int n = 1 + (int) (seed % 3);
            Dataset d = Datasets.separable(n, 8, new Random(seed));
            double[] w = hiddenDirection(n, new Random(seed));
            for (int j = 0; j < 8; j++) {
                double z = 0;
                for (int i = 0; i < n; i++) {
                    double x = d.x().get(i, j);
                    long s = seed;
                    assertTrue(Math.abs(x) <= 2.1, () -> "seed " + s + ": x = " + x + " beyond [−2.1, 2.1]");
                    z += w[i] * x;
                }
                double y = d.y().flat(j);
                assertEquals(z > 0 ? 1.0 : 0.0, y, "seed " + seed + ": label of wᵀx = " + z);
                assertTrue(
                        Math.abs(z) >= 0.1 - 1e-12, "seed " + seed + ": |wᵀx| = " + Math.abs(z) + " inside the margin");
            }
        }
    }

    /** The unit vector {@link Datasets#separable} draws first from its random source. */
    private static double[] hiddenDirection(int n, Random r) {
        double[] w = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            w[i] = r.nextGaussian();
            norm = Math.hypot(norm, w[i]);
        }
        for (int i = 0; i < n; i++) {
            w[i] /= norm;
        }
        return w;
    }
}
