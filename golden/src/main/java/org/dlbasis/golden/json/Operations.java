package org.dlbasis.golden.json;

import static org.dlbasis.golden.json.Json.required;
import static org.dlbasis.golden.json.Json.toDouble;
import static org.dlbasis.golden.json.Json.toTensor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The language-neutral operations (golden-data/README.md, spec/PROTOCOL.md): one name per API
 * call, inputs and parameters as JSON, outputs as named tensors ({@code "out"}, {@code "dw"},
 * {@code "params.w"}, …; a scalar is a 0-d tensor).
 */
public final class Operations {
    private Operations() {}

    /**
     * The capability an operation needs; an unknown name is a format error.
     *
     * @param op the operation's wire name, such as {@code lr_step}
     * @return the capability an implementation must declare for it
     * @throws JsonFormatException for an unknown name
     */
    public static Capability capabilityOf(String op) {
        return Operation.of(op).capability();
    }

    /**
     * Calls {@code op} on {@code impl}; the outputs in the order they are documented.
     *
     * @param impl the implementation to call
     * @param op the operation's wire name, such as {@code lr_step}
     * @param params the operation's parameters (a JSON object)
     * @param inputs the operation's inputs (a JSON object of tensors and parameter sets)
     * @return the named outputs, such as {@code "out"} or {@code "dw"}, {@code "db"}
     * @throws JsonFormatException for an unknown operation or malformed parameters or inputs
     */
    public static Map<String, Tensor> invoke(Implementation impl, String op, JsonNode params, JsonNode inputs) {
        return invoke(impl, Operation.of(op), params, inputs);
    }

    /**
     * Calls {@code op} on {@code impl}; the outputs in the order they are documented.
     *
     * @param impl the implementation to call
     * @param op the operation
     * @param params the operation's parameters (a JSON object)
     * @param inputs the operation's inputs (a JSON object of tensors and parameter sets)
     * @return the named outputs, such as {@code "out"} or {@code "dw"}, {@code "db"}
     * @throws JsonFormatException for malformed parameters or inputs
     */
    public static Map<String, Tensor> invoke(Implementation impl, Operation op, JsonNode params, JsonNode inputs) {
        return switch (op.capability()) {
            case ARRAYS -> arrays(impl, op, params, inputs);
            case ACTIVATIONS -> activations(impl, op, params, inputs);
            case LOSS -> loss(impl, op, inputs);
            case LOGISTIC_REGRESSION -> logistic(impl, op, params, inputs);
            case TWO_LAYER_NETWORK -> network(impl, op, params, inputs);
            case DEEP_NETWORK -> deep(impl, op, params, inputs);
        };
    }

    private static Tensor in(JsonNode inputs, String name) {
        return toTensor(required(inputs, name, "inputs"), "inputs." + name);
    }

    private static Map<String, Tensor> out(Tensor t) {
        return Map.of("out", t);
    }

    private static Map<String, Tensor> arrays(Implementation impl, Operation op, JsonNode params, JsonNode inputs) {
        var np = impl.arrays();
        return out(
                switch (op) {
                    case ADD -> np.add(in(inputs, "a"), in(inputs, "b"));
                    case SUBTRACT -> np.subtract(in(inputs, "a"), in(inputs, "b"));
                    case MULTIPLY -> np.multiply(in(inputs, "a"), in(inputs, "b"));
                    case DIVIDE -> np.divide(in(inputs, "a"), in(inputs, "b"));
                    case MAXIMUM -> np.maximum(in(inputs, "a"), in(inputs, "b"));
                    case GREATER -> np.greater(in(inputs, "a"), in(inputs, "b"));
                    case EXP -> np.exp(in(inputs, "a"));
                    case LOG -> np.log(in(inputs, "a"));
                    case TRANSPOSE -> np.transpose(in(inputs, "a"));
                    case DOT -> np.dot(in(inputs, "a"), in(inputs, "b"));
                    case SUM -> {
                        JsonNode axis = required(params, "axis", "params");
                        boolean keepdims =
                                required(params, "keepdims", "params").asBoolean();
                        yield np.sum(in(inputs, "a"), axis.isNull() ? null : axis.intValue(), keepdims);
                    }
                    case RESHAPE -> {
                        JsonNode dims = required(params, "dims", "params");
                        int[] d = new int[dims.size()];
                        for (int i = 0; i < d.length; i++) {
                            d[i] = dims.get(i).intValue();
                        }
                        yield np.reshape(in(inputs, "a"), d);
                    }
                    default -> throw new IllegalArgumentException(op + " is not an array operation");
                });
    }

