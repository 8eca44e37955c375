package org.dlbasis.runner.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.gen.ActivationsGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gradient checker on the L-layer network (SPEC DEEP-6): the reference, the incremental path, a broken backward, kinks. */
class DeepGradcheckTest {
    private static final Implementation REF = new ReferenceImplementation();

    private static GradcheckConfig config(int[] sizes, Activation g, GradcheckConfig.Mode mode, boolean fast) {
        return GradcheckConfig.deep(sizes, 10, g).withMode(mode, 7).withFast(fast);
    }

    /** As {@code ./dlbasis gradcheck --model deep} runs it: the incremental path when {@code fast}. */
    private static GradcheckReport run(Implementation impl, GradcheckConfig c) {
        GradcheckModel model = ModelFactory.create(impl, c);
        ModelFactory.Data d = ModelFactory.data(c);
        CoordinateCost costs = c.fast()
                ? IncrementalCost.of(model.parameters(), d.x(), d.y(), c.activation())
                : CoordinateCost.plain(model);
        return new GradcheckRun(model, c, costs).run(impl.name());
    }

    private static BlockResult block(GradcheckReport r, String name) {
        return r.blocks().stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(GradcheckConfig.Mode.class)
    @Clause("DEEP-6")
    void theReferencePassesWellBelowTheThresholdForEveryActivationAndDepth(GradcheckConfig.Mode mode) {
        for (int[] sizes : new int[][] {{4, 5, 3, 2}, {3, 4, 3, 3, 1}, {3, 2}}) {
            for (Activation g : ActivationsGen.ALL) {
                for (boolean fast : new boolean[] {false, true}) {
                    GradcheckConfig c = config(sizes, g, mode, fast && mode != GradcheckConfig.Mode.DIRECTIONAL);
                    GradcheckReport r = run(REF, c);
                    assertTrue(
                            r.pass(),
                            c.describe() + " " + mode + " fast=" + fast + ": " + GradcheckReportWriter.table(r));
                    assertEquals(
                            mode == GradcheckConfig.Mode.DIRECTIONAL ? 1 : 2 * (sizes.length - 1),
                            r.blocks().size());
                    // a tenth of what GRADCHECK allows (the first layers' gradients are small after three
                    // sigmoids, so their relative difference is the rounding floor's, up to 3e−8 here)
                    r.blocks()
                            .forEach(b -> assertTrue(
                                    b.judgement().diffNorm()
                                            <= 0.1 * b.judgement().allowed(),
                                    c.describe() + " " + b.name() + " ‖g − g̃‖ "
                                            + b.judgement().diffNorm() + ", allowed "
                                            + b.judgement().allowed()));
                }
            }
        }
    }

    @Test
    void theIncrementalPathAgreesWithThePlainOne() {
        for (Activation g : ActivationsGen.ALL) {
            GradcheckConfig c = config(new int[] {5, 4, 3, 2}, g, GradcheckConfig.Mode.FULL, true);
            GradcheckModel model = ModelFactory.create(REF, c);
            ModelFactory.Data d = ModelFactory.data(c);
            CoordinateCost fast = IncrementalCost.of(model.parameters(), d.x(), d.y(), c.activation());
            CoordinateCost plain = CoordinateCost.plain(model);
            for (String name : model.names()) {
                for (int i = 0; i < model.parameters().get(name).size(); i++) {
                    for (double delta : new double[] {1e-3, -1e-5}) {
                        double a = fast.cost(name, i, delta);
                        double b = plain.cost(name, i, delta);
                        assertEquals(b, a, 1e-14 * Math.abs(b), g + " " + name + "[" + i + "] moved by " + delta);
                    }
                }
            }
        }
    }

    /** The reference's deep network with dW1 multiplied by m: a missing 1/m in the first layer only. */
    private static Implementation dw1TimesM() {
        DeepNetwork ref = REF.deepNetwork();
        DeepNetwork broken = new DeepNetwork() {
            public DeepParameters initialize(int[] sizes, Initialization init) {
                return ref.initialize(sizes, init);
            }

            public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
                return ref.forward(p, x, g);
            }

            public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
                return ref.cost(p, x, y, g);
            }

            public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                DeepGradients d = ref.backward(p, c, x, y, g);
                List<Tensor> dw = new ArrayList<>(d.dw());
                dw.set(0, d.dw(1).map(v -> v * x.shape().dim(1)));
                return new DeepGradients(dw, d.db());
            }

