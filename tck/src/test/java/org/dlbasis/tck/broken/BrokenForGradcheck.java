package org.dlbasis.tck.broken;

import static org.dlbasis.tck.broken.Delegating.REF;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Broken backward passes for the gradient checker's own tests, and hostile ones: a single
 * non-finite or absurdly large entry among right ones (which once passed, because the sum of
 * squares overflowed to ∞ and ∞ ≤ ∞), and a cost scaled by a huge factor with gradients to match
 * (which must still pass, and fail as soon as one entry is off).
 */
public final class BrokenForGradcheck {
    private BrokenForGradcheck() {}

    private interface Patch {
        NetworkGradients apply(NetworkGradients g, Tensor x);
    }

    private static Implementation patched(String name, Patch patch) {
        return Delegating.named(name)
                .network(new Delegating.Network() {
                    @Override
                    public NetworkGradients backward(
                            NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                        return patch.apply(d.backward(p, c, x, y, g), x);
                    }
                })
                .build();
    }

    /** dW2 without the 1/m. */
    public static Implementation dw2TimesM() {
        return patched(
                "dW2 without 1/m",
                (g, x) -> new NetworkGradients(
                        g.dw1(), g.db1(), g.dw2().map(v -> v * x.shape().dim(1)), g.db2()));
    }

    /** dW1 transposed. */
    public static Implementation dw1Transposed() {
        return patched(
                "dW1 transposed",
                (g, x) -> new NetworkGradients(REF.arrays().transpose(g.dw1()), g.db1(), g.dw2(), g.db2()));
    }

    /** db1 dropped (zero). */
    public static Implementation db1Zero() {
        return patched(
                "db1 = 0", (g, x) -> new NetworkGradients(g.dw1(), g.db1().map(v -> 0.0), g.dw2(), g.db2()));
    }

    /** The right gradients except {@code tensor}[flat] (tensor one of dW1, db1, dW2, db2), which is {@code value}. */
    public static Implementation oneEntry(String tensor, int flat, double value) {
        return patched(tensor + "[" + flat + "] = " + value, (g, x) -> withEntry(g, tensor, flat, value));
    }

    /** The right gradients except {@code tensor} (one of dW1, db1, dW2, db2), which is NaN everywhere. */
    public static Implementation allNaN(String tensor) {
        return patched(tensor + " all NaN", (g, x) -> {
            NetworkGradients out = g;
            for (int i = 0; i < 20; i++) {
                out = withEntry(out, tensor, i, Double.NaN);
            }
            return out;
        });
    }

    /** {@code g} with {@code tensor}[flat] replaced by {@code value}. */
    public static NetworkGradients withEntry(NetworkGradients g, String tensor, int flat, double value) {
        return new NetworkGradients(
                tensor.equals("dW1") ? set(g.dw1(), flat, value) : g.dw1(),
                tensor.equals("db1") ? set(g.db1(), flat, value) : g.db1(),
                tensor.equals("dW2") ? set(g.dw2(), flat, value) : g.dw2(),
                tensor.equals("db2") ? set(g.db2(), flat, value) : g.db2());
    }

    private static Tensor set(Tensor t, int flat, double value) {
        double[] v = t.toArray();
        v[flat] = value;
        return Tensor.of(t.shape(), v);
    }

    /**
     * Cost and every gradient multiplied by {@code factor}: a consistent pair, as right as the
     * reference's; with {@code offBy2}, dW2[0] is also doubled (a real mistake at a huge scale).
     */
    public static Implementation scaled(double factor, boolean offBy2) {
        return Delegating.named("cost × " + factor + (offBy2 ? ", dW2[0] doubled" : ""))
                .network(new Delegating.Network() {
                    @Override
                    public double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
                        return super.cost(p, x, y, g) * factor;
                    }

                    @Override
                    public NetworkGradients backward(
                            NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                        NetworkGradients r = d.backward(p, c, x, y, g);
                        NetworkGradients s = new NetworkGradients(
                                r.dw1().map(v -> v * factor),
                                r.db1().map(v -> v * factor),
                                r.dw2().map(v -> v * factor),
                                r.db2().map(v -> v * factor));
                        return offBy2 ? withEntry(s, "dW2", 0, 2 * s.dw2().flat(0)) : s;
                    }
                })
                .build();
    }

    /** The reference, except that its cost is NaN wherever b2[0] > {@code limit}: a central difference that is NaN. */
    public static Implementation costNaNWhereB2Above(double limit) {
        return Delegating.named("cost NaN where b2 > " + limit)
                .network(new Delegating.Network() {
                    @Override
                    public double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
                        return p.b2().flat(0) > limit ? Double.NaN : super.cost(p, x, y, g);
                    }
                })
                .build();
    }

    /** A backward pass that throws, as a buggy Java implementation does. */
    public static Implementation throwing() {
        return Delegating.named("throws in backward")
                .network(new Delegating.Network() {
                    @Override
                    public NetworkGradients backward(
                            NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                        throw new IllegalStateException("backward exploded\n**verdict: PASS**");
                    }
                })
                .build();
    }
}
