package org.dlbasis.tck.broken;

import static org.dlbasis.tck.broken.Delegating.REF;

import java.util.ArrayList;
import java.util.List;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * A catalogue of realistic mistakes, each one method of the reference broken on purpose, with
 * the clause that must catch it. The suite is tested by running that clause against each.
 */
public final class BrokenImplementations {
    private BrokenImplementations() {}

    /**
     * A mistake, the clause expected to catch it, and the broken implementation.
     *
     * @param mistake what is wrong, in words
     * @param caughtBy the clause that must catch it
     * @param proof a part of the failure's text that shows the right check caught it
     * @param impl the reference with the mistake
     */
    public record Broken(String mistake, String caughtBy, String proof, Implementation impl) {
        @Override
        public String toString() {
            return mistake + " (→ " + caughtBy + ")";
        }
    }

    private static Broken arrays(String mistake, String clause, String proof, Delegating.Arrays a) {
        return new Broken(
                mistake, clause, proof, Delegating.named(mistake).arrays(a).build());
    }

    private static Broken activations(String mistake, String clause, String proof, Delegating.Acts a) {
        return new Broken(
                mistake, clause, proof, Delegating.named(mistake).activations(a).build());
    }

    private static Broken loss(String mistake, String clause, String proof, Delegating.Losses l) {
        return new Broken(
                mistake, clause, proof, Delegating.named(mistake).loss(l).build());
    }

    private static Broken logistic(String mistake, String clause, String proof, Delegating.Logistic l) {
        return new Broken(
                mistake, clause, proof, Delegating.named(mistake).logistic(l).build());
    }

    private static Broken deep(String mistake, String clause, String proof, Delegating.Deep d) {
        return new Broken(
                mistake, clause, proof, Delegating.named(mistake).deep(d).build());
    }

    /** The reference's deep gradients, with some of them replaced. */
    private interface DeepGradientPatch {
        DeepGradients patch(DeepGradients g, DeepParameters p, Tensor x);
    }

