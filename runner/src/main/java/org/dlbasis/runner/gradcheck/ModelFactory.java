package org.dlbasis.runner.gradcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Builds the models to check from a configuration: data X ~ N(0, 1), labels from a seeded coin,
 * weights N(0, 1)·scale and biases N(0, 1)·0.1 — drawn here, not by the implementation, so that
 * any implementation is checked at the same point.
 */
public final class ModelFactory {
    private ModelFactory() {}

    /**
     * The data of a configuration: X (n[0], m) ~ N(0, 1), Y (n[L], m) (one row for logistic regression).
     *
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, 0 or 1, shape (n[L], m)
     * @param random the configuration's random source after drawing X and Y, for the parameters
     */
    public record Data(Tensor x, Tensor y, Random random) {}

    /**
     * Draws the data of {@code c} from its seed.
     *
     * @param c the configuration: sizes, m and seed
     * @return X, Y and the random source to draw the parameters from
     */
    public static Data data(GradcheckConfig c) {
        Random r = new Random(c.seed());
        Tensor x = gaussian(r, c.nx(), c.m(), 1);
        int rows = c.logistic() ? 1 : c.ny();
        double[] y = new double[rows * c.m()];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        return new Data(x, Tensor.of(Shape.of(rows, c.m()), y), r);
    }

    /**
     * The model of {@code c} on {@code impl}: its data from {@link #data}, then its parameters from the
     * same random source.
     *
     * @param impl the implementation whose backward pass is checked
     * @param c the configuration
     * @return the model, at the configuration's parameters
     */
    public static GradcheckModel create(Implementation impl, GradcheckConfig c) {
        Data d = data(c);
        return switch (c.model()) {
            case LOGISTIC -> logistic(impl, d.x(), d.y(), d.random(), c);
            case NETWORK -> network(impl, d.x(), d.y(), d.random(), c);
            case DEEP -> deep(impl, d.x(), d.y(), d.random(), c);
        };
    }

    static Tensor gaussian(Random r, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        return Tensor.of(Shape.of(rows, cols), v);
    }

    private static GradcheckModel logistic(Implementation impl, Tensor x, Tensor y, Random r, GradcheckConfig c) {
        Map<String, Tensor> theta = new LinkedHashMap<>();
        theta.put("w", gaussian(r, c.nx(), 1, c.scale()));
        theta.put("b", Tensor.scalar(r.nextGaussian() * 0.1));
        return new GradcheckModel() {
            public List<String> names() {
                return List.of("w", "b");
            }

            public Map<String, Tensor> parameters() {
                return theta;
            }

            public double cost(Map<String, Tensor> t) {
                LogisticParameters p =
                        new LogisticParameters(t.get("w"), t.get("b").item());
                return ImplementationError.call(
                        "the cost J(θ)", () -> impl.logisticRegression().cost(p, x, y));
            }

            public Map<String, Tensor> gradients() {
                LogisticParameters p =
                        new LogisticParameters(theta.get("w"), theta.get("b").item());
                LogisticGradients g = ImplementationError.call(
                        "the backward pass", () -> impl.logisticRegression().backward(p, x, y));
                Map<String, Tensor> out = new LinkedHashMap<>();
                out.put("w", g.dw());
                out.put("b", Tensor.scalar(g.db()));
                return out;
            }

            public KinkProbe kinks() {
                return null;
            }
        };
    }

    private static GradcheckModel network(Implementation impl, Tensor x, Tensor y, Random r, GradcheckConfig c) {
        Map<String, Tensor> theta = new LinkedHashMap<>();
        theta.put("W1", gaussian(r, c.nh(), c.nx(), c.scale()));
        theta.put("b1", gaussian(r, c.nh(), 1, 0.1));
        theta.put("W2", gaussian(r, c.ny(), c.nh(), c.scale()));
        theta.put("b2", gaussian(r, c.ny(), 1, 0.1));
        return network(impl, x, y, theta, c.activation());
    }

    /**
     * The two-layer network at explicit parameters W1, b1, W2, b2. Every call into the
     * implementation goes through {@link ImplementationError#call}, so its failures are reported as
     * its own.
     *
     * @param impl the implementation whose backward pass is checked
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, shape (n[2], m)
     * @param theta the parameters W1, b1, W2, b2
     * @param g the hidden activation
     * @return the model, with kink probes when {@code g} has a kink
     */
    public static GradcheckModel network(
            Implementation impl, Tensor x, Tensor y, Map<String, Tensor> theta, Activation g) {
        GradcheckModel.KinkProbe kinks = hasKink(g) ? new HiddenKinks(theta, x) : null;
        return new GradcheckModel() {
            public List<String> names() {
                return List.of("W1", "b1", "W2", "b2");
            }

            public Map<String, Tensor> parameters() {
                return theta;
            }

            public double cost(Map<String, Tensor> t) {
                NetworkParameters p = params(t);
                return ImplementationError.call(
                        "the cost J(θ)", () -> impl.twoLayerNetwork().cost(p, x, y, g));
            }

            public Map<String, Tensor> gradients() {
                NetworkParameters p = params(theta);
                ForwardCache cache = ImplementationError.call(
                        "the forward pass", () -> impl.twoLayerNetwork().forward(p, x, g));
                NetworkGradients d = ImplementationError.call(
                        "the backward pass", () -> impl.twoLayerNetwork().backward(p, cache, x, y, g));
                Map<String, Tensor> out = new LinkedHashMap<>();
                out.put("W1", d.dw1());
                out.put("b1", d.db1());
                out.put("W2", d.dw2());
                out.put("b2", d.db2());
                return out;
            }

            public KinkProbe kinks() {
                return kinks;
            }
        };
    }

