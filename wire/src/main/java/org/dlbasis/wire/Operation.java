package org.dlbasis.wire;

import static org.dlbasis.spec.api.Capability.ACTIVATIONS;
import static org.dlbasis.spec.api.Capability.ARRAYS;
import static org.dlbasis.spec.api.Capability.DEEP_NETWORK;
import static org.dlbasis.spec.api.Capability.LOGISTIC_REGRESSION;
import static org.dlbasis.spec.api.Capability.TWO_LAYER_NETWORK;
import static org.dlbasis.wire.Form.AFFINE_MAP;
import static org.dlbasis.wire.Form.DEEP_CACHE;
import static org.dlbasis.wire.Form.DEEP_GRADIENTS;
import static org.dlbasis.wire.Form.DEEP_PARAMETERS;
import static org.dlbasis.wire.Form.DEEP_TRAINING;
import static org.dlbasis.wire.Form.FORWARD_CACHE;
import static org.dlbasis.wire.Form.LOGISTIC_GRADIENTS;
import static org.dlbasis.wire.Form.LOGISTIC_PARAMETERS;
import static org.dlbasis.wire.Form.LOGISTIC_TRAINING;
import static org.dlbasis.wire.Form.NETWORK_GRADIENTS;
import static org.dlbasis.wire.Form.NETWORK_PARAMETERS;
import static org.dlbasis.wire.Form.NETWORK_TRAINING;
import static org.dlbasis.wire.Input.in;
import static org.dlbasis.wire.Input.optional;
import static org.dlbasis.wire.Input.tensors;
import static org.dlbasis.wire.Output.flat;
import static org.dlbasis.wire.Output.number;
import static org.dlbasis.wire.Output.out;
import static org.dlbasis.wire.Output.parameters;
import static org.dlbasis.wire.Param.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The one table of the language-neutral operations, one per call of the Java API, that the golden
 * files and the protocol share (golden-data/README.md, spec/PROTOCOL.md): for each its capability,
 * its parameters, its inputs, its output and the API call it stands for. The golden decoder and the
 * protocol server ({@link #invoke}), the protocol client ({@link #request}, {@link #result}), the
 * golden reader's checks and the tests that hold operations.schema.json and the Python kit's table
 * to it are all walks over this table. The wire name is the constant's name in lower case
 * ({@code lr_step}).
 *
 * <p>The call's arguments are the parameters' values, then the inputs' values, each in the
 * table's order ({@link Values}).
 */
public enum Operation {
    /** {@code ArrayOps.add}: {@code a + b}, broadcasting. */
    ADD(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().add(v.get(0), v.get(1))),
    /** {@code ArrayOps.subtract}: {@code a - b}, broadcasting. */
    SUBTRACT(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().subtract(v.get(0), v.get(1))),
    /** {@code ArrayOps.multiply}: {@code a * b} element-wise, broadcasting. */
    MULTIPLY(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().multiply(v.get(0), v.get(1))),
    /** {@code ArrayOps.divide}: {@code a / b}, broadcasting. */
    DIVIDE(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().divide(v.get(0), v.get(1))),
    /** {@code ArrayOps.maximum}: {@code np.maximum(a, b)}, broadcasting. */
    MAXIMUM(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().maximum(v.get(0), v.get(1))),
    /** {@code ArrayOps.greater}: {@code (a > b)} as 1.0/0.0, broadcasting. */
    GREATER(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().greater(v.get(0), v.get(1))),
    /** {@code ArrayOps.dot}: {@code np.dot(a, b)}. */
    DOT(ARRAYS, NONE, tensors("a", "b"), out(), (i, v) -> i.arrays().dot(v.get(0), v.get(1))),
    /** {@code ArrayOps.exp}: e^a element-wise. */
    EXP(ARRAYS, NONE, tensors("a"), out(), (i, v) -> i.arrays().exp(v.get(0))),
    /** {@code ArrayOps.log}: the natural logarithm element-wise. */
    LOG(ARRAYS, NONE, tensors("a"), out(), (i, v) -> i.arrays().log(v.get(0))),
    /** {@code ArrayOps.transpose}: {@code a.T}. */
    TRANSPOSE(ARRAYS, NONE, tensors("a"), out(), (i, v) -> i.arrays().transpose(v.get(0))),
    /** {@code ArrayOps.sum}: the sum over {@code params.axis} (null: all), with {@code params.keepdims}. */
    SUM(
            ARRAYS,
            List.of(Param.AXIS, Param.KEEPDIMS),
            tensors("a"),
            out(),
            (i, v) -> i.arrays().sum(v.get(2), v.get(0), v.<Boolean>get(1))),
    /** {@code ArrayOps.reshape}: {@code a} reshaped to {@code params.dims}. */
    RESHAPE(
            ARRAYS,
            List.of(Param.DIMS),
            tensors("a"),
            out(),
            (i, v) -> i.arrays().reshape(v.get(1), v.<int[]>get(0))),
    /** {@code Activations.apply}: the activation {@code params.activation} of {@code z}. */
    ACTIVATION(
            ACTIVATIONS,
            List.of(Param.ACTIVATION),
            tensors("z"),
            out(),
            (i, v) -> i.activations().apply(v.get(0), v.get(1))),
    /** {@code Activations.derivative}: the activation's derivative at {@code z}. */
    ACTIVATION_DERIVATIVE(
            ACTIVATIONS,
            List.of(Param.ACTIVATION),
            tensors("z"),
            out(),
            (i, v) -> i.activations().derivative(v.get(0), v.get(1))),
    /** {@code Activations.maxout}: the maximum over the pieces. */
    MAXOUT(
            ACTIVATIONS,
            NONE,
            tensors("pieces"),
            out(),
            (i, v) -> i.activations().maxout(v.get(0))),
    /** {@code Activations.maxoutDerivative}: 1 at the winning piece of every position, 0 elsewhere. */
    MAXOUT_DERIVATIVE(
            ACTIVATIONS,
            NONE,
            tensors("pieces"),
            out(),
            (i, v) -> i.activations().maxoutDerivative(v.get(0))),
    /** {@code Loss.loss}: the cross-entropy loss of every entry, from probabilities {@code y_hat}. */
    LOSS(Capability.LOSS, NONE, tensors("y_hat", "y"), out(), (i, v) -> i.loss().loss(v.get(0), v.get(1))),
    /** {@code Loss.cost}: the cost J = (1/m) Σ L, from probabilities, as a 0-d tensor. */
    COST(
            Capability.LOSS,
            NONE,
            tensors("y_hat", "y"),
            number(),
            (i, v) -> i.loss().cost(v.get(0), v.get(1))),
    /** {@code Loss.lossFromLogits}: the cross-entropy loss of every entry, from logits {@code z}. */
    LOSS_FROM_LOGITS(
            Capability.LOSS, NONE, tensors("z", "y"), out(), (i, v) -> i.loss().lossFromLogits(v.get(0), v.get(1))),
    /** {@code Loss.costFromLogits}: the cost J = (1/m) Σ L, from logits, as a 0-d tensor. */
    COST_FROM_LOGITS(
            Capability.LOSS,
            NONE,
            tensors("z", "y"),
            number(),
            (i, v) -> i.loss().costFromLogits(v.get(0), v.get(1))),
    /** {@code LogisticRegression.forward}: the predicted probabilities for {@code x}. */
    LR_FORWARD(
            LOGISTIC_REGRESSION,
            NONE,
            List.of(in("params", LOGISTIC_PARAMETERS), in("x")),
            out(),
            (i, v) -> i.logisticRegression().forward(v.get(0), v.get(1))),
    /** {@code LogisticRegression.cost}: the cost on {@code (x, y)}. */
    LR_COST(
            LOGISTIC_REGRESSION,
            NONE,
            List.of(in("params", LOGISTIC_PARAMETERS), in("x"), in("y")),
            number(),
            (i, v) -> i.logisticRegression().cost(v.get(0), v.get(1), v.get(2))),
    /** {@code LogisticRegression.backward}: the gradients {@code dw}, {@code db}. */
    LR_BACKWARD(
            LOGISTIC_REGRESSION,
            NONE,
            List.of(in("params", LOGISTIC_PARAMETERS), in("x"), in("y")),
            flat(LOGISTIC_GRADIENTS),
            (i, v) -> i.logisticRegression().backward(v.get(0), v.get(1), v.get(2))),
    /** {@code LogisticRegression.step}: one gradient-descent update of the parameters. */
    LR_STEP(
            LOGISTIC_REGRESSION,
            List.of(Param.LEARNING_RATE),
            List.of(in("params", LOGISTIC_PARAMETERS), in("grads", LOGISTIC_GRADIENTS)),
            parameters(LOGISTIC_PARAMETERS),
            (i, v) -> i.logisticRegression().step(v.get(1), v.get(2), v.<Double>get(0))),
    /** {@code LogisticRegression.train}: {@code params.iterations} steps; the parameters and the costs. */
    LR_TRAIN(
            LOGISTIC_REGRESSION,
            List.of(Param.LEARNING_RATE, Param.ITERATIONS),
            List.of(in("params", LOGISTIC_PARAMETERS), in("x"), in("y")),
            flat(LOGISTIC_TRAINING),
            (i, v) -> i.logisticRegression().train(v.get(2), v.get(3), v.get(4), v.<Double>get(0), v.<Integer>get(1))),
    /** {@code TwoLayerNetwork.initialize}: Gaussian initial parameters for the sizes nx, nh, ny. */
    NET_INITIALIZE(
            TWO_LAYER_NETWORK,
            List.of(Param.NETWORK_SIZES, Param.INITIALIZATION),
            tensors(),
            parameters(NETWORK_PARAMETERS),
            (i, v) -> i.twoLayerNetwork().initialize(v.get(0), v.get(1))),
    /** {@code TwoLayerNetwork.forward}: the cache z1, a1, z2, a2. */
    NET_FORWARD(
            TWO_LAYER_NETWORK,
            List.of(Param.ACTIVATION),
            List.of(in("params", NETWORK_PARAMETERS), in("x")),
            flat(FORWARD_CACHE),
            (i, v) -> i.twoLayerNetwork().forward(v.get(1), v.get(2), v.get(0))),
    /** {@code TwoLayerNetwork.cost}: the cost on {@code (x, y)}. */
    NET_COST(
            TWO_LAYER_NETWORK,
            List.of(Param.ACTIVATION),
            List.of(in("params", NETWORK_PARAMETERS), in("x"), in("y")),
            number(),
            (i, v) -> i.twoLayerNetwork().cost(v.get(1), v.get(2), v.get(3), v.get(0))),
    /** {@code TwoLayerNetwork.backward}: the gradients dw1, db1, dw2, db2; without a cache, the forward pass's. */
    NET_BACKWARD(
            TWO_LAYER_NETWORK,
            List.of(Param.ACTIVATION),
            List.of(in("params", NETWORK_PARAMETERS), in("x"), in("y"), optional("cache", FORWARD_CACHE)),
            flat(NETWORK_GRADIENTS),
            (i, v) -> {
                var net = i.twoLayerNetwork();
                ForwardCache cache = v.isNull(4) ? net.forward(v.get(1), v.get(2), v.get(0)) : v.get(4);
                return net.backward(v.get(1), cache, v.get(2), v.get(3), v.get(0));
            }),
    /** {@code TwoLayerNetwork.step}: one gradient-descent update of the parameters. */
    NET_STEP(
            TWO_LAYER_NETWORK,
            List.of(Param.LEARNING_RATE),
            List.of(in("params", NETWORK_PARAMETERS), in("grads", NETWORK_GRADIENTS)),
            parameters(NETWORK_PARAMETERS),
            (i, v) -> i.twoLayerNetwork().step(v.get(1), v.get(2), v.<Double>get(0))),
    /** {@code TwoLayerNetwork.train}: {@code params.iterations} steps; the parameters and the costs. */
    NET_TRAIN(
            TWO_LAYER_NETWORK,
            List.of(Param.ACTIVATION, Param.LEARNING_RATE, Param.ITERATIONS),
            List.of(in("params", NETWORK_PARAMETERS), in("x"), in("y")),
            flat(NETWORK_TRAINING),
            (i, v) -> i.twoLayerNetwork()
                    .train(v.get(3), v.get(4), v.get(5), v.get(0), v.<Double>get(1), v.<Integer>get(2))),
    /** {@code TwoLayerNetwork.collapse}: NET-4's affine map w = W2·W1, b = W2·b1 + b2. */
    NET_COLLAPSE(
            TWO_LAYER_NETWORK,
            NONE,
            List.of(in("params", NETWORK_PARAMETERS)),
            flat(AFFINE_MAP),
            (i, v) -> i.twoLayerNetwork().collapse(v.get(0))),
    /** {@code DeepNetwork.initialize}: Gaussian initial parameters for {@code params.layer_sizes}. */
    DEEP_INITIALIZE(
            DEEP_NETWORK,
            List.of(Param.LAYER_SIZES, Param.INITIALIZATION),
            tensors(),
            parameters(DEEP_PARAMETERS),
            (i, v) -> i.deepNetwork().initialize(v.get(0), v.get(1))),
    /** {@code DeepNetwork.forward}: the cache z1, a1, …, zL, aL. */
    DEEP_FORWARD(
            DEEP_NETWORK,
            List.of(Param.ACTIVATION),
            List.of(in("params", DEEP_PARAMETERS), in("x")),
            flat(DEEP_CACHE),
            (i, v) -> i.deepNetwork().forward(v.get(1), v.get(2), v.get(0))),
    /** {@code DeepNetwork.cost}: the cost on {@code (x, y)}. */
    DEEP_COST(
            DEEP_NETWORK,
            List.of(Param.ACTIVATION),
            List.of(in("params", DEEP_PARAMETERS), in("x"), in("y")),
            number(),
            (i, v) -> i.deepNetwork().cost(v.get(1), v.get(2), v.get(3), v.get(0))),
    /** {@code DeepNetwork.backward}: the gradients dw1, db1, …, dwL, dbL; without a cache, the forward pass's. */
    DEEP_BACKWARD(
            DEEP_NETWORK,
            List.of(Param.ACTIVATION),
            List.of(in("params", DEEP_PARAMETERS), in("x"), in("y"), optional("cache", DEEP_CACHE)),
            flat(DEEP_GRADIENTS),
            (i, v) -> {
                var net = i.deepNetwork();
                DeepCache cache = v.isNull(4) ? net.forward(v.get(1), v.get(2), v.get(0)) : v.get(4);
                return net.backward(v.get(1), cache, v.get(2), v.get(3), v.get(0));
            }),
    /** {@code DeepNetwork.step}: one gradient-descent update of the parameters. */
    DEEP_STEP(
            DEEP_NETWORK,
            List.of(Param.LEARNING_RATE),
            List.of(in("params", DEEP_PARAMETERS), in("grads", DEEP_GRADIENTS)),
            parameters(DEEP_PARAMETERS),
            (i, v) -> i.deepNetwork().step(v.get(1), v.get(2), v.<Double>get(0))),
    /** {@code DeepNetwork.train}: {@code params.iterations} steps; the parameters and the costs. */
    DEEP_TRAIN(
            DEEP_NETWORK,
            List.of(Param.ACTIVATION, Param.LEARNING_RATE, Param.ITERATIONS),
            List.of(in("params", DEEP_PARAMETERS), in("x"), in("y")),
            flat(DEEP_TRAINING),
            (i, v) ->
                    i.deepNetwork().train(v.get(3), v.get(4), v.get(5), v.get(0), v.<Double>get(1), v.<Integer>get(2)));

    /** The API call an operation stands for. */
    @FunctionalInterface
    interface Call {
        /** Calls the API on {@code impl} with the decoded arguments; its result, boxed. */
        Object call(Implementation impl, Values values);
    }

    /** The decoded arguments of one call: the parameters' values, then the inputs'; a missing optional input is null. */
    static final class Values {
        private final Object[] values;

        Values(Object[] values) {
            this.values = values;
        }

        /** The argument at {@code index}, as the type the API call expects. */
        @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
        <T> T get(int index) {
            return (T) values[index];
        }

        boolean isNull(int index) {
            return values[index] == null;
        }
    }

    /**
     * A request's {@code params} and {@code inputs}.
     *
     * @param params the parameters' fields
     * @param inputs the inputs
     */
    public record Request(ObjectNode params, ObjectNode inputs) {}

    private final Capability capability;
    private final String wireName;
    private final List<Param<?>> params;
    private final List<Input<?>> inputs;
    private final Output<?> output;
    private final Call call;

    Operation(Capability capability, List<Param<?>> params, List<Input<?>> inputs, Output<?> output, Call call) {
        this.capability = capability;
        this.wireName = name().toLowerCase(Locale.ROOT);
        this.params = params;
        this.inputs = inputs;
        this.output = output;
        this.call = call;
    }

    /**
     * The capability that provides it.
     *
     * @return the capability an implementation must declare for this operation
     */
    public Capability capability() {
        return capability;
    }

    /**
     * Its name in golden files and protocol requests: {@code add}, {@code lr_step}.
     *
     * @return the constant's name in lower case
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Its parameters, as the API's arguments.
     *
     * @return the parameters in request order
     */
    public List<Param<?>> params() {
        return params;
    }

    /**
     * The fields of its {@code params}, all required.
     *
     * @return every field of every parameter, in request order ({@code activation}, {@code parameter}, …)
     */
    public List<Param.Field> paramFields() {
        return params.stream().flatMap(p -> p.fields().stream()).toList();
    }

    /**
     * Its inputs.
     *
     * @return the inputs in request order
     */
    public List<Input<?>> inputs() {
        return inputs;
    }

    /**
     * Its output.
     *
     * @return what it returns and under which flat names
     */
    public Output<?> output() {
        return output;
    }

    /**
     * The operation with this wire name, if there is one.
     *
     * @param wireName the name in a golden file or protocol request, such as {@code lr_step}
     * @return the operation, or empty
     */
    public static Optional<Operation> named(String wireName) {
        return Arrays.stream(values())
                .filter(op -> op.wireName.equals(wireName))
                .findFirst();
    }

    /**
     * The operation with this wire name.
     *
     * @param wireName the name in a golden file or protocol request, such as {@code lr_step}
     * @return the operation
     * @throws JsonFormatException for an unknown name, listing the known ones
     */
    public static Operation of(String wireName) {
        return named(wireName)
                .orElseThrow(() -> new JsonFormatException("unknown operation \"" + wireName + "\"; known: "
                        + Arrays.stream(values()).map(Operation::wireName).toList()));
    }

    /**
     * Decodes {@code params} and {@code inputs}, calls the operation on {@code impl} and returns its
     * outputs flattened, in the documented order: the golden runner's and the protocol server's side.
     *
     * @param impl the implementation to call
     * @param params the operation's parameters (a JSON object)
     * @param inputs the operation's inputs (a JSON object of tensors and parameter sets)
     * @return the named outputs, such as {@code "out"} or {@code "dw"}, {@code "db"}
     * @throws JsonFormatException for malformed parameters or inputs
     */
    public Map<String, Tensor> invoke(Implementation impl, JsonNode params, JsonNode inputs) {
        List<Object> values = new ArrayList<>();
        for (Param<?> p : this.params) {
            values.add(p.decode(params));
        }
        for (Input<?> in : this.inputs) {
            values.add(
                    in.optional() && !inputs.has(in.name())
                            ? null
                            : in.form().fromJson(Json.required(inputs, in.name(), "inputs"), "inputs." + in.name()));
        }
        Object result = call.call(impl, new Values(values.toArray()));
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        output.form().flatten(output.name(), result, outputs);
        return outputs;
    }

    /**
     * Encodes a call's arguments as a request: the protocol client's side.
     *
     * @param values the parameters' values, then the inputs' values, in the table's order (a missing
     *     optional input is null)
     * @return the request's {@code params} and {@code inputs}
     */
    public Request request(Object... values) {
        checkArity(values);
        ObjectNode p = Json.MAPPER.createObjectNode();
        for (int i = 0; i < params.size(); i++) {
            params.get(i).encode(values[i], p);
        }
        ObjectNode in = Json.MAPPER.createObjectNode();
        for (int i = 0; i < inputs.size(); i++) {
            Object v = values[params.size() + i];
            if (v != null || !inputs.get(i).optional()) {
                in.set(inputs.get(i).name(), inputs.get(i).form().toJson(v));
            }
        }
        return new Request(p, in);
    }

    /**
     * Reads a success's outputs as the API's return value: the protocol client's side. The number of
     * layers of a deep network's outputs is the request's, as is the number of costs.
     *
     * @param outputs the answer's outputs by flat name
     * @param faults what a missing output or a number or costs of the wrong shape is
     * @param values the request's values, as given to {@link #request}
     * @return the API's return value, boxed
     * @throws AssertionError for parameters answered for layer sizes with no layer
     */
    public Object result(Map<String, Tensor> outputs, Faults faults, Object... values) {
        checkArity(values);
        int layers = 0;
        int iterations = 0;
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) == Param.LAYER_SIZES) {
                int[] sizes = (int[]) values[i];
                if (sizes.length < 2) {
                    throw new AssertionError("\"" + wireName + "\" answered layer sizes " + Arrays.toString(sizes)
                            + ", which have no layer, with parameters; expected an INVALID_ARGUMENT error");
                }
                layers = sizes.length - 1;
            } else if (params.get(i) == Param.ITERATIONS) {
                iterations = (Integer) values[i];
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (values[params.size() + i] instanceof DeepParameters p) {
                layers = p.layers();
            }
        }
        return output.form().unflatten(output.name(), outputs, new Answer(this, faults, layers, iterations));
    }

    private void checkArity(Object[] values) {
        if (values.length != params.size() + inputs.size()) {
            throw new IllegalArgumentException("\"" + wireName + "\" takes " + params.size() + " parameters and "
                    + inputs.size() + " inputs, found " + values.length + " values");
        }
    }

    @Override
    public String toString() {
        return wireName;
    }
}