    private static Delegating.Deep deepGradients(DeepGradientPatch patch) {
        return new Delegating.Deep() {
            @Override
            public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                return patch.patch(d.backward(p, c, x, y, g), p, x);
            }
        };
    }

    /**
     * DEEP-4's loop with two of its choices made by the caller: the matrix that carries dZ[l] down
     * ({@code down(l, W[l])}, W[l]ᵀ when right) and the input of layer l ({@code input(l)}, A[l−1]).
     */
    private static DeepGradients deepBackward(
            DeepParameters p,
            DeepCache c,
            Tensor x,
            Tensor y,
            Activation g,
            java.util.function.BiFunction<Integer, Tensor, Tensor> down,
            java.util.function.IntFunction<Tensor> input) {
        var np = REF.arrays();
        int layers = p.layers();
        Tensor oneOverM = Tensor.scalar(1.0 / x.shape().dim(1));
        Tensor[] dw = new Tensor[layers];
        Tensor[] db = new Tensor[layers];
        Tensor dz = np.subtract(c.a(layers), y);
        for (int l = layers; l >= 1; l--) {
            dw[l - 1] = np.multiply(oneOverM, np.dot(dz, np.transpose(input.apply(l))));
            db[l - 1] = np.multiply(oneOverM, np.sum(dz, 1, true));
            if (l > 1) {
                dz = np.multiply(
                        np.dot(down.apply(l, p.w(l)), dz), REF.activations().derivative(g, c.z(l - 1)));
            }
        }
        return new DeepGradients(List.of(dw), List.of(db));
    }

    private static Broken network(String mistake, String clause, String proof, Delegating.Network n) {
        return new Broken(
                mistake, clause, proof, Delegating.named(mistake).network(n).build());
    }

    /** A derivative that replaces g' for one kind of activation. */
    private static Delegating.Acts derivativeOf(
            Activation.Kind kind, java.util.function.BiFunction<Activation, Tensor, Tensor> f) {
        return new Delegating.Acts() {
            @Override
            public Tensor derivative(Activation g, Tensor z) {
                return g.kind() == kind ? f.apply(g, z) : d.derivative(g, z);
            }
        };
    }

    private static Delegating.Acts valueOf(
            Activation.Kind kind, java.util.function.BiFunction<Activation, Tensor, Tensor> f) {
        return new Delegating.Acts() {
            @Override
            public Tensor apply(Activation g, Tensor z) {
                return g.kind() == kind ? f.apply(g, z) : d.apply(g, z);
            }
        };
    }

    /** The reference's network gradients, with one of them replaced. */
    private interface GradientPatch {
        NetworkGradients patch(NetworkGradients g, NetworkParameters p, ForwardCache c, Tensor x, Tensor y);
    }

    private static Delegating.Network gradients(GradientPatch patch) {
        return new Delegating.Network() {
            @Override
            public NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                return patch.patch(d.backward(p, c, x, y, g), p, c, x, y);
            }
        };
    }

    private static Tensor times(Tensor t, double s) {
        return t.map(v -> v * s);
    }

    /** X with its last row zeroed when it has at least 64 rows: a kernel bug only wide inputs reach. */
    private static Tensor withoutLastRowIfWide(Tensor x) {
        if (x.rank() != 2 || x.shape().dim(0) < 64) {
            return x;
        }
        double[] v = x.toArray();
        java.util.Arrays.fill(v, v.length - x.shape().dim(1), v.length, 0.0);
        return Tensor.of(x.shape(), v);
    }

    /**
     * Every broken implementation of the catalogue.
     *
     * @return the mistakes, each with its clause
     */
    public static List<Broken> all() {
        return List.of(
                // --- activations
                activations(
                        "sigmoid derivative σ instead of σ(1−σ)",
                        "ACT-2",
                        "sigmoid'(0.001) vs central difference",
                        derivativeOf(
                                Activation.Kind.SIGMOID,
                                (g, z) -> REF.activations().apply(g, z))),
                activations(
                        "tanh derivative 1 − tanh instead of 1 − tanh²",
                        "ACT-4",
                        "tanh'(0.001) vs central difference",
                        derivativeOf(
                                Activation.Kind.TANH,
                                (g, z) -> REF.activations().apply(g, z).map(t -> 1 - t))),
                activations(
                        "ReLU'(0) = 1 (z >= 0)",
                        "ACT-6",
                        "ReLU′(0) = 1.0 is the other convention at the kink",
                        derivativeOf(Activation.Kind.RELU, (g, z) -> z.map(v -> v >= 0 ? 1 : 0))),
                activations(
                        "Leaky ReLU slope 0.01 whatever the parameter",
                        "ACT-7",
                        "leaky_relu(0.1)(z)",
                        valueOf(Activation.Kind.LEAKY_RELU, (g, z) -> z.map(v -> v >= 0 ? v : 0.01 * v))),
                activations(
                        "Leaky ReLU'(0) = 1",
                        "ACT-8",
                        "leaky_relu(0.0)′(0) = 1.0 is the other convention at the kink",
                        derivativeOf(Activation.Kind.LEAKY_RELU, (g, z) -> z.map(v -> v >= 0 ? 1 : g.parameter()))),
                activations(
                        "ELU ignores α",
                        "ACT-9",
                        "elu(0.01)(-40.0): expected -0.01, actual -1.0",
                        valueOf(Activation.Kind.ELU, (g, z) -> z.map(v -> v >= 0 ? v : Math.expm1(v)))),
                activations(
                        "ELU'(0) = α (z > 0 branch)",
                        "ACT-10",
                        "ELU(0.5)′(0) = 0.5 is the other convention at the kink",
                        derivativeOf(
                                Activation.Kind.ELU, (g, z) -> z.map(v -> v > 0 ? 1 : g.parameter() * Math.exp(v)))),
                activations(
                        "unstable sigmoid e^z/(1+e^z) everywhere",
                        "ACT-13",
                        "σ(1000): expected 1.0, actual NaN",
                        valueOf(Activation.Kind.SIGMOID, (g, z) -> z.map(v -> Math.exp(v) / (1 + Math.exp(v))))),
                activations(
                        "Maxout ties go to the last piece",
                        "ACT-11",
                        "maxout'[0,0] of Tensor(2,1)[0.0, 0.0]: expected 1.0, actual 0.0",
                        new Delegating.Acts() {
                            @Override
                            public Tensor maxoutDerivative(Tensor pieces) {
                                int k = pieces.shape().dim(0);
                                int n = pieces.size() / k;
                                double[] out = new double[pieces.size()];
                                for (int j = 0; j < n; j++) {
                                    int w = 0;
                                    for (int i = 0; i < k; i++) {
                                        if (pieces.flat(i * n + j) >= pieces.flat(w * n + j)) {
                                            w = i;
                                        }
                                    }
                                    out[w * n + j] = 1;
                                }
                                return Tensor.of(pieces.shape(), out);
                            }
                        }),
                // --- loss
                loss(
                        "loss evaluated literally: 0·log 0 = NaN",
                        "LOSS-2",
                        "L(1, 1): expected 0.0, actual NaN",
                        new Delegating.Losses() {
                            @Override
                            public Tensor loss(Tensor yHat, Tensor y) {
                                d.loss(yHat, y); // keep the validation
                                double[] out = new double[y.size()];
                                for (int i = 0; i < out.length; i++) {
                                    double p = yHat.flat(i);
                                    double t = y.flat(i);
                                    out[i] = -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
                                }
                                return Tensor.of(y.shape(), out);
                            }
                        }),
                loss("cost with sum instead of mean", "LOSS-5", "2 × the expected", new Delegating.Losses() {
                    @Override
                    public double cost(Tensor yHat, Tensor y) {
                        return d.cost(yHat, y) * y.shape().dim(1);
                    }
                }),
                loss(
                        "labels of shape (m,1) silently reshaped to the predictions' (1,m)",
                        "LOSS-6",
                        "expected a SHAPE_MISMATCH error, but the call returned normally",
                        new Delegating.Losses() {
                            @Override
                            public double cost(Tensor yHat, Tensor y) {
                                return d.cost(yHat, Tensor.of(yHat.shape(), y.toArray()));
                            }
                        }),
                loss(
                        "loss from logits as log(1 + e^z), overflowing",
                        "LOSS-4",
                        "actual Infinity",
                        new Delegating.Losses() {
                            @Override
                            public Tensor lossFromLogits(Tensor z, Tensor y) {
                                d.lossFromLogits(z, y);
                                double[] out = new double[y.size()];
                                for (int i = 0; i < out.length; i++) {
                                    double t = y.flat(i) == 1 ? -z.flat(i) : z.flat(i);
                                    out[i] = Math.log(1 + Math.exp(t));
                                }
                                return Tensor.of(y.shape(), out);
                            }
                        }),
                // --- logistic regression and gradient descent
                logistic("logistic dw without 1/m", "LR-3", "dw\n", new Delegating.Logistic() {
                    @Override
                    public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
                        LogisticGradients g = d.backward(p, x, y);
                        return new LogisticGradients(times(g.dw(), x.shape().dim(1)), g.db());
                    }
                }),
                logistic("update with + instead of −", "GD-1", "w[0] after a step", new Delegating.Logistic() {
                    @Override
                    public LogisticParameters step(LogisticParameters p, LogisticGradients g, double a) {
                        return d.step(p, new LogisticGradients(times(g.dw(), -1), -g.db()), a);
                    }
                }),
                logistic(
                        "dz through dA = −(Y/A − (1−Y)/(1−A)): NaN once σ saturates",
                        "BACKPROP-8",
                        "dw[0] = NaN with saturated σ; its limit is finite",
                        new Delegating.Logistic() {
                            @Override
                            public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
                                Tensor a = forward(p, x);
                                Tensor dz = Tensor.of(a.shape(), weekFourDz(a.toArray(), y.toArray()));
                                int m = x.shape().dim(1);
                                double[] dw = new double[x.shape().dim(0)];
                                double db = 0;
                                for (int j = 0; j < m; j++) {
                                    for (int i = 0; i < dw.length; i++) {
                                        dw[i] += x.get(i, j) * dz.flat(j) / m;
                                    }
                                    db += dz.flat(j) / m;
                                }
                                return new LogisticGradients(Tensor.of(p.w().shape(), dw), db);
                            }
                        }),
                network(
                        "dZ2 through dA2 = −(Y/A2 − (1−Y)/(1−A2)) (the week-4 helper): NaN once σ saturates",
                        "BACKPROP-8",
                        "is NaN with saturated outputs (sigmoid); its limit is finite",
                        new Delegating.Network() {
                            @Override
                            public NetworkGradients backward(
                                    NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                                Tensor dz2 = Tensor.of(c.a2().shape(), weekFourDz(c.a2().toArray(), y.toArray()));
                                // the rest is the reference's, fed with this dZ2: A2' := Y + dZ2 makes its A2 − Y equal
                                // it
                                Tensor a2 = Tensor.of(y.shape(), add(y.toArray(), dz2.toArray()));
                                return d.backward(p, new ForwardCache(c.z1(), c.a1(), c.z2(), a2), x, y, g);
                            }
                        }),
                new Broken(
                        "a network declared without any hidden activation",
                        "API-2",
                        "declares a network but no activation for its hidden layer",
                        withOptions(new org.dlbasis.spec.api.Options(
                                java.util.Set.of(), 1, java.util.OptionalDouble.empty(), true, true, true))),
                logistic(
                        "learning rate rounded to float32 in the step",
                        "GD-1",
                        "w[0] after a step",
                        new Delegating.Logistic() {
                            @Override
                            public LogisticParameters step(LogisticParameters p, LogisticGradients g, double a) {
                                return d.step(p, g, (float) a);
                            }
                        }),
                network(
                        "network step with the learning rate rounded to float32",
                        "GD-1",
                        "W1 entry 0 after a step",
                        new Delegating.Network() {
                            @Override
                            public NetworkParameters step(NetworkParameters p, NetworkGradients g, double a) {
                                return d.step(p, g, (float) a);
                            }
                        }),
                logistic(
                        "negative learning rate accepted",
                        "GD-2",
                        "expected a INVALID_ARGUMENT error, but the call returned normally",
                        new Delegating.Logistic() {
                            @Override
                            public LogisticParameters step(LogisticParameters p, LogisticGradients g, double a) {
                                return d.step(
                                        p, a < 0 ? new LogisticGradients(times(g.dw(), -1), -g.db()) : g, Math.abs(a));
                            }
                        }),
                logistic(
                        "training history without J(θ₀)",
                        "GD-5",
                        "train(…, 0) returned 0 costs",
                        new Delegating.Logistic() {
                            @Override
                            public Training<LogisticParameters> train(
                                    LogisticParameters p, Tensor x, Tensor y, double a, int k) {
                                Training<LogisticParameters> t = super.train(p, x, y, a, k);
                                return new Training<>(
                                        t.parameters(), java.util.Arrays.copyOfRange(t.costs(), 1, k + 1));
                            }
                        }),
                // --- two-layer network
                network(
                        "dW2 without 1/m",
                        "BACKPROP-2",
                        "dW2 = (1/m) dZ2 A1ᵀ",
                        gradients((g, p, c, x, y) -> new NetworkGradients(
                                g.dw1(), g.db1(), times(g.dw2(), x.shape().dim(1)), g.db2()))),
                network(
                        "db2 summed over axis 0",
                        "BACKPROP-3",
                        "db2 = (1/m) Σ dZ2 (axis 1, keepdims)",
                        gradients((g, p, c, x, y) -> {
                            int m = x.shape().dim(1);
                            Tensor dz2 = REF.arrays().subtract(c.a2(), y);
                            return new NetworkGradients(
                                    g.dw1(),
                                    g.db1(),
                                    g.dw2(),
                                    times(REF.arrays().sum(dz2, 0, true), 1.0 / m));
                        })),
                network(
                        "db1 without keepdims (rank-1)",
                        "DIM-2",
                        "db1 has shape (1,), but should be (1,1)",
                        gradients((g, p, c, x, y) ->
                                new NetworkGradients(g.dw1(), REF.arrays().reshape(g.db1(), -1), g.dw2(), g.db2()))),
                network(
                        "dW1 transposed (X dZ1ᵀ)",
                        "BACKPROP-5",
                        "dW1 = (1/m) dZ1 Xᵀ",
                        gradients((g, p, c, x, y) ->
                                new NetworkGradients(REF.arrays().transpose(g.dw1()), g.db1(), g.dw2(), g.db2()))),
                network(
                        "dZ1 uses g'(A1) instead of g'(Z1)",
                        "BACKPROP-4",
                        "dW1 = (1/m) dZ1 Xᵀ",
                        new Delegating.Network() {
                            @Override
                            public NetworkGradients backward(
                                    NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                                return d.backward(p, new ForwardCache(c.a1(), c.a1(), c.z2(), c.a2()), x, y, g);
                            }
                        }),
                network(
                        "dZ2 = Y − A2 (sign)",
                        "BACKPROP-1",
                        "db2 = (1/m) Σ dZ2 (axis 1, keepdims)",
                        gradients((g, p, c, x, y) -> new NetworkGradients(
                                times(g.dw1(), -1), times(g.db1(), -1), times(g.dw2(), -1), times(g.db2(), -1)))),
                // hostile gradients: one entry not finite, or so large that a plain sum of squares overflows
                // (∞ ≤ ∞ once let the +∞ and 1e200 ones pass); each must fail BACKPROP-7 by itself
                network(
                        "one dW2 entry +Infinity",
                        "BACKPROP-7",
                        "gradient check of dW2: the backward value at (0,0) is Infinity, not a finite number",
                        gradients((g, p, c, x, y) ->
                                BrokenForGradcheck.withEntry(g, "dW2", 0, Double.POSITIVE_INFINITY))),
                network(
                        "one db1 entry NaN",
                        "BACKPROP-7",
                        "gradient check of db1: the backward value at (0,0) is NaN, not a finite number",
                        gradients((g, p, c, x, y) -> BrokenForGradcheck.withEntry(g, "db1", 0, Double.NaN))),
                network(
                        "one dW1 entry 1e200",
                        "BACKPROP-7",
                        "gradient check of dW1: ‖g − g̃‖ = 1.0E200",
                        gradients((g, p, c, x, y) -> BrokenForGradcheck.withEntry(g, "dW1", 0, 1e200))),
                network(
                        "b1 broadcast along the wrong axis (added as a row)",
                        "NET-2",
                        "Z1 = W1 X + b1",
                        new Delegating.Network() {
                            @Override
                            public ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
                                ForwardCache c = d.forward(p, x, g);
                                Tensor w1x = REF.arrays().dot(p.w1(), x);
                                Tensor z1 = REF.arrays().add(w1x, REF.arrays().transpose(p.b1()));
                                Tensor a1 = REF.activations().apply(g, z1);
                                Tensor z2 = REF.arrays().add(REF.arrays().dot(p.w2(), a1), p.b2());
                                return new ForwardCache(
                                        z1, a1, z2, REF.activations().apply(Activation.sigmoid(), z2));
                            }
                        }),
                network(
                        "a wide-input kernel that drops X's last row (n[0] >= 64), in every operation",
                        "NET-2",
                        "Z1 with n[0] = ",
                        new Delegating.Network() {
                            @Override
                            public ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
                                return d.forward(p, withoutLastRowIfWide(x), g);
                            }

                            @Override
                            public NetworkGradients backward(
                                    NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                                return d.backward(p, c, withoutLastRowIfWide(x), y, g);
                            }
                        }),
                logistic(
                        "a wide-input kernel that drops X's last row (n >= 64), in every operation",
                        "LR-1",
                        "A with n = ",
                        new Delegating.Logistic() {
                            @Override
                            public Tensor forward(LogisticParameters p, Tensor x) {
                                return d.forward(p, withoutLastRowIfWide(x));
                            }

                            @Override
                            public double cost(LogisticParameters p, Tensor x, Tensor y) {
                                return d.cost(p, withoutLastRowIfWide(x), y);
                            }

                            @Override
                            public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
                                return d.backward(p, withoutLastRowIfWide(x), y);
                            }
                        }),
                network("one bias for both layers (b2 := b1[0])", "NET-2", "Z2 = W2 A1 + b2", new Delegating.Network() {
                    @Override
                    public ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
                        Tensor b2 = Tensor.full(p.b2().shape(), p.b1().flat(0));
                        return d.forward(new NetworkParameters(p.w1(), p.b1(), p.w2(), b2), x, g);
                    }
                }),
                network(
                        "collapsed bias b1 + b2: W2 dropped from W2·b1 (b2 + Σ b1)",
                        "NET-4",
                        "b = W2 b1 + b2",
                        new Delegating.Network() {
                            @Override
                            public AffineMap collapse(NetworkParameters p) {
                                double b1 =
                                        REF.arrays().sum(p.b1(), null, false).item();
                                return new AffineMap(d.collapse(p).w(), p.b2().map(v -> v + b1));
                            }
                        }),
                network(
                        "zero-initialised W whatever the scale",
                        "INIT-1",
                        "sd of W1/0.01 is 0.0",
                        new Delegating.Network() {
                            @Override
                            public NetworkParameters initialize(LayerSizes s, Initialization i) {
                                return d.initialize(s, Initialization.zeros());
                            }
                        }),
                network(
                        "one random row repeated in W1 and one value in W2: symmetric units",
                        "INIT-4",
                        "rows 0 and 1 of W1 are equal after one step with b = 0 and random W",
                        new Delegating.Network() {
                            @Override
                            public NetworkParameters initialize(LayerSizes s, Initialization i) {
                                NetworkParameters p = d.initialize(s, i);
                                int nx = s.nx();
                                double[] w1 = p.w1().toArray();
                                for (int k = nx; k < w1.length; k++) {
                                    w1[k] = w1[k % nx];
                                }
                                return new NetworkParameters(
                                        Tensor.of(p.w1().shape(), w1),
                                        p.b1(),
                                        Tensor.full(p.w2().shape(), p.w2().flat(0)),
                                        p.b2());
                            }
                        }),
                network(
                        "uniform instead of Gaussian init",
                        "INIT-1",
                        "sd of W1/0.01 is 0.2897",
                        new Delegating.Network() {
                            @Override
                            public NetworkParameters initialize(LayerSizes s, Initialization i) {
                                java.util.Random r = new java.util.Random(i.seed());
                                NetworkParameters p = d.initialize(s, i);
                                return new NetworkParameters(
                                        p.w1().map(v -> (r.nextDouble() - 0.5) * i.scale()),
                                        p.b1(),
                                        p.w2().map(v -> (r.nextDouble() - 0.5) * i.scale()),
                                        p.b2());
                            }
                        }),
                // --- deep network (SPEC DEEP-*)
                deep(
                        "A[L] = g(Z[L]): the hidden activation on the output layer too",
                        "DEEP-2",
                        "= σ(Z",
                        new Delegating.Deep() {
                            @Override
                            public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
                                DeepCache c = d.forward(p, x, g);
                                List<Tensor> a = new ArrayList<>(c.a());
                                a.set(c.layers() - 1, REF.activations().apply(g, c.z(c.layers())));
                                return new DeepCache(c.z(), a);
                            }
                        }),
                deep(
                        "cost as the mean over all n[L]·m outputs (PyTorch's default)",
                        "DEEP-3",
                        "J = (1/m) Σ L(A[L], Y)",
                        new Delegating.Deep() {
                            @Override
                            public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
                                return super.cost(p, x, y, g) / y.shape().dim(0);
                            }
                        }),
                deep(
                        "dW[l] from the wrong cache entry: A[l−2] for A[l−1] (X for layer 2)",
                        "DEEP-4",
                        "dW2 = (1/m) dZ2 A1ᵀ",
                        new Delegating.Deep() {
                            @Override
                            public DeepGradients backward(
                                    DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                                d.backward(p, c, x, y, g); // keep the validation
                                return deepBackward(
                                        p,
                                        c,
                                        x,
                                        y,
                                        g,
                                        (l, w) -> REF.arrays().transpose(w),
                                        l -> l > 2 ? c.a(l - 2) : x);
                            }
                        }),
                deep(
                        "db[l] of the hidden layers without keepdims (rank-1)",
                        "DEEP-5",
                        "db1 has shape (1,), but should be (1,1)",
                        deepGradients((gr, p, x) -> {
                            List<Tensor> db = new ArrayList<>(gr.db());
                            for (int l = 1; l < p.layers(); l++) {
                                db.set(l - 1, REF.arrays().reshape(gr.db(l), -1));
                            }
                            return new DeepGradients(gr.dw(), db);
                        })),
                deep("dW[1] without 1/m", "DEEP-6", "gradient check of dW1", deepGradients((gr, p, x) -> {
                    List<Tensor> dw = new ArrayList<>(gr.dw());
                    dw.set(0, times(gr.dw(1), x.shape().dim(1)));
                    return new DeepGradients(dw, gr.db());
                })),
                deep(
                        "dZ[L] through dA[L] = −(Y/A[L] − (1−Y)/(1−A[L])) (week-4 L_model_backward): NaN once σ saturates",
                        "DEEP-7",
                        "is NaN with saturated outputs",
                        new Delegating.Deep() {
                            @Override
                            public DeepGradients backward(
                                    DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                                Tensor aL = c.a(c.layers());
                                Tensor dzL = Tensor.of(aL.shape(), weekFourDz(aL.toArray(), y.toArray()));
                                // the rest is the reference's, fed with this dZ[L]: A[L]' := Y + dZ[L] makes its A[L] −
                                // Y equal it
                                List<Tensor> a = new ArrayList<>(c.a());
                                a.set(c.layers() - 1, Tensor.of(y.shape(), add(y.toArray(), dzL.toArray())));
                                return d.backward(p, new DeepCache(c.z(), a), x, y, g);
                            }
                        }),
                deep(
                        "every W[l] scaled by 1/√n[l−1] instead of the given scale (the course's week-4 application)",
                        "DEEP-8",
                        "of W1/0.01 is",
                        new Delegating.Deep() {
                            @Override
                            public DeepParameters initialize(int[] n, Initialization i) {
                                DeepParameters p = d.initialize(n, Initialization.gaussian(1, i.seed()));
                                List<Tensor> w = new ArrayList<>();
                                for (int l = 1; l <= p.layers(); l++) {
                                    w.add(times(p.w(l), 1 / Math.sqrt(n[l - 1])));
                                }
                                return new DeepParameters(w, p.b());
                            }
                        }),
                deep(
                        "dA[l−1] = W[l] dZ[l] without the transpose when W[l] is square (numpy does not notice)",
                        "DEEP-9",
                        "from symmetric parameters (sizes [3, 3, 3, 3]",
                        new Delegating.Deep() {
                            @Override
                            public DeepGradients backward(
                                    DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                                d.backward(p, c, x, y, g); // keep the validation
                                return deepBackward(
                                        p,
                                        c,
                                        x,
                                        y,
                                        g,
                                        (l, w) -> w.shape().dim(0) == w.shape().dim(1)
                                                ? w
                                                : REF.arrays().transpose(w),
                                        l -> l > 1 ? c.a(l - 1) : x);
                            }
                        }),
                deep(
                        "initialize treats scale 0 as \"use the default\" (Python's `scale or 0.01`)",
                        "DEEP-10",
                        "W1 after zero init with",
                        new Delegating.Deep() {
                            @Override
                            public DeepParameters initialize(int[] n, Initialization i) {
                                return d.initialize(n, i.scale() == 0 ? Initialization.gaussian(0.01, i.seed()) : i);
                            }
                        }),
                deep(
                        "update_parameters skips the last layer (a loop over range(1, L))",
                        "DEEP-11",
                        "after a step",
                        new Delegating.Deep() {
                            @Override
                            public DeepParameters step(DeepParameters p, DeepGradients g, double a) {
                                DeepParameters s = d.step(p, g, a);
                                List<Tensor> w = new ArrayList<>(s.w());
                                List<Tensor> b = new ArrayList<>(s.b());
                                w.set(p.layers() - 1, p.w(p.layers()));
                                b.set(p.layers() - 1, p.b(p.layers()));
                                return new DeepParameters(w, b);
                            }
                        }),
                deep(
                        "train follows the gradients of the first iteration's cache (a stale cache)",
                        "DEEP-12",
                        "costs[2] with",
                        new Delegating.Deep() {
                            @Override
                            public Training<DeepParameters> train(
                                    DeepParameters p, Tensor x, Tensor y, Activation g, double a, int k) {
                                DeepCache first = forward(p, x, g);
                                double[] costs = new double[k + 1];
                                DeepParameters q = p;
                                for (int i = 0; i < k; i++) {
                                    costs[i] = cost(q, x, y, g);
                                    q = step(q, backward(q, first, x, y, g), a);
                                }
                                costs[k] = cost(q, x, y, g);
                                return new Training<>(q, costs);
                            }
                        }),
                deep(
                        "L = 1 treated as a hidden layer: its only layer gets g instead of σ",
                        "DEEP-13",
                        "L = 1 vs logistic regression",
                        new Delegating.Deep() {
                            @Override
                            public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
                                DeepCache c = d.forward(p, x, g);
                                return p.layers() > 1
                                        ? c
                                        : new DeepCache(
                                                c.z(), List.of(REF.activations().apply(g, c.z(1))));
                            }
                        }),
                // --- arrays
                arrays(
                        "rank-1 transpose gives a column (n,1)",
                        "RANK1-1",
                        "a.T for a of shape (0,)",
                        new Delegating.Arrays() {
                            @Override
                            public Tensor transpose(Tensor a) {
                                return a.rank() == 1 ? Tensor.of(Shape.of(a.size(), 1), a.toArray()) : d.transpose(a);
                            }
                        }),
                arrays(
                        "sum treats a negative axis as axis 0",
                        "ARR-6",
                        "sum(axis=3, keepdims=false) of (0,0,1,0) has shape (0,1,0), expected (0,0,1)",
                        new Delegating.Arrays() {
                            @Override
                            public Tensor sum(Tensor a, Integer axis, boolean keepdims) {
                                return d.sum(
                                        a,
                                        axis != null && axis < 0 && axis >= -a.rank() ? Integer.valueOf(0) : axis,
                                        keepdims);
                            }
                        }),
                arrays(
                        "broadcast error without the shapes",
                        "BCAST-3",
                        "\"shapes do not match\" where the spec says \"operands could not be broadcast together with shapes",
                        new Delegating.Arrays() {
                            @Override
                            public Tensor add(Tensor a, Tensor b) {
                                try {
                                    return d.add(a, b);
                                } catch (ShapeMismatchException e) {
                                    throw new ShapeMismatchException("shapes do not match");
                                }
                            }
                        }),
                arrays(
                        "dot broadcasts a (n,1) against a (n,1) like *",
                        "RANK1-5",
                        "expected a SHAPE_MISMATCH error \"shapes (2,1) and (2,1) not aligned",
                        new Delegating.Arrays() {
                            @Override
                            public Tensor dot(Tensor a, Tensor b) {
                                try {
                                    return d.dot(a, b);
                                } catch (ShapeMismatchException e) {
                                    return d.multiply(a, b);
                                }
                            }
                        }),
                arrays(
                        "1 against 0 broadcasts to 1",
                        "BCAST-5",
                        "add(0,3)(3,) has shape (1,), but should be (0,3)",
                        new Delegating.Arrays() {
                            @Override
                            public Tensor add(Tensor a, Tensor b) {
                                return a.size() == 0 || b.size() == 0 ? Tensor.zeros(1) : d.add(a, b);
                            }
                        }));
    }

    /** The reference with other options. */
    private static Implementation withOptions(org.dlbasis.spec.api.Options options) {
        return new Implementation() {
            public String name() {
                return "options " + options;
            }

            public java.util.Set<org.dlbasis.spec.api.Capability> capabilities() {
                return REF.capabilities();
            }

            public org.dlbasis.spec.api.Options options() {
                return options;
            }

            public org.dlbasis.spec.api.ArrayOps arrays() {
                return REF.arrays();
            }

            public org.dlbasis.spec.api.Activations activations() {
                return REF.activations();
            }

            public org.dlbasis.spec.api.Loss loss() {
                return REF.loss();
            }

            public org.dlbasis.spec.api.LogisticRegression logisticRegression() {
                return REF.logisticRegression();
            }

            public org.dlbasis.spec.api.TwoLayerNetwork twoLayerNetwork() {
                return REF.twoLayerNetwork();
            }
        };
    }

    /** dZ = dA·σ′ with dA = −(Y/A − (1 − Y)/(1 − A)), σ′ = A(1 − A): the week-4 helper's formula. */
    private static double[] weekFourDz(double[] a, double[] y) {
        double[] dz = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double da = -(y[i] / a[i] - (1 - y[i]) / (1 - a[i]));
            dz[i] = da * a[i] * (1 - a[i]);
        }
        return dz;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }
}
