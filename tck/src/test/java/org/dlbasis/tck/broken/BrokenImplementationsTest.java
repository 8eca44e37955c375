package org.dlbasis.tck.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite is tested too: every deliberately broken implementation is caught by the clause named
 * for it, with the text that shows the right check caught it (as the Reactive Streams TCK pins
 * its failure messages), not by any failure at all.
 */
class BrokenImplementationsTest {
    private static final Settings SETTINGS = new Settings(Settings.DEFAULT_SEED, 50);

    static Stream<BrokenImplementations.Broken> catalogue() {
        return BrokenImplementations.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isCaughtByItsClauseWithTheTextThatNamesTheMistake(BrokenImplementations.Broken broken) {
        List<Property> properties = PropertyCatalog.forClause(broken.caughtBy());
        assertFalse(properties.isEmpty(), "no property names " + broken.caughtBy());
        List<Outcome> outcomes = properties.stream()
                .map(p -> Runner.run(broken.impl(), p, SETTINGS))
                .toList();
        // held against its clause, and a wrong error text as the weaker verdict SPEC ERR-1 gives it: reported, not
        // failed
        assertTrue(
                outcomes.stream()
                        .anyMatch(
                                o -> caught(o, broken.caughtBy()) && o.detail().contains(broken.proof())),
                broken + " is not caught by " + broken.caughtBy() + " with \"" + broken.proof() + "\": " + outcomes);
    }

    private static boolean caught(Outcome o, String clause) {
        boolean failed = (o.status() == Status.FAIL || o.status() == Status.ERROR) && o.counts(clause);
        return failed || (o.status() == Status.PASS && o.detail().startsWith(Runner.TEXT_DIFFERS));
    }

    @Test
    void theCatalogueHasAsManyMistakesAsTheReadmeSays() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m =
                Pattern.compile("\\((\\d+) deliberately broken implementations").matcher(readme);
        assertTrue(m.find(), "README.md no longer says how many broken implementations there are");
        assertEquals(Integer.parseInt(m.group(1)), BrokenImplementations.all().size());
    }

    @Test
    void aNetworkWithoutCollapseIsNotImplementedForThatPropertyOnly() {
        var withoutCollapse = new org.dlbasis.spec.api.TwoLayerNetwork() {
            final Delegating.Network d = new Delegating.Network();

            public NetworkParameters initialize(
                    org.dlbasis.spec.api.LayerSizes s, org.dlbasis.spec.api.Initialization i) {
                return d.initialize(s, i);
            }

            public org.dlbasis.spec.api.ForwardCache forward(
                    NetworkParameters p, org.dlbasis.spec.tensor.Tensor x, org.dlbasis.spec.api.Activation g) {
                return d.forward(p, x, g);
            }

            public double cost(
                    NetworkParameters p,
                    org.dlbasis.spec.tensor.Tensor x,
                    org.dlbasis.spec.tensor.Tensor y,
                    org.dlbasis.spec.api.Activation g) {
                return d.cost(p, x, y, g);
            }

            public org.dlbasis.spec.api.NetworkGradients backward(
                    NetworkParameters p,
                    org.dlbasis.spec.api.ForwardCache c,
                    org.dlbasis.spec.tensor.Tensor x,
                    org.dlbasis.spec.tensor.Tensor y,
                    org.dlbasis.spec.api.Activation g) {
                return d.backward(p, c, x, y, g);
            }

            public NetworkParameters step(
                    NetworkParameters p, org.dlbasis.spec.api.NetworkGradients g, double learningRate) {
                return d.step(p, g, learningRate);
            }

            public org.dlbasis.spec.api.Training<NetworkParameters> train(
                    NetworkParameters p,
                    org.dlbasis.spec.tensor.Tensor x,
                    org.dlbasis.spec.tensor.Tensor y,
                    org.dlbasis.spec.api.Activation g,
                    double learningRate,
                    int iterations) {
                return d.train(p, x, y, g, learningRate, iterations);
            }
        };
        var impl = Delegating.named("no collapse").network(withoutCollapse).build();
        List<Outcome> net4 = PropertyCatalog.forClause("NET-4").stream()
                .map(p -> Runner.run(impl, p, SETTINGS))
                .toList();
        assertEquals(
                List.of(Status.NOT_IMPLEMENTED, Status.PASS),
                net4.stream().map(Outcome::status).toList(),
                net4.toString());
        assertEquals(
                "this two-layer network does not implement the operation \"net_collapse\"",
                net4.get(0).detail());
    }
}
