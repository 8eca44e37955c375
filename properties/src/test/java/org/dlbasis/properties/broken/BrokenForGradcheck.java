package org.dlbasis.properties.broken;

import static org.dlbasis.properties.broken.Delegating.REF;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Tensor;

/** Broken backward passes for the gradient checker's own tests. */
public final class BrokenForGradcheck {
    private BrokenForGradcheck() {
    }

    private interface Patch {
        NetworkGradients apply(NetworkGradients g, Tensor x);
    }

    private static Implementation patched(String name, Patch patch) {
        return Delegating.of(name, null, null, null, null, new Delegating.Network() {
            @Override
            public NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                return patch.apply(d.backward(p, c, x, y, g), x);
            }
        });
    }

    /** dW2 without the 1/m. */
    public static Implementation dw2TimesM() {
        return patched("dW2 without 1/m", (g, x) -> new NetworkGradients(g.dw1(), g.db1(),
                g.dw2().map(v -> v * x.shape().dim(1)), g.db2()));
    }

    /** dW1 transposed. */
    public static Implementation dw1Transposed() {
        return patched("dW1 transposed", (g, x) -> new NetworkGradients(REF.arrays().transpose(g.dw1()), g.db1(),
                g.dw2(), g.db2()));
    }

    /** db1 dropped (zero). */
    public static Implementation db1Zero() {
        return patched("db1 = 0", (g, x) -> new NetworkGradients(g.dw1(), g.db1().map(v -> 0.0), g.dw2(), g.db2()));
    }
}
