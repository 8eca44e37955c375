package org.dlbasis.properties.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dlbasis.properties.broken.BrokenForGradcheck;
import org.dlbasis.properties.gen.ActivationsGen;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gradient checker on the reference, on deliberately broken implementations, and at kinks. */
class GradcheckTest {
    private static final Implementation REF = new ReferenceImplementation();

    private static GradcheckConfig config(boolean logistic, String sizes, Activation g, GradcheckConfig.Mode mode,
            boolean fast) {
        String[] n = sizes.split("-");
        return new GradcheckConfig(logistic, Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), 10,
                g, 1, 1.0, mode, 7, 1e-5, 1e-7, fast);
    }

    private static GradcheckReport run(Implementation impl, GradcheckConfig c) {
        GradcheckModel model = ModelFactory.create(impl, c);
        ModelFactory.Data d = ModelFactory.data(c);
        CoordinateCost costs = !c.fast() ? CoordinateCost.plain(model) : c.logistic()
                ? IncrementalCost.logistic(model.parameters(), d.x(), d.y())
                : IncrementalCost.network(model.parameters(), d.x(), d.y(), c.activation());
        return new GradcheckRun(model, c, costs).run(impl.name());
    }

    private static BlockResult block(GradcheckReport r, String name) {
        return r.blocks().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(GradcheckConfig.Mode.class)
    @Clause("BACKPROP-7")
    void theReferencePassesWellBelowTheThresholdForEveryActivation(GradcheckConfig.Mode mode) {
        for (Activation g : ActivationsGen.ALL) {
            for (boolean fast : new boolean[] {false, true}) {
                GradcheckReport r = run(REF, config(false, "4-5-2", g, mode, fast && mode != GradcheckConfig.Mode.DIRECTIONAL));
                assertTrue(r.pass(), g + " " + mode + " fast=" + fast + ": " + GradcheckReportWriter.table(r));
                r.blocks().forEach(b -> assertTrue(b.relativeDifference() <= 1e-9,
                        g + " " + b.name() + " relative difference " + b.relativeDifference()));
            }
        }
        GradcheckReport lr = run(REF, config(true, "6-1-1", Activation.linear(), mode, mode != GradcheckConfig.Mode.DIRECTIONAL));
        assertTrue(lr.pass());
        lr.blocks().forEach(b -> assertTrue(b.relativeDifference() <= 1e-9, b.name() + " " + b.relativeDifference()));
    }

    @Test
    void theIncrementalPathAgreesWithThePlainOne() {
        GradcheckConfig c = config(false, "5-4-2", Activation.tanh(), GradcheckConfig.Mode.FULL, true);
        GradcheckModel model = ModelFactory.create(REF, c);
        ModelFactory.Data d = ModelFactory.data(c);
        CoordinateCost fast = IncrementalCost.network(model.parameters(), d.x(), d.y(), c.activation());
        CoordinateCost plain = CoordinateCost.plain(model);
        for (String name : model.names()) {
            for (int i = 0; i < model.parameters().get(name).size(); i++) {
                double a = fast.cost(name, i, 1e-3);
                double b = plain.cost(name, i, 1e-3);
                assertEquals(b, a, 1e-14 * Math.abs(b), name + "[" + i + "]");
            }
        }
    }

    @Test
    void aMissingOneOverMIsDiagnosed() {
        GradcheckReport r = run(BrokenForGradcheck.dw2TimesM(), config(false, "4-5-1", Activation.tanh(),
                GradcheckConfig.Mode.FULL, false));
        assertFalse(r.pass());
        BlockResult w2 = block(r, "W2");
        assertFalse(w2.pass());
        assertTrue(w2.diagnosis().contains("the ratio is m = 10: a missing 1/m"), w2.diagnosis().toString());
        assertTrue(GradcheckReportWriter.sweepVerdict(w2).startsWith("The error is flat in eps"));
        assertTrue(block(r, "W1").pass());
    }

    @Test
    void aTransposedSquareGradientIsDiagnosed() {
        GradcheckReport r = run(BrokenForGradcheck.dw1Transposed(), config(false, "4-4-1", Activation.sigmoid(),
                GradcheckConfig.Mode.FULL, false));
        assertTrue(block(r, "W1").diagnosis().contains("g matches the transpose of g̃: a transposed gradient"),
                block(r, "W1").diagnosis().toString());
    }

    @Test
    void aTransposedShapeIsDiagnosed() {
        GradcheckReport r = run(BrokenForGradcheck.dw1Transposed(), config(false, "3-4-1", Activation.sigmoid(),
                GradcheckConfig.Mode.SAMPLE, false));
        assertTrue(block(r, "W1").diagnosis().get(1).startsWith("its shape is the transpose"));
    }

    @Test
    void aZeroBlockIsAMissingPath() {
        GradcheckReport r = run(BrokenForGradcheck.db1Zero(), config(false, "4-5-1", Activation.elu(),
                GradcheckConfig.Mode.FULL, false));
        assertTrue(block(r, "b1").diagnosis().get(0).startsWith("the backward gradient is zero"));
    }

    @Test
    void directionalModeCatchesABrokenGradientToo() {
        GradcheckReport r = run(BrokenForGradcheck.dw2TimesM(), config(false, "4-5-1", Activation.tanh(),
                GradcheckConfig.Mode.DIRECTIONAL, false));
        assertFalse(r.pass());
    }

    @Test
    void probesAtAReluKinkAreSetAsideNotFailed() {
        GradcheckConfig c = config(false, "3-4-1", Activation.relu(), GradcheckConfig.Mode.FULL, false);
        ModelFactory.Data d = ModelFactory.data(c);
        Map<String, Tensor> theta = new LinkedHashMap<>();
        theta.put("W1", Tensor.zeros(4, 3)); // Z1 = 0 everywhere: every W1 and b1 probe sits on the kink
        theta.put("b1", Tensor.zeros(4, 1));
        theta.put("W2", Tensor.row(0.5, -0.3, 0.2, 0.1));
        theta.put("b2", Tensor.zeros(1, 1));
        GradcheckModel model = ModelFactory.network(REF, d.x(), d.y(), theta, c.activation());
        GradcheckReport r = new GradcheckRun(model, c, CoordinateCost.plain(model)).run("reference");
        assertTrue(r.pass(), GradcheckReportWriter.table(r));
        assertEquals(12, block(r, "W1").nearKink());
        assertEquals(4, block(r, "b1").nearKink());
        assertEquals(4, block(r, "W2").checked());
    }

    @Test
    void theReportHasAChartAndTheTable() {
        GradcheckReport r = run(REF, config(false, "4-5-1", Activation.tanh(), GradcheckConfig.Mode.FULL, true));
        String html = GradcheckReportWriter.html(r);
        assertTrue(html.contains("<svg") && html.contains("<circle"));
        assertTrue(GradcheckReportWriter.markdown(r).contains("| index | backward g |"));
        assertTrue(GradcheckReportWriter.json(r).contains("\"relativeDifference\""));
    }
}
