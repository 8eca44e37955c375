package org.dlbasis.runner.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.broken.BrokenForGradcheck;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.gen.ActivationsGen;
import org.dlbasis.tck.oracle.NumericalGradient;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gradient checker on the reference, on deliberately broken implementations, and at kinks. */
class GradcheckTest {
    private static final Implementation REF = new ReferenceImplementation();

    private static GradcheckConfig config(
            boolean logistic, String sizes, Activation g, GradcheckConfig.Mode mode, boolean fast) {
        String[] n = sizes.split("-");
        GradcheckConfig base = logistic
                ? GradcheckConfig.logistic(Integer.parseInt(n[0]), 10)
                : GradcheckConfig.network(
                        Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), 10, g);
        return base.withMode(mode, 7).withFast(fast);
    }

    private static GradcheckReport run(Implementation impl, GradcheckConfig c) {
        GradcheckModel model = ModelFactory.create(impl, c);
        ModelFactory.Data d = ModelFactory.data(c);
        CoordinateCost costs = !c.fast()
                ? CoordinateCost.plain(model)
                : IncrementalCost.of(model.parameters(), d.x(), d.y(), c.activation());
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
    @Clause("BACKPROP-7")
    void theReferencePassesWellBelowTheThresholdForEveryActivation(GradcheckConfig.Mode mode) {
        for (Activation g : ActivationsGen.ALL) {
            for (boolean fast : new boolean[] {false, true}) {
                GradcheckReport r =
                        run(REF, config(false, "4-5-2", g, mode, fast && mode != GradcheckConfig.Mode.DIRECTIONAL));
                assertTrue(r.pass(), g + " " + mode + " fast=" + fast + ": " + GradcheckReportWriter.table(r));
                r.blocks()
                        .forEach(b -> assertTrue(
                                b.relativeDifference() <= 1e-9,
                                g + " " + b.name() + " relative difference " + b.relativeDifference()));
            }
        }
        GradcheckReport lr =
                run(REF, config(true, "6-1-1", Activation.linear(), mode, mode != GradcheckConfig.Mode.DIRECTIONAL));
        assertTrue(lr.pass());
        lr.blocks().forEach(b -> assertTrue(b.relativeDifference() <= 1e-9, b.name() + " " + b.relativeDifference()));
    }

    @Test
    void theIncrementalPathAgreesWithThePlainOne() {
        for (GradcheckConfig c : List.of(
                config(false, "5-4-2", Activation.tanh(), GradcheckConfig.Mode.FULL, true),
                config(true, "6-1-1", Activation.linear(), GradcheckConfig.Mode.FULL, true))) {
            GradcheckModel model = ModelFactory.create(REF, c);
            ModelFactory.Data d = ModelFactory.data(c);
            CoordinateCost fast = IncrementalCost.of(model.parameters(), d.x(), d.y(), c.activation());
            CoordinateCost plain = CoordinateCost.plain(model);
            for (String name : model.names()) {
                for (int i = 0; i < model.parameters().get(name).size(); i++) {
                    double a = fast.cost(name, i, 1e-3);
                    double b = plain.cost(name, i, 1e-3);
                    assertEquals(b, a, 1e-14 * Math.abs(b), c.describe() + ": " + name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void aMissingOneOverMIsDiagnosed() {
        GradcheckReport r = run(
                BrokenForGradcheck.dw2TimesM(),
                config(false, "4-5-1", Activation.tanh(), GradcheckConfig.Mode.FULL, false));
        assertFalse(r.pass());
        BlockResult w2 = block(r, "W2");
        assertFalse(w2.pass());
        assertTrue(
                w2.diagnosis().contains("the ratio is m = 10: a missing 1/m"),
                w2.diagnosis().toString());
        assertTrue(GradcheckReportWriter.sweepVerdict(w2).startsWith("The error is flat in eps"));
        assertTrue(block(r, "W1").pass());
    }

    @Test
    void aTransposedSquareGradientIsDiagnosed() {
        GradcheckReport r = run(
                BrokenForGradcheck.dw1Transposed(),
                config(false, "4-4-1", Activation.sigmoid(), GradcheckConfig.Mode.FULL, false));
        assertTrue(
                block(r, "W1").diagnosis().contains("g matches the transpose of g̃: a transposed gradient"),
                block(r, "W1").diagnosis().toString());
    }

    @Test
    void aTransposedShapeIsDiagnosed() {
        GradcheckReport r = run(
                BrokenForGradcheck.dw1Transposed(),
                config(false, "3-4-1", Activation.sigmoid(), GradcheckConfig.Mode.SAMPLE, false));
        assertTrue(block(r, "W1").diagnosis().get(1).startsWith("its shape is the transpose"));
    }

    @Test
    void aZeroBlockIsAMissingPath() {
        GradcheckReport r = run(
                BrokenForGradcheck.db1Zero(),
                config(false, "4-5-1", Activation.elu(), GradcheckConfig.Mode.FULL, false));
        assertTrue(block(r, "b1").diagnosis().get(0).startsWith("the backward gradient is zero"));
    }

    @Test
    void directionalModeCatchesABrokenGradientToo() {
        GradcheckReport r = run(
                BrokenForGradcheck.dw2TimesM(),
                config(false, "4-5-1", Activation.tanh(), GradcheckConfig.Mode.DIRECTIONAL, false));
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

    // ------------------------------------------------------------ hostile gradients (issue 11, point 1)

    private static GradcheckConfig tanh451(GradcheckConfig.Mode mode) {
        return GradcheckConfig.network(4, 5, 1, 10, Activation.tanh()).withMode(mode, 3);
    }

    /** Nothing a report shows may be a NaN where a number or a sentence belongs. */
    private static void assertNoNaNDiagnostics(GradcheckReport r) {
        String md = GradcheckReportWriter.markdown(r);
        String html = GradcheckReportWriter.html(r);
        assertFalse(md.contains("best scale NaN") || md.contains("scale NaN"), md);
        assertFalse(html.contains("=\"NaN\"") || html.contains("=\"Infinity\""), html);
        assertFalse(html.contains("best scale NaN"), html);
    }

    @ParameterizedTest
    @EnumSource(GradcheckConfig.Mode.class)
    @Clause("BACKPROP-7")
    void oneInfiniteEntryFailsAndIsNamed(GradcheckConfig.Mode mode) {
        GradcheckReport r = run(BrokenForGradcheck.oneEntry("dW2", 3, Double.POSITIVE_INFINITY), tanh451(mode));
        assertFalse(r.pass(), GradcheckReportWriter.table(r));
        BlockResult b = block(r, mode == GradcheckConfig.Mode.DIRECTIONAL ? "directions" : "W2");
        assertFalse(b.pass());
        assertTrue(
                b.diagnosis().stream().anyMatch(d -> d.contains("the backward value at (0,3) is Infinity")),
                b.diagnosis().toString());
        if (mode != GradcheckConfig.Mode.DIRECTIONAL) {
            assertTrue(b.judgement().nonFinite() >= 1);
            assertTrue(block(r, "W1").pass()
                    && block(r, "b1").pass()
                    && block(r, "b2").pass());
            assertTrue(GradcheckReportWriter.table(r).contains("FAIL (1 non-finite)"), GradcheckReportWriter.table(r));
        } else {
            assertTrue(b.diagnosis().get(0).startsWith("W2: "), b.diagnosis().toString());
        }
        assertNoNaNDiagnostics(r);
    }

    @Test
    @Clause("BACKPROP-7")
    void aNonFiniteEntryFailsEvenWhereNoCentralDifferenceLooked() {
        GradcheckConfig oneSample =
                GradcheckConfig.network(4, 5, 1, 10, Activation.tanh()).withMode(GradcheckConfig.Mode.SAMPLE, 1);
        GradcheckReport r = run(BrokenForGradcheck.oneEntry("dW1", 19, Double.NEGATIVE_INFINITY), oneSample);
        BlockResult w1 = block(r, "W1");
        assertEquals(1, w1.checked());
        assertFalse(w1.pass());
        assertTrue(
                w1.diagnosis().contains("the backward value at (4,3) is -Infinity, not a finite number"),
                w1.diagnosis().toString());
        GradcheckReport all = run(BrokenForGradcheck.allNaN("dW1"), oneSample);
        BlockResult nan = block(all, "W1");
        assertEquals(20, nan.judgement().nonFinite(), "the judged one and the 19 others");
        assertEquals(5, nan.diagnosis().size(), "named: the judged one, three others, and how many more");
        assertEquals("and 16 more non-finite backward values", nan.diagnosis().get(4));
    }

    @Test
    @Clause("BACKPROP-7")
    void oneNaNEntryFailsAndIsNamed() {
        GradcheckReport r = run(BrokenForGradcheck.oneEntry("db1", 2, Double.NaN), tanh451(GradcheckConfig.Mode.FULL));
        BlockResult b1 = block(r, "b1");
        assertFalse(r.pass());
        assertFalse(b1.pass());
        assertEquals(1, b1.judgement().nonFinite());
        assertTrue(
                b1.diagnosis().get(0).contains("the backward value at (2,0) is NaN"),
                b1.diagnosis().toString());
        assertEquals("(2,0)", b1.worst().get(0).index(), "the non-finite entry is listed first");
        assertTrue(GradcheckReportWriter.html(r).contains("1 non-finite entry not drawn"));
        assertNoNaNDiagnostics(r);
    }

    @Test
    @Clause("BACKPROP-7")
    void oneHugeFiniteEntryFailsAndIsTheWorst() {
        GradcheckReport r = run(BrokenForGradcheck.oneEntry("dW1", 6, 1e200), tanh451(GradcheckConfig.Mode.FULL));
        BlockResult w1 = block(r, "W1");
        assertFalse(r.pass(), GradcheckReportWriter.table(r));
        assertFalse(w1.pass());
        assertEquals(0, w1.judgement().nonFinite());
        assertEquals("(1,2)", w1.worst().get(0).index());
        assertEquals(1e200, w1.worst().get(0).analytic());
        assertTrue(w1.relativeDifference() > 0.99 && w1.relativeDifference() <= 1, "" + w1.relativeDifference());
        assertTrue(Double.isFinite(w1.judgement().allowed()), "the allowed bound must not overflow");
        assertTrue(block(r, "W2").pass());
        assertNoNaNDiagnostics(r);
    }

    @Test
    @Clause("BACKPROP-7")
    void hugeButConsistentGradientsAreJudgedLikeSmallOnes() {
        GradcheckConfig c = tanh451(GradcheckConfig.Mode.FULL);
        GradcheckReport right = run(BrokenForGradcheck.scaled(1e300, false), c);
        assertTrue(right.pass(), GradcheckReportWriter.table(right));
        right.blocks()
                .forEach(b -> assertTrue(b.relativeDifference() <= 1e-8, b.name() + " " + b.relativeDifference()));
        GradcheckReport wrong = run(BrokenForGradcheck.scaled(1e300, true), c);
        assertFalse(wrong.pass(), GradcheckReportWriter.table(wrong));
        assertFalse(block(wrong, "W2").pass());
        assertEquals("(0,0)", block(wrong, "W2").worst().get(0).index());
        assertTrue(block(wrong, "W1").pass() && block(wrong, "b2").pass());
        assertNoNaNDiagnostics(wrong);
    }

    @Test
    @Clause("BACKPROP-7")
    void aCentralDifferenceThatIsNotFiniteFailsAndIsNamed() {
        GradcheckConfig c = tanh451(GradcheckConfig.Mode.FULL);
        ModelFactory.Data d = ModelFactory.data(c);
        Map<String, Tensor> theta = new LinkedHashMap<>();
        theta.put("W1", Tensor.full(org.dlbasis.spec.tensor.Shape.of(5, 4), 0.1));
        theta.put("b1", Tensor.zeros(5, 1));
        theta.put("W2", Tensor.row(0.5, -0.3, 0.2, 0.1, 0.4));
        theta.put("b2", Tensor.full(org.dlbasis.spec.tensor.Shape.of(1, 1), 0.5));
        Implementation nanAbove = BrokenForGradcheck.costNaNWhereB2Above(0.5);
        GradcheckModel model = ModelFactory.network(nanAbove, d.x(), d.y(), theta, c.activation());
        GradcheckReport r = new GradcheckRun(model, c, CoordinateCost.plain(model)).run(nanAbove.name());
        BlockResult b2 = block(r, "b2");
        assertFalse(b2.pass());
        assertTrue(
                b2.diagnosis().get(0).startsWith("the central difference at (0,0) is NaN"),
                b2.diagnosis().toString());
        assertTrue(block(r, "W2").pass());
        assertNoNaNDiagnostics(r);
    }

    @Test
    void anImplementationThatThrowsEndsTheRunWithAReportThatCarriesItsError() {
        GradcheckReport r = run(BrokenForGradcheck.throwing(), tanh451(GradcheckConfig.Mode.FULL));
        assertFalse(r.pass());
        assertTrue(r.blocks().isEmpty());
        assertTrue(
                r.error()
                        .startsWith("the backward pass failed: the implementation threw "
                                + "java.lang.IllegalStateException: backward exploded"),
                r.error());
        String md = GradcheckReportWriter.markdown(r);
        assertTrue(md.contains("- verdict: **FAIL**, the implementation failed (below)"), md);
        assertTrue(md.contains(Untrusted.markdownBlock(r.error())), "its error, quoted as a block: " + md);
        assertEquals(1, md.replace(Untrusted.markdownBlock(r.error()), "").split("\n- verdict: ", -1).length - 1, md);
        assertTrue(GradcheckReportWriter.json(r).contains("\"error\" : \"the backward pass failed"));
    }

    @Test
    void aHostileNameIsEscapedInMarkdownAndHtml() {
        String name = "evil\n- verdict: **PASS**<script>alert(1)</script>```\u001b[2J";
        GradcheckReport r = new GradcheckReport(
                name, new GradcheckReport.Setup("m", "FULL", 1, 1e-5, 1e-7), 0.5, List.of(), false, null, 1);
        String md = GradcheckReportWriter.markdown(r);
        assertFalse(md.contains("\n- verdict: **PASS**"), md);
        assertFalse(md.contains("<script>") || md.contains("```\\u") || md.contains("\u001b"), md);
        assertTrue(
                md.startsWith("# dlbasis gradient check\n\n- implementation: " + Untrusted.markdownLine(name) + "\n"),
                md);
        String html = GradcheckReportWriter.html(r);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void onlyTheWorstFewEntriesAreKeptNonFiniteFirst() {
        WorstEntries worst = new WorstEntries();
        for (int i = 0; i < 200_000; i++) {
            worst.offer(i, i % 1000 == 7 ? i : 0, 0); // |g − g̃| = i at i ≡ 7 (mod 1000)
        }
        worst.offer(5, Double.NaN, 0);
        worst.offer(6, 0, Double.POSITIVE_INFINITY);
        List<BlockResult.Entry> e = worst.entries(Integer::toString);
        assertEquals(
                List.of("5", "6", "199007", "198007", "197007"),
                e.stream().map(BlockResult.Entry::index).toList());
        assertEquals(199007, worst.worstFinite().getAsInt());
    }

    // ------------------------------------------------------------ the shared judgement (NumericalGradient)

    private static Tensor vector(double... v) {
        return Tensor.vector(v);
    }

    @Test
    @Clause("BACKPROP-7")
    void theJudgementFailsEveryNonFiniteEntryAndNamesIt() {
        Tensor right = vector(0.1, -0.2, 0.3);
        assertEquals(null, NumericalGradient.violation("dW", right, right, 0.7));
        String inf = NumericalGradient.violation("dW", vector(0.1, Double.POSITIVE_INFINITY, 0.3), right, 0.7);
        assertEquals("gradient check of dW: the backward value at (1) is Infinity, not a finite number", inf);
        String nan = NumericalGradient.violation("dW", right, vector(Double.NaN, -0.2, 0.3), 0.7);
        assertTrue(nan.startsWith("gradient check of dW: the central difference at (0) is NaN"), nan);
        String both = NumericalGradient.violation(
                "dW", vector(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1), vector(0, 0, 0, 0, 1), 0.7);
        assertTrue(both.endsWith("; and 1 more non-finite entries"), both);
    }

    @Test
    @Clause("BACKPROP-7")
    void theJudgementDoesNotOverflow() {
        Tensor right = vector(0.1, -0.2, 0.3);
        assertTrue(NumericalGradient.violation("dW", vector(0.1, 1e200, 0.3), right, 0.7) != null);
        assertTrue(NumericalGradient.violation("dW", vector(0.1, 1.4e154, 0.3), right, 0.7) != null);
        Tensor huge = vector(1.5e308, -1.5e308, 1e300, 1e-300);
        assertEquals(null, NumericalGradient.violation("dW", huge, huge, 0.7), "huge and equal: pass");
        Tensor flipped = vector(-1.5e308, 1.5e308, 1e300, 1e-300);
        assertTrue(NumericalGradient.violation("dW", flipped, huge, 0.7) != null, "g − g̃ beyond a double: fail");
        Tensor close = huge.map(v -> v * (1 + 1e-12));
        assertEquals(null, NumericalGradient.violation("dW", close, huge, 0.7), "a relative 1e-12 apart: pass");
        Tensor off = huge.map(v -> v * (1 + 1e-6));
        assertTrue(NumericalGradient.violation("dW", off, huge, 0.7) != null, "a relative 1e-6 apart: fail");
        assertEquals(1.0, NumericalGradient.relativeDifference(flipped, huge), 1e-12);
        Tensor tiny = vector(3e-320, -2e-320);
        assertEquals(null, NumericalGradient.violation("dW", tiny, vector(0, 0), 0.7), "subnormal: under the floor");
    }

    @Test
    @Clause("BACKPROP-7")
    void theBackprop7PropertyFailsAnInfiniteEntryAndNamesIt() {
        List<Property> properties = PropertyCatalog.forClause("BACKPROP-7");
        Settings settings = new Settings(Settings.DEFAULT_SEED, 20);
        for (Implementation impl : List.of(
                BrokenForGradcheck.oneEntry("dW2", 0, Double.POSITIVE_INFINITY),
                BrokenForGradcheck.oneEntry("dW1", 0, 1e200),
                BrokenForGradcheck.oneEntry("db1", 0, Double.NaN),
                BrokenForGradcheck.scaled(1e300, true))) {
            List<Outcome> outcomes =
                    properties.stream().map(p -> Runner.run(impl, p, settings)).toList();
            assertTrue(outcomes.stream().anyMatch(o -> o.status() == Status.FAIL), impl.name() + ": " + outcomes);
        }
        Property backprop7 = properties.stream()
                .filter(p -> p.name().contains("BACKPROP7"))
                .findFirst()
                .orElseThrow();
        Outcome inf = Runner.run(BrokenForGradcheck.oneEntry("dW2", 0, Double.POSITIVE_INFINITY), backprop7, settings);
        assertTrue(
                inf.detail().contains("gradient check of dW2: the backward value at (0,0) is Infinity"), inf.detail());
        Outcome consistent = Runner.run(BrokenForGradcheck.scaled(1e300, false), backprop7, settings);
        assertEquals(Status.PASS, consistent.status(), consistent.detail());
    }

    // ------------------------------------------------------------ configuration

    @Test
    void outOfRangeValuesAreRefusedWithTheirOwnMessage() {
        GradcheckConfig c = GradcheckConfig.network(4, 5, 1, 10, Activation.tanh());
        assertInvalid("eps", () -> c.withTolerance(Double.NaN, 1e-7));
        assertInvalid("eps", () -> c.withTolerance(1e-300, 1e-7));
        assertInvalid("threshold", () -> c.withTolerance(1e-5, Double.POSITIVE_INFINITY));
        assertInvalid("threshold", () -> c.withTolerance(1e-5, 1));
        assertInvalid("samples", () -> c.withMode(GradcheckConfig.Mode.SAMPLE, 0));
        assertInvalid("scale", () -> c.withSeed(1, Double.NaN));
        assertInvalid("m", () -> GradcheckConfig.network(4, 5, 1, 0, Activation.tanh()));
        assertInvalid("sizes", () -> GradcheckConfig.network(100_000, 100_000, 1, 10, Activation.tanh()));
        GradcheckConfig.Model network = GradcheckConfig.Model.NETWORK;
        assertInvalid("sizes", () -> GradcheckConfig.checkSizes(network, new double[] {3e9, 3e9, 3e9}, 3e9));
        GradcheckConfig.checkSizes(network, new double[] {12288, 7, 1}, 209); // the README's example fits
    }

    private static void assertInvalid(String option, Runnable r) {
        GradcheckConfig.Invalid e =
                org.junit.jupiter.api.Assertions.assertThrows(GradcheckConfig.Invalid.class, r::run);
        assertEquals(option, e.option(), e.getMessage());
        assertTrue(e.getMessage().startsWith(option + " "), e.getMessage());
    }
}
