package org.dlbasis.runner.protocol;

import static org.dlbasis.golden.json.Json.number;
import static org.dlbasis.golden.json.Json.tensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dlbasis.golden.json.Json;
import org.dlbasis.golden.json.Operation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Options;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.suite.IsolatedImplementation;
import org.dlbasis.tck.suite.WrongResultShape;

/**
 * An implementation in another language, reached through spec/PROTOCOL.md: every API call is one
 * request to the child process. To the suite it is an implementation like any other.
 */
public final class ProtocolImplementation implements IsolatedImplementation, AutoCloseable {
    private final ProtocolClient client;

    private ProtocolImplementation(ProtocolClient client) {
        this.client = client;
    }

    /**
     * A program started with {@code sh -c <commandLine>}.
     *
     * @param commandLine the shell command line that starts the program
     * @param timeoutMillis the timeout per request, in milliseconds
     * @return the implementation; the program starts at the first call
     */
    public static ProtocolImplementation command(String commandLine, long timeoutMillis) {
        return new ProtocolImplementation(
                new ProtocolClient(ChildProcess.shell(commandLine), commandLine, timeoutMillis));
    }

    /**
     * A Java class run in a child JVM by {@link ProtocolServer}: an infinite loop is a timeout,
     * and {@code System.exit}, a StackOverflowError or an OutOfMemoryError end that JVM, not the
     * runner; the next check starts a fresh one.
     *
     * @param className the fully qualified name of the class implementing {@code Implementation}
     * @param classpath the implementation's jars and folders (platform path separator), may be null
     * @param timeoutMillis the timeout per request, in milliseconds
     * @return the implementation; the child JVM starts at the first call
     */
    public static ProtocolImplementation javaClass(String className, String classpath, long timeoutMillis) {
        return new ProtocolImplementation(
                new ProtocolClient(ProtocolServer.command(className, classpath), "java:" + className, timeoutMillis));
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return client.capabilities();
    }

