package org.dlbasis.golden.json;

import static org.dlbasis.golden.json.Json.required;
import static org.dlbasis.golden.json.Json.toDouble;
import static org.dlbasis.golden.json.Json.toTensor;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Capability;
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
    private Operations() {
    }

    /** The capability an operation needs; an unknown name is a format error. */
    public static Capability capabilityOf(String op) {
        switch (op) {
            case "add": case "subtract": case "multiply": case "divide": case "maximum": case "greater":
            case "exp": case "log": case "transpose": case "dot": case "sum": case "reshape":
                return Capability.ARRAYS;
            case "activation": case "activation_derivative": case "maxout": case "maxout_derivative":
                return Capability.ACTIVATIONS;
            case "loss": case "loss_from_logits": case "cost": case "cost_from_logits":
                return Capability.LOSS;
            case "lr_forward": case "lr_cost": case "lr_backward": case "lr_step": case "lr_train":
                return Capability.LOGISTIC_REGRESSION;
            case "net_initialize": case "net_forward": case "net_cost": case "net_backward": case "net_step":
            case "net_train":
                return Capability.TWO_LAYER_NETWORK;
            default:
                throw new JsonFormatException("unknown operation \"" + op + "\"");
        }
    }

    /** Calls {@code op} on {@code impl}; the outputs in the order they are documented. */
    public static Map<String, Tensor> invoke(Implementation impl, String op, JsonNode params, JsonNode inputs) {
        Capability capability = capabilityOf(op);
        switch (capability) {
            case ARRAYS: return arrays(impl, op, params, inputs);
            case ACTIVATIONS: return activations(impl, op, params, inputs);
            case LOSS: return loss(impl, op, inputs);
            case LOGISTIC_REGRESSION: return logistic(impl, op, params, inputs);
            default: return network(impl, op, params, inputs);
        }
    }

    private static Tensor in(JsonNode inputs, String name) {
        return toTensor(required(inputs, name, "inputs"), "inputs." + name);
    }

    private static Map<String, Tensor> out(Tensor t) {
        return Map.of("out", t);
    }

    private static Map<String, Tensor> arrays(Implementation impl, String op, JsonNode params, JsonNode inputs) {
        var np = impl.arrays();
        switch (op) {
            case "add": return out(np.add(in(inputs, "a"), in(inputs, "b")));
            case "subtract": return out(np.subtract(in(inputs, "a"), in(inputs, "b")));
            case "multiply": return out(np.multiply(in(inputs, "a"), in(inputs, "b")));
            case "divide": return out(np.divide(in(inputs, "a"), in(inputs, "b")));
            case "maximum": return out(np.maximum(in(inputs, "a"), in(inputs, "b")));
            case "greater": return out(np.greater(in(inputs, "a"), in(inputs, "b")));
            case "exp": return out(np.exp(in(inputs, "a")));
            case "log": return out(np.log(in(inputs, "a")));
            case "transpose": return out(np.transpose(in(inputs, "a")));
            case "dot": return out(np.dot(in(inputs, "a"), in(inputs, "b")));
            case "sum": {
                JsonNode axis = required(params, "axis", "params");
                boolean keepdims = required(params, "keepdims", "params").asBoolean();
                return out(np.sum(in(inputs, "a"), axis.isNull() ? null : axis.intValue(), keepdims));
            }
            default: {
                JsonNode dims = required(params, "dims", "params");
                int[] d = new int[dims.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = dims.get(i).intValue();
                }
                return out(np.reshape(in(inputs, "a"), d));
            }
        }
    }

    /** {@code {"activation": "leaky_relu", "parameter": 0.1}} → the API's activation. */
    public static Activation activation(JsonNode params) {
        String name = Json.text(params, "activation", "params");
        double p = toDouble(required(params, "parameter", "params"), "params.parameter");
        try {
            return new Activation(Activation.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT)), p);
        } catch (IllegalArgumentException e) {
            if (e instanceof org.dlbasis.spec.error.SpecException) {
                throw e;
            }
            throw new JsonFormatException("params.activation: unknown activation \"" + name + "\"");
        }
    }

    private static Map<String, Tensor> activations(Implementation impl, String op, JsonNode params, JsonNode inputs) {
        var act = impl.activations();
        switch (op) {
            case "activation": return out(act.apply(activation(params), in(inputs, "z")));
            case "activation_derivative": return out(act.derivative(activation(params), in(inputs, "z")));
            case "maxout": return out(act.maxout(in(inputs, "pieces")));
            default: return out(act.maxoutDerivative(in(inputs, "pieces")));
        }
    }

    private static Map<String, Tensor> loss(Implementation impl, String op, JsonNode inputs) {
        var loss = impl.loss();
        switch (op) {
            case "loss": return out(loss.loss(in(inputs, "y_hat"), in(inputs, "y")));
            case "loss_from_logits": return out(loss.lossFromLogits(in(inputs, "z"), in(inputs, "y")));
            case "cost": return out(Tensor.scalar(loss.cost(in(inputs, "y_hat"), in(inputs, "y"))));
            default: return out(Tensor.scalar(loss.costFromLogits(in(inputs, "z"), in(inputs, "y"))));
        }
    }

    /** {@code {"w": tensor, "b": number}}. */
    public static LogisticParameters logisticParameters(JsonNode node, String path) {
        return new LogisticParameters(toTensor(required(node, "w", path), path + ".w"),
                toDouble(required(node, "b", path), path + ".b"));
    }

    private static Map<String, Tensor> logistic(Implementation impl, String op, JsonNode params, JsonNode inputs) {
        var lr = impl.logisticRegression();
        LogisticParameters p = logisticParameters(required(inputs, "params", "inputs"), "inputs.params");
        switch (op) {
            case "lr_forward": return out(lr.forward(p, in(inputs, "x")));
            case "lr_cost": return out(Tensor.scalar(lr.cost(p, in(inputs, "x"), in(inputs, "y"))));
            case "lr_backward": {
                LogisticGradients g = lr.backward(p, in(inputs, "x"), in(inputs, "y"));
                return ordered("dw", g.dw(), "db", Tensor.scalar(g.db()));
            }
            case "lr_step": {
                JsonNode grads = required(inputs, "grads", "inputs");
                LogisticGradients g = new LogisticGradients(toTensor(required(grads, "dw", "inputs.grads"),
                        "inputs.grads.dw"), toDouble(required(grads, "db", "inputs.grads"), "inputs.grads.db"));
                return logisticParams(lr.step(p, g, rate(params)), new LinkedHashMap<>());
            }
            default: {
                Training<LogisticParameters> t = lr.train(p, in(inputs, "x"), in(inputs, "y"), rate(params),
                        Json.integer(params, "iterations", "params"));
                Map<String, Tensor> result = logisticParams(t.parameters(), new LinkedHashMap<>());
                result.put("costs", Tensor.vector(t.costs()));
                return result;
            }
        }
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
    public static NetworkParameters networkParameters(JsonNode node, String path) {
        return new NetworkParameters(toTensor(required(node, "w1", path), path + ".w1"),
                toTensor(required(node, "b1", path), path + ".b1"), toTensor(required(node, "w2", path), path + ".w2"),
                toTensor(required(node, "b2", path), path + ".b2"));
    }

    private static Map<String, Tensor> network(Implementation impl, String op, JsonNode params, JsonNode inputs) {
        var net = impl.twoLayerNetwork();
        if (op.equals("net_initialize")) {
            var sizes = new org.dlbasis.spec.api.LayerSizes(Json.integer(params, "nx", "params"),
                    Json.integer(params, "nh", "params"), Json.integer(params, "ny", "params"));
            var init = org.dlbasis.spec.api.Initialization.gaussian(
                    toDouble(required(params, "scale", "params"), "params.scale"),
                    required(params, "seed", "params").asLong());
            return networkParams(net.initialize(sizes, init), new LinkedHashMap<>());
        }
        NetworkParameters p = networkParameters(required(inputs, "params", "inputs"), "inputs.params");
        switch (op) {
            case "net_forward": {
                ForwardCache c = net.forward(p, in(inputs, "x"), activation(params));
                return ordered("z1", c.z1(), "a1", c.a1(), "z2", c.z2(), "a2", c.a2());
            }
            case "net_cost":
                return out(Tensor.scalar(net.cost(p, in(inputs, "x"), in(inputs, "y"), activation(params))));
            case "net_backward": {
                Activation g = activation(params);
                Tensor x = in(inputs, "x");
                ForwardCache cache = inputs.has("cache") ? cache(inputs.get("cache")) : net.forward(p, x, g);
                NetworkGradients d = net.backward(p, cache, x, in(inputs, "y"), g);
                return ordered("dw1", d.dw1(), "db1", d.db1(), "dw2", d.dw2(), "db2", d.db2());
            }
            case "net_step": {
                JsonNode grads = required(inputs, "grads", "inputs");
                NetworkGradients d = new NetworkGradients(toTensor(required(grads, "dw1", "inputs.grads"), "dw1"),
                        toTensor(required(grads, "db1", "inputs.grads"), "db1"),
                        toTensor(required(grads, "dw2", "inputs.grads"), "dw2"),
                        toTensor(required(grads, "db2", "inputs.grads"), "db2"));
                return networkParams(net.step(p, d, rate(params)), new LinkedHashMap<>());
            }
            default: {
                Training<NetworkParameters> t = net.train(p, in(inputs, "x"), in(inputs, "y"), activation(params),
                        rate(params), Json.integer(params, "iterations", "params"));
                Map<String, Tensor> result = networkParams(t.parameters(), new LinkedHashMap<>());
                result.put("costs", Tensor.vector(t.costs()));
                return result;
            }
        }
    }

    private static ForwardCache cache(JsonNode node) {
        return new ForwardCache(toTensor(required(node, "z1", "inputs.cache"), "inputs.cache.z1"),
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

    private static Map<String, Tensor> ordered(Object... namesAndTensors) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) {
            m.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
        }
        return m;
    }
}