            public DeepParameters step(DeepParameters p, DeepGradients g, double rate) {
                return ref.step(p, g, rate);
            }

            public Training<DeepParameters> train(
                    DeepParameters p, Tensor x, Tensor y, Activation g, double rate, int k) {
                return ref.train(p, x, y, g, rate, k);
            }
        };
        return new Implementation() {
            public String name() {
                return "deep dW1 without 1/m";
            }

            public Set<Capability> capabilities() {
                return Set.of(Capability.DEEP_NETWORK);
            }

            public DeepNetwork deepNetwork() {
                return broken;
            }
        };
    }

    @Test
    @Clause("DEEP-6")
    void aMissingOneOverMInTheFirstLayerIsFoundAndDiagnosed() {
        for (GradcheckConfig.Mode mode : GradcheckConfig.Mode.values()) {
            GradcheckReport r = run(dw1TimesM(), config(new int[] {4, 5, 3, 1}, Activation.tanh(), mode, false));
            assertFalse(r.pass(), mode.toString());
            if (mode == GradcheckConfig.Mode.FULL) {
                BlockResult w1 = block(r, "W1");
                assertTrue(
                        w1.diagnosis().contains("the ratio is m = 10: a missing 1/m"),
                        w1.diagnosis().toString());
                for (String other : List.of("b1", "W2", "b2", "W3", "b3")) {
                    assertTrue(block(r, other).pass(), other);
                }
            }
        }
    }

    @Test
    void probesThatCanCrossAHiddenKinkAreSetAsideInEveryLayer() {
        GradcheckConfig c = config(new int[] {3, 4, 2, 1}, Activation.relu(), GradcheckConfig.Mode.FULL, false);
        ModelFactory.Data d = ModelFactory.data(c);
        Map<String, Tensor> theta = new LinkedHashMap<>();
        theta.put("W1", Tensor.zeros(4, 3)); // Z1 = 0: every W1 and b1 probe sits on the kink
        theta.put("b1", Tensor.zeros(4, 1));
        theta.put("W2", Tensor.of(org.dlbasis.spec.tensor.Shape.of(2, 4), new double[] {
            0.5, -0.3, 0.2, 0.1, -0.4, 0.6, 0.3, -0.2
        }));
        theta.put("b2", Tensor.zeros(2, 1)); // A1 = 0, so Z2 = b2 = 0: b2's probes sit on the kink of layer 2;
        theta.put("W3", Tensor.row(0.7, -0.5)); // W2's do not move Z2 at all (A1 = 0)
        theta.put("b3", Tensor.zeros(1, 1));
        GradcheckModel model = ModelFactory.deep(REF, d.x(), d.y(), theta, c.activation());
        GradcheckReport r = new GradcheckRun(model, c, CoordinateCost.plain(model)).run("reference");
        assertTrue(r.pass(), GradcheckReportWriter.table(r));
        assertEquals(12, block(r, "W1").nearKink());
        assertEquals(4, block(r, "b1").nearKink());
        assertEquals(0, block(r, "W2").nearKink());
        assertEquals(2, block(r, "b2").nearKink());
        assertEquals(2, block(r, "W3").checked());
    }

    @Test
    void theConfigurationChecksTheDeepSizes() {
        assertThrows(IllegalArgumentException.class, () -> GradcheckConfig.deep(new int[] {5}, 10, Activation.tanh()));
        GradcheckConfig.Invalid zero = assertThrows(
                GradcheckConfig.Invalid.class, () -> GradcheckConfig.deep(new int[] {5, 0, 1}, 10, Activation.tanh()));
        assertEquals("sizes must be at least 1 each, found n[0] = 5, n[1] = 0, n[2] = 1", zero.getMessage());
        GradcheckConfig.Invalid big = assertThrows(
                GradcheckConfig.Invalid.class,
                () -> GradcheckConfig.deep(new int[] {100_000, 100, 50, 1}, 100, Activation.relu()));
        assertTrue(big.getMessage().startsWith("sizes 100000-100-50-1 with m = 100 needs "), big.getMessage());
        GradcheckConfig course = GradcheckConfig.deep(new int[] {12288, 20, 7, 5, 1}, 209, Activation.relu());
        assertEquals("deep network 12288-20-7-5-1 (relu), m = 209", course.describe()); // the course's week 4 fits
        assertEquals(12288, course.nx());
        assertEquals(20, course.nh());
        assertEquals(1, course.ny());
    }
}