    /** {@code {"activation": "leaky_relu", "parameter": 0.1}} → the API's activation. */
    static Activation activation(JsonNode params) {
        String name = Json.text(params, "activation", "params");
        double p = toDouble(required(params, "parameter", "params"), "params.parameter");
        try {
            return new Activation(
                    Activation.Kind.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(name)), p);
        } catch (IllegalArgumentException e) {
            if (e instanceof org.dlbasis.spec.error.SpecException) {
                throw e;
            }
            throw new JsonFormatException("params.activation: unknown activation \"" + name + "\"");
        }
    }

    private static Map<String, Tensor> activations(
            Implementation impl, Operation op, JsonNode params, JsonNode inputs) {
        var act = impl.activations();
        return out(
                switch (op) {
                    case ACTIVATION -> act.apply(activation(params), in(inputs, "z"));
                    case ACTIVATION_DERIVATIVE -> act.derivative(activation(params), in(inputs, "z"));
                    case MAXOUT -> act.maxout(in(inputs, "pieces"));
                    case MAXOUT_DERIVATIVE -> act.maxoutDerivative(in(inputs, "pieces"));
                    default -> throw new IllegalArgumentException(op + " is not an activation operation");
                });
    }

    private static Map<String, Tensor> loss(Implementation impl, Operation op, JsonNode inputs) {
        var loss = impl.loss();
        return out(
                switch (op) {
                    case LOSS -> loss.loss(in(inputs, "y_hat"), in(inputs, "y"));
                    case LOSS_FROM_LOGITS -> loss.lossFromLogits(in(inputs, "z"), in(inputs, "y"));
                    case COST -> Tensor.scalar(loss.cost(in(inputs, "y_hat"), in(inputs, "y")));
                    case COST_FROM_LOGITS -> Tensor.scalar(loss.costFromLogits(in(inputs, "z"), in(inputs, "y")));
                    default -> throw new IllegalArgumentException(op + " is not a loss operation");
                });
    }

    /** {@code {"w": tensor, "b": number}}. */
    static LogisticParameters logisticParameters(JsonNode node, String path) {
        return new LogisticParameters(
                toTensor(required(node, "w", path), path + ".w"), toDouble(required(node, "b", path), path + ".b"));
    }

    private static Map<String, Tensor> logistic(Implementation impl, Operation op, JsonNode params, JsonNode inputs) {
        var lr = impl.logisticRegression();
        LogisticParameters p = logisticParameters(required(inputs, "params", "inputs"), "inputs.params");
        return switch (op) {
            case LR_FORWARD -> out(lr.forward(p, in(inputs, "x")));
            case LR_COST -> out(Tensor.scalar(lr.cost(p, in(inputs, "x"), in(inputs, "y"))));
            case LR_BACKWARD -> {
                LogisticGradients g = lr.backward(p, in(inputs, "x"), in(inputs, "y"));
                yield ordered("dw", g.dw(), "db", Tensor.scalar(g.db()));
            }
            case LR_STEP -> {
                JsonNode grads = required(inputs, "grads", "inputs");
                LogisticGradients g = new LogisticGradients(
                        toTensor(required(grads, "dw", "inputs.grads"), "inputs.grads.dw"),
                        toDouble(required(grads, "db", "inputs.grads"), "inputs.grads.db"));
                yield logisticParams(lr.step(p, g, rate(params)), new LinkedHashMap<>());
            }
            case LR_TRAIN -> {
                Training<LogisticParameters> t = lr.train(
                        p,
                        in(inputs, "x"),
                        in(inputs, "y"),
                        rate(params),
                        Json.integer(params, "iterations", "params"));
                Map<String, Tensor> result = logisticParams(t.parameters(), new LinkedHashMap<>());
                result.put("costs", Tensor.vector(t.costs()));
                yield result;
            }
            default -> throw new IllegalArgumentException(op + " is not a logistic-regression operation");
        };
    }

    private static Map<String, Tensor> logisticParams(LogisticParameters p, Map<String, Tensor> into) {
        into.put("params.w", p.w());
        into.put("params.b", Tensor.scalar(p.b()));
        return into;
    }

    private static double rate(JsonNode params) {
        return toDouble(required(params, "learning_rate", "params"), "params.learning_rate");
    }

    /** {@code {"w1", "b1", "w2", "b2"}} tensors. */
    static NetworkParameters networkParameters(JsonNode node, String path) {
        return new NetworkParameters(
                toTensor(required(node, "w1", path), path + ".w1"),
                toTensor(required(node, "b1", path), path + ".b1"),
                toTensor(required(node, "w2", path), path + ".w2"),
                toTensor(required(node, "b2", path), path + ".b2"));
    }

    private static Map<String, Tensor> network(Implementation impl, Operation op, JsonNode params, JsonNode inputs) {
        var net = impl.twoLayerNetwork();
        if (op == Operation.NET_INITIALIZE) {
            var sizes = new org.dlbasis.spec.api.LayerSizes(
                    Json.integer(params, "nx", "params"),
                    Json.integer(params, "nh", "params"),
                    Json.integer(params, "ny", "params"));
            var init = org.dlbasis.spec.api.Initialization.gaussian(
                    toDouble(required(params, "scale", "params"), "params.scale"),
                    required(params, "seed", "params").asLong());
            return networkParams(net.initialize(sizes, init), new LinkedHashMap<>());
        }
        NetworkParameters p = networkParameters(required(inputs, "params", "inputs"), "inputs.params");
        return switch (op) {
            case NET_FORWARD -> {
                ForwardCache c = net.forward(p, in(inputs, "x"), activation(params));
                yield ordered("z1", c.z1(), "a1", c.a1(), "z2", c.z2(), "a2", c.a2());
            }
            case NET_COST -> out(Tensor.scalar(net.cost(p, in(inputs, "x"), in(inputs, "y"), activation(params))));
            case NET_BACKWARD -> {
                Activation g = activation(params);
                Tensor x = in(inputs, "x");
                ForwardCache cache = inputs.has("cache") ? cache(inputs.get("cache")) : net.forward(p, x, g);
                NetworkGradients d = net.backward(p, cache, x, in(inputs, "y"), g);
                yield ordered("dw1", d.dw1(), "db1", d.db1(), "dw2", d.dw2(), "db2", d.db2());
            }
            case NET_STEP -> {
                JsonNode grads = required(inputs, "grads", "inputs");
                NetworkGradients d = new NetworkGradients(
                        toTensor(required(grads, "dw1", "inputs.grads"), "dw1"),
                        toTensor(required(grads, "db1", "inputs.grads"), "db1"),
                        toTensor(required(grads, "dw2", "inputs.grads"), "dw2"),
                        toTensor(required(grads, "db2", "inputs.grads"), "db2"));
                yield networkParams(net.step(p, d, rate(params)), new LinkedHashMap<>());
            }
            case NET_TRAIN -> {
                Training<NetworkParameters> t = net.train(
                        p,
                        in(inputs, "x"),
                        in(inputs, "y"),
                        activation(params),
                        rate(params),
                        Json.integer(params, "iterations", "params"));
                Map<String, Tensor> result = networkParams(t.parameters(), new LinkedHashMap<>());
                result.put("costs", Tensor.vector(t.costs()));
                yield result;
            }
            default -> throw new IllegalArgumentException(op + " is not a network operation");
        };
    }

    private static ForwardCache cache(JsonNode node) {
        return new ForwardCache(
                toTensor(required(node, "z1", "inputs.cache"), "inputs.cache.z1"),
                toTensor(required(node, "a1", "inputs.cache"), "inputs.cache.a1"),
                toTensor(required(node, "z2", "inputs.cache"), "inputs.cache.z2"),
                toTensor(required(node, "a2", "inputs.cache"), "inputs.cache.a2"));
    }

    private static Map<String, Tensor> networkParams(NetworkParameters p, Map<String, Tensor> into) {
        into.put("params.w1", p.w1());
        into.put("params.b1", p.b1());
        into.put("params.w2", p.w2());
        into.put("params.b2", p.b2());
        return into;
    }

    /**
     * One tensor per layer, named {@code <prefix>1}, {@code <prefix>2}, … in {@code node}: the
     * deep network's flat encoding ({@code "w1", "b1", …, "wL", "bL"}; spec/PROTOCOL.md). The
     * layers are read in order up to the first missing one.
     */
    static List<Tensor> layers(JsonNode node, String prefix, String path) {
        List<Tensor> layers = new ArrayList<>();
        for (int l = 1; node.has(prefix + l); l++) {
            layers.add(toTensor(node.get(prefix + l), path + "." + prefix + l));
        }
        return layers;
    }

    /** {@code {"w1", "b1", …, "wL", "bL"}} tensors; lists of different lengths are the record's INVALID_ARGUMENT. */
    static DeepParameters deepParameters(JsonNode node, String path) {
        return new DeepParameters(layers(node, "w", path), layers(node, "b", path));
    }

    private static Map<String, Tensor> deep(Implementation impl, Operation op, JsonNode params, JsonNode inputs) {
        var net = impl.deepNetwork();
        if (op == Operation.DEEP_INITIALIZE) {
            JsonNode sizes = required(params, "layer_sizes", "params");
            int[] n = new int[sizes.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = sizes.get(i).intValue();
            }
            var init = org.dlbasis.spec.api.Initialization.gaussian(
                    toDouble(required(params, "scale", "params"), "params.scale"),
                    required(params, "seed", "params").asLong());
            return deepParams(net.initialize(n, init));
        }
        DeepParameters p = deepParameters(required(inputs, "params", "inputs"), "inputs.params");
        return switch (op) {
            case DEEP_FORWARD -> deepCache(net.forward(p, in(inputs, "x"), activation(params)));
            case DEEP_COST -> out(Tensor.scalar(net.cost(p, in(inputs, "x"), in(inputs, "y"), activation(params))));
            case DEEP_BACKWARD -> {
                Activation g = activation(params);
                Tensor x = in(inputs, "x");
                DeepCache cache = inputs.has("cache")
                        ? new DeepCache(
                                layers(inputs.get("cache"), "z", "inputs.cache"),
                                layers(inputs.get("cache"), "a", "inputs.cache"))
                        : net.forward(p, x, g);
                yield deepGradients(net.backward(p, cache, x, in(inputs, "y"), g));
            }
            case DEEP_STEP -> {
                JsonNode grads = required(inputs, "grads", "inputs");
                DeepGradients d =
                        new DeepGradients(layers(grads, "dw", "inputs.grads"), layers(grads, "db", "inputs.grads"));
                yield deepParams(net.step(p, d, rate(params)));
            }
            case DEEP_TRAIN -> {
                Training<DeepParameters> t = net.train(
                        p,
                        in(inputs, "x"),
                        in(inputs, "y"),
                        activation(params),
                        rate(params),
                        Json.integer(params, "iterations", "params"));
                Map<String, Tensor> result = deepParams(t.parameters());
                result.put("costs", Tensor.vector(t.costs()));
                yield result;
            }
            default -> throw new IllegalArgumentException(op + " is not a deep-network operation");
        };
    }

    /** params.w1, params.b1, …, params.wL, params.bL, layer by layer as the two-layer network's. */
    private static Map<String, Tensor> deepParams(DeepParameters p) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 1; l <= p.layers(); l++) {
            m.put("params.w" + l, p.w(l));
            m.put("params.b" + l, p.b(l));
        }
        return m;
    }

    /** z1, a1, …, zL, aL. */
    private static Map<String, Tensor> deepCache(DeepCache c) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 1; l <= c.layers(); l++) {
            m.put("z" + l, c.z(l));
            m.put("a" + l, c.a(l));
        }
        return m;
    }

    /** dw1, db1, …, dwL, dbL. */
    private static Map<String, Tensor> deepGradients(DeepGradients g) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int l = 1; l <= g.layers(); l++) {
            m.put("dw" + l, g.dw(l));
            m.put("db" + l, g.db(l));
        }
        return m;
    }

    private static Map<String, Tensor> ordered(Object... namesAndTensors) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            m.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
        }
        return m;
    }
}