    @Override
    public Options options() {
        return client.options();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public void beginCheck() {
        client.beginCheck();
    }

    private void declared(Capability c) {
        if (!capabilities().contains(c)) {
            throw new org.dlbasis.spec.api.CapabilityNotImplementedException(name(), c);
        }
    }

    // ------------------------------------------------------------ encoding helpers

    private static ObjectNode object(Object... namesAndValues) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            String key = (String) namesAndValues[i];
            if (v instanceof Tensor) {
                node.set(key, tensor((Tensor) v));
            } else if (v instanceof Double) {
                node.set(key, number((Double) v));
            } else if (v instanceof Integer) {
                node.put(key, (Integer) v);
            } else if (v instanceof Long) {
                node.put(key, (Long) v);
            } else if (v instanceof Boolean) {
                node.put(key, (Boolean) v);
            } else if (v == null) {
                node.putNull(key);
            } else if (v instanceof JsonNode) {
                node.set(key, (JsonNode) v);
            } else if (v instanceof int[]) {
                var array = node.putArray(key);
                for (int d : (int[]) v) {
                    array.add(d);
                }
            } else {
                node.put(key, v.toString());
            }
        }
        return node;
    }

    private static ObjectNode activation(Activation g) {
        return object("activation", g.kind().wireName(), "parameter", g.parameter());
    }

    private static ObjectNode with(ObjectNode base, Object... more) {
        base.setAll(object(more));
        return base;
    }

    private static ObjectNode params(LogisticParameters p) {
        return object("w", p.w(), "b", p.b());
    }

    private static ObjectNode params(NetworkParameters p) {
        return object("w1", p.w1(), "b1", p.b1(), "w2", p.w2(), "b2", p.b2());
    }

    /** The deep network's flat encoding: {@code {"w1": …, "b1": …, …, "wL": …, "bL": …}} (prefixes w, b). */
    private static ObjectNode layers(String first, List<Tensor> firsts, String second, List<Tensor> seconds) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (int l = 1; l <= firsts.size(); l++) {
            node.set(first + l, tensor(firsts.get(l - 1)));
            node.set(second + l, tensor(seconds.get(l - 1)));
        }
        return node;
    }

    private static ObjectNode params(DeepParameters p) {
        return layers("w", p.w(), "b", p.b());
    }

    private Tensor out(Operation op, ObjectNode params, ObjectNode inputs) {
        return output(call(op, params, inputs), "out", op);
    }

    private Map<String, Tensor> call(Operation op, ObjectNode params, ObjectNode inputs) {
        return client.call(op.wireName(), params, inputs);
    }

    private Tensor output(Map<String, Tensor> outputs, String name, Operation op) {
        Tensor t = outputs.get(name);
        if (t == null) {
            throw client.nonsense(
                    "answered \"" + op + "\" without the output \"" + name + "\"; it gave " + outputs.keySet());
        }
        return t;
    }

    /** A number: exactly a 0-d array, shape (), as numpy gives for a cost after {@code np.squeeze}. */
    private double scalar(Map<String, Tensor> outputs, String name, Operation op) {
        Tensor t = output(outputs, name, op);
        if (t.rank() != 0) {
            throw new WrongResultShape(op.wireName(), name, Shape.scalar(), t.shape());
        }
        return t.flat(0);
    }

    /** The costs of a training run: exactly rank 1, shape (k+1,). */
    private double[] costs(Map<String, Tensor> outputs, Operation op, int iterations) {
        Tensor t = output(outputs, "costs", op);
        if (t.rank() != 1 || t.size() != iterations + 1) {
            throw new WrongResultShape(op.wireName(), "costs", Shape.of(iterations + 1), t.shape());
        }
        return t.toArray();
    }

    private LogisticParameters logistic(Map<String, Tensor> o, Operation op) {
        return new LogisticParameters(output(o, "params.w", op), scalar(o, "params.b", op));
    }

    /** {@code <prefix>1 … <prefix>L} of an answer, for the L layers the request had. */
    private List<Tensor> layers(Map<String, Tensor> o, String prefix, int layers, Operation op) {
        List<Tensor> out = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            out.add(output(o, prefix + l, op));
        }
        return out;
    }

    private DeepParameters deep(Map<String, Tensor> o, int layers, Operation op) {
        return new DeepParameters(layers(o, "params.w", layers, op), layers(o, "params.b", layers, op));
    }

    private NetworkParameters network(Map<String, Tensor> o, Operation op) {
        return new NetworkParameters(
                output(o, "params.w1", op),
                output(o, "params.b1", op),
                output(o, "params.w2", op),
                output(o, "params.b2", op));
    }

    // ------------------------------------------------------------ capabilities

    @Override
    public ArrayOps arrays() {
        declared(Capability.ARRAYS);
        return new ArrayOps() {
            private Tensor binary(Operation op, Tensor a, Tensor b) {
                return out(op, object(), object("a", a, "b", b));
            }

            public Tensor add(Tensor a, Tensor b) {
                return binary(Operation.ADD, a, b);
            }

            public Tensor subtract(Tensor a, Tensor b) {
                return binary(Operation.SUBTRACT, a, b);
            }

            public Tensor multiply(Tensor a, Tensor b) {
                return binary(Operation.MULTIPLY, a, b);
            }

            public Tensor divide(Tensor a, Tensor b) {
                return binary(Operation.DIVIDE, a, b);
            }

            public Tensor maximum(Tensor a, Tensor b) {
                return binary(Operation.MAXIMUM, a, b);
            }

            public Tensor greater(Tensor a, Tensor b) {
                return binary(Operation.GREATER, a, b);
            }

            public Tensor exp(Tensor a) {
                return out(Operation.EXP, object(), object("a", a));
            }

            public Tensor log(Tensor a) {
                return out(Operation.LOG, object(), object("a", a));
            }

            public Tensor transpose(Tensor a) {
                return out(Operation.TRANSPOSE, object(), object("a", a));
            }

            public Tensor dot(Tensor a, Tensor b) {
                return binary(Operation.DOT, a, b);
            }

            public Tensor sum(Tensor a, Integer axis, boolean keepdims) {
                return out(Operation.SUM, object("axis", axis, "keepdims", keepdims), object("a", a));
            }

            public Tensor reshape(Tensor a, int... dims) {
                return out(Operation.RESHAPE, object("dims", dims), object("a", a));
            }
        };
    }

    @Override
    public Activations activations() {
        declared(Capability.ACTIVATIONS);
        return new Activations() {
            public Tensor apply(Activation g, Tensor z) {
                return out(Operation.ACTIVATION, activation(g), object("z", z));
            }

            public Tensor derivative(Activation g, Tensor z) {
                return out(Operation.ACTIVATION_DERIVATIVE, activation(g), object("z", z));
            }

            public Tensor maxout(Tensor pieces) {
                return out(Operation.MAXOUT, object(), object("pieces", pieces));
            }

            public Tensor maxoutDerivative(Tensor pieces) {
                return out(Operation.MAXOUT_DERIVATIVE, object(), object("pieces", pieces));
            }
        };
    }

    @Override
    public Loss loss() {
        declared(Capability.LOSS);
        return new Loss() {
            public Tensor loss(Tensor yHat, Tensor y) {
                return out(Operation.LOSS, object(), object("y_hat", yHat, "y", y));
            }

            public Tensor lossFromLogits(Tensor z, Tensor y) {
                return out(Operation.LOSS_FROM_LOGITS, object(), object("z", z, "y", y));
            }

            public double cost(Tensor yHat, Tensor y) {
                return scalar(call(Operation.COST, object(), object("y_hat", yHat, "y", y)), "out", Operation.COST);
            }

            public double costFromLogits(Tensor z, Tensor y) {
                return scalar(
                        call(Operation.COST_FROM_LOGITS, object(), object("z", z, "y", y)),
                        "out",
                        Operation.COST_FROM_LOGITS);
            }
        };
    }

    @Override
    public LogisticRegression logisticRegression() {
        declared(Capability.LOGISTIC_REGRESSION);
        return new LogisticRegression() {
            public Tensor forward(LogisticParameters p, Tensor x) {
                return out(Operation.LR_FORWARD, object(), object("params", params(p), "x", x));
            }

            public double cost(LogisticParameters p, Tensor x, Tensor y) {
                return scalar(
                        call(Operation.LR_COST, object(), object("params", params(p), "x", x, "y", y)),
                        "out",
                        Operation.LR_COST);
            }

            public LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
                var o = call(Operation.LR_BACKWARD, object(), object("params", params(p), "x", x, "y", y));
                return new LogisticGradients(
                        output(o, "dw", Operation.LR_BACKWARD), scalar(o, "db", Operation.LR_BACKWARD));
            }

            public LogisticParameters step(LogisticParameters p, LogisticGradients g, double rate) {
                return logistic(
                        call(
                                Operation.LR_STEP,
                                object("learning_rate", rate),
                                object("params", params(p), "grads", object("dw", g.dw(), "db", g.db()))),
                        Operation.LR_STEP);
            }

            public Training<LogisticParameters> train(LogisticParameters p, Tensor x, Tensor y, double rate, int k) {
                var o = call(
                        Operation.LR_TRAIN,
                        object("learning_rate", rate, "iterations", k),
                        object("params", params(p), "x", x, "y", y));
                return new Training<>(logistic(o, Operation.LR_TRAIN), costs(o, Operation.LR_TRAIN, k));
            }
        };
    }

    @Override
    public TwoLayerNetwork twoLayerNetwork() {
        declared(Capability.TWO_LAYER_NETWORK);
        return new TwoLayerNetwork() {
            public NetworkParameters initialize(LayerSizes s, Initialization init) {
                return network(
                        call(
                                Operation.NET_INITIALIZE,
                                object(
                                        "nx",
                                        s.nx(),
                                        "nh",
                                        s.nh(),
                                        "ny",
                                        s.ny(),
                                        "scale",
                                        init.scale(),
                                        "seed",
                                        init.seed()),
                                object()),
                        Operation.NET_INITIALIZE);
            }

            public ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
                var o = call(Operation.NET_FORWARD, activation(g), object("params", params(p), "x", x));
                return new ForwardCache(
                        output(o, "z1", Operation.NET_FORWARD),
                        output(o, "a1", Operation.NET_FORWARD),
                        output(o, "z2", Operation.NET_FORWARD),
                        output(o, "a2", Operation.NET_FORWARD));
            }

            public double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
                return scalar(
                        call(Operation.NET_COST, activation(g), object("params", params(p), "x", x, "y", y)),
                        "out",
                        Operation.NET_COST);
            }

            public NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
                ObjectNode cache = object("z1", c.z1(), "a1", c.a1(), "z2", c.z2(), "a2", c.a2());
                var o = call(
                        Operation.NET_BACKWARD,
                        activation(g),
                        object("params", params(p), "cache", cache, "x", x, "y", y));
                return new NetworkGradients(
                        output(o, "dw1", Operation.NET_BACKWARD),
                        output(o, "db1", Operation.NET_BACKWARD),
                        output(o, "dw2", Operation.NET_BACKWARD),
                        output(o, "db2", Operation.NET_BACKWARD));
            }

            public NetworkParameters step(NetworkParameters p, NetworkGradients g, double rate) {
                ObjectNode grads = object("dw1", g.dw1(), "db1", g.db1(), "dw2", g.dw2(), "db2", g.db2());
                return network(
                        call(
                                Operation.NET_STEP,
                                object("learning_rate", rate),
                                object("params", params(p), "grads", grads)),
                        Operation.NET_STEP);
            }

            public Training<NetworkParameters> train(
                    NetworkParameters p, Tensor x, Tensor y, Activation g, double rate, int k) {
                var o = call(
                        Operation.NET_TRAIN,
                        with(activation(g), "learning_rate", rate, "iterations", k),
                        object("params", params(p), "x", x, "y", y));
                return new Training<>(network(o, Operation.NET_TRAIN), costs(o, Operation.NET_TRAIN, k));
            }
        };
    }

    @Override
    public DeepNetwork deepNetwork() {
        declared(Capability.DEEP_NETWORK);
        return new DeepNetwork() {
            public DeepParameters initialize(int[] sizes, Initialization init) {
                var o = call(
                        Operation.DEEP_INITIALIZE,
                        object("layer_sizes", sizes, "scale", init.scale(), "seed", init.seed()),
                        object());
                if (sizes.length < 2) {
                    throw new AssertionError(
                            "\"deep_initialize\" answered layer sizes " + java.util.Arrays.toString(sizes)
                                    + ", which have no layer, with parameters; expected an INVALID_ARGUMENT error");
                }
                return deep(o, sizes.length - 1, Operation.DEEP_INITIALIZE);
            }

            public DeepCache forward(DeepParameters p, Tensor x, Activation g) {
                var o = call(Operation.DEEP_FORWARD, activation(g), object("params", params(p), "x", x));
                return new DeepCache(
                        layers(o, "z", p.layers(), Operation.DEEP_FORWARD),
                        layers(o, "a", p.layers(), Operation.DEEP_FORWARD));
            }

            public double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
                return scalar(
                        call(Operation.DEEP_COST, activation(g), object("params", params(p), "x", x, "y", y)),
                        "out",
                        Operation.DEEP_COST);
            }

            public DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
                var o = call(
                        Operation.DEEP_BACKWARD,
                        activation(g),
                        object("params", params(p), "cache", layers("z", c.z(), "a", c.a()), "x", x, "y", y));
                return new DeepGradients(
                        layers(o, "dw", p.layers(), Operation.DEEP_BACKWARD),
                        layers(o, "db", p.layers(), Operation.DEEP_BACKWARD));
            }

            public DeepParameters step(DeepParameters p, DeepGradients g, double rate) {
                var o = call(
                        Operation.DEEP_STEP,
                        object("learning_rate", rate),
                        object("params", params(p), "grads", layers("dw", g.dw(), "db", g.db())));
                return deep(o, p.layers(), Operation.DEEP_STEP);
            }

            public Training<DeepParameters> train(
                    DeepParameters p, Tensor x, Tensor y, Activation g, double rate, int k) {
                var o = call(
                        Operation.DEEP_TRAIN,
                        with(activation(g), "learning_rate", rate, "iterations", k),
                        object("params", params(p), "x", x, "y", y));
                return new Training<>(deep(o, p.layers(), Operation.DEEP_TRAIN), costs(o, Operation.DEEP_TRAIN, k));
            }
        };
    }
}
