package org.dlbasis.tck.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suite does not reject what is more accurate: a step θ − α·dθ rounded once (a fused
 * multiply-add, as PyTorch's SGD computes it) passes GD-1 just as numpy's two roundings do.
 */
class AcceptedConventionsTest {

    private static Tensor fused(Tensor theta, Tensor g, double a) {
        double[] v = new double[theta.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.fma(-a, g.flat(i), theta.flat(i));
        }
        return Tensor.of(theta.shape(), v);
    }

    private static Implementation fusedSteps() {
        Delegating.Logistic lr = new Delegating.Logistic() {
            @Override
            public LogisticParameters step(LogisticParameters p, LogisticGradients g, double a) {
                return new LogisticParameters(fused(p.w(), g.dw(), a), Math.fma(-a, g.db(), p.b()));
            }
        };
        Delegating.Network net = new Delegating.Network() {
            @Override
            public NetworkParameters step(NetworkParameters p, NetworkGradients g, double a) {
                return new NetworkParameters(
                        fused(p.w1(), g.dw1(), a),
                        fused(p.b1(), g.db1(), a),
                        fused(p.w2(), g.dw2(), a),
                        fused(p.b2(), g.db2(), a));
            }
        };
        return Delegating.named("fused multiply-add steps")
                .logistic(lr)
                .network(net)
                .build();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261130})
    void aFusedMultiplyAddStepPassesGd1(long seed) {
        for (var p : PropertyCatalog.forClause("GD-1")) {
            Outcome o = Runner.run(fusedSteps(), p, new Settings(seed, 200));
            assertEquals(Status.PASS, o.status(), o.toString());
        }
    }
}