    private static GradcheckModel deep(Implementation impl, Tensor x, Tensor y, Random r, GradcheckConfig c) {
        int[] n = c.sizes();
        Map<String, Tensor> theta = new LinkedHashMap<>();
        for (int l = 1; l < n.length; l++) {
            theta.put("W" + l, gaussian(r, n[l], n[l - 1], c.scale()));
            theta.put("b" + l, gaussian(r, n[l], 1, 0.1));
        }
        return deep(impl, x, y, theta, c.activation());
    }

    /**
     * The L-layer network at explicit parameters W1, b1, …, WL, bL (in that order). Every call into
     * the implementation goes through {@link ImplementationError#call}, so its failures are reported
     * as its own.
     *
     * @param impl the implementation whose backward pass is checked
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m)
     * @param theta the parameters W1, b1, …, WL, bL, in that order
     * @param g the activation of every hidden layer
     * @return the model, with kink probes when {@code g} has a kink and there is a hidden layer
     */
    public static GradcheckModel deep(
            Implementation impl, Tensor x, Tensor y, Map<String, Tensor> theta, Activation g) {
        List<String> names = List.copyOf(theta.keySet());
        GradcheckModel.KinkProbe kinks = hasKink(g) && theta.size() > 2 ? new DeepKinks(theta, x, g) : null;
        return new GradcheckModel() {
            public List<String> names() {
                return names;
            }

            public Map<String, Tensor> parameters() {
                return theta;
            }

            public double cost(Map<String, Tensor> t) {
                DeepParameters p = deepParams(t);
                return ImplementationError.call(
                        "the cost J(θ)", () -> impl.deepNetwork().cost(p, x, y, g));
            }

            public Map<String, Tensor> gradients() {
                DeepParameters p = deepParams(theta);
                DeepCache cache = ImplementationError.call(
                        "the forward pass", () -> impl.deepNetwork().forward(p, x, g));
                DeepGradients d = ImplementationError.call(
                        "the backward pass", () -> impl.deepNetwork().backward(p, cache, x, y, g));
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (int l = 1; l <= p.layers() && l <= d.layers(); l++) {
                    out.put("W" + l, d.dw(l));
                    out.put("b" + l, d.db(l));
                }
                return out;
            }

            public KinkProbe kinks() {
                return kinks;
            }
        };
    }

    /** W1, b1, …, WL, bL by name → the API's parameters. */
    static DeepParameters deepParams(Map<String, Tensor> t) {
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; t.containsKey("W" + l); l++) {
            w.add(t.get("W" + l));
            b.add(t.get("b" + l));
        }
        return new DeepParameters(w, b);
    }

    static NetworkParameters params(Map<String, Tensor> t) {
        return new NetworkParameters(t.get("W1"), t.get("b1"), t.get("W2"), t.get("b2"));
    }

    static boolean hasKink(Activation g) {
        return g.kind() == Activation.Kind.RELU
                || g.kind() == Activation.Kind.LEAKY_RELU
                || (g.kind() == Activation.Kind.ELU && g.parameter() != 1);
    }

    /** Z[1] = W1 X + b1 computed here, to find probes that cross 0. */
    private static final class HiddenKinks implements GradcheckModel.KinkProbe {
        private final double[] x;
        private final double[][] z1;
        private final int nx;
        private final int m;

        HiddenKinks(Map<String, Tensor> theta, Tensor xs) {
            this.x = xs.toArray();
            double[] w1 = theta.get("W1").toArray();
            double[] b1 = theta.get("b1").toArray();
            int nh = b1.length;
            nx = xs.shape().dim(0);
            m = xs.shape().dim(1);
            z1 = new double[nh][m];
            for (int i = 0; i < nh; i++) {
                java.util.Arrays.fill(z1[i], b1[i]);
                for (int j = 0; j < nx; j++) {
                    double w = w1[i * nx + j];
                    for (int n = 0; n < m; n++) {
                        z1[i][n] += w * x[j * m + n];
                    }
                }
            }
        }

        public boolean nearKink(String name, int flat, double eps) {
            if (!name.equals("W1") && !name.equals("b1")) {
                return false;
            }
            boolean weight = name.equals("W1");
            int i = weight ? flat / nx : flat;
            int j = flat % nx;
            for (int n = 0; n < m; n++) {
                double reach = weight ? eps * Math.abs(x[j * m + n]) : eps;
                if (Math.abs(z1[i][n]) <= 1.01 * reach) {
                    return true;
                }
            }
            return false;
        }
    }
}
