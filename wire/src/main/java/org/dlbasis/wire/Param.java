package org.dlbasis.wire;

import static org.dlbasis.wire.Json.required;
import static org.dlbasis.wire.Json.toDouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.error.SpecException;

/**
 * One argument of an API call that travels in a request's {@code params}, as one or more flat
 * fields: an {@link Activation} is {@code "activation"} and {@code "parameter"}.
 *
 * @param <T> the argument's Java type
 */
public final class Param<T> {
    /** No parameters: {@code "params": {}}. */
    public static final List<Param<?>> NONE = List.of();

    /** {@code ArrayOps.sum}'s axis: {@code "axis"}, null or an int. */
    public static final Param<Integer> AXIS = new Param<>(
            List.of(new Field("axis", ParamType.AXIS)),
            (axis, into) -> {
                if (axis == null) {
                    into.putNull("axis");
                } else {
                    into.put("axis", axis);
                }
            },
            params -> {
                JsonNode axis = required(params, "axis", "params");
                return axis.isNull() ? null : axis.intValue();
            });
    /** {@code ArrayOps.sum}'s keepdims: {@code "keepdims"}. */
    public static final Param<Boolean> KEEPDIMS = new Param<>(
            List.of(new Field("keepdims", ParamType.BOOLEAN)),
            (keepdims, into) -> into.put("keepdims", keepdims),
            params -> required(params, "keepdims", "params").asBoolean());
    /** {@code ArrayOps.reshape}'s new dimensions: {@code "dims"}. */
    public static final Param<int[]> DIMS = ints("dims");
    /** A hidden activation: {@code "activation"} (its kind's wire name) and {@code "parameter"}. */
    public static final Param<Activation> ACTIVATION = new Param<>(
            List.of(new Field("activation", ParamType.ACTIVATION), new Field("parameter", ParamType.NUMBER)),
            (g, into) -> {
                into.put("activation", g.kind().wireName());
                into.set("parameter", Json.number(g.parameter()));
            },
            Param::activation);
    /** Gradient descent's α: {@code "learning_rate"}. */
    public static final Param<Double> LEARNING_RATE = new Param<>(
            List.of(new Field("learning_rate", ParamType.NUMBER)),
            (rate, into) -> into.set("learning_rate", Json.number(rate)),
            params -> toDouble(required(params, "learning_rate", "params"), "params.learning_rate"));
    /** A training run's number of steps k: {@code "iterations"}. */
    public static final Param<Integer> ITERATIONS = new Param<>(
            List.of(new Field("iterations", ParamType.INT)),
            (k, into) -> into.put("iterations", k),
            params -> Json.integer(params, "iterations", "params"));
    /** The two-layer network's sizes: {@code "nx"}, {@code "nh"}, {@code "ny"}. */
    public static final Param<LayerSizes> NETWORK_SIZES = new Param<>(
            List.of(new Field("nx", ParamType.INT), new Field("nh", ParamType.INT), new Field("ny", ParamType.INT)),
            (s, into) -> into.put("nx", s.nx()).put("nh", s.nh()).put("ny", s.ny()),
            params -> new LayerSizes(
                    Json.integer(params, "nx", "params"),
                    Json.integer(params, "nh", "params"),
                    Json.integer(params, "ny", "params")));
    /** The deep network's sizes n[0] … n[L]: {@code "layer_sizes"}. */
    public static final Param<int[]> LAYER_SIZES = ints("layer_sizes");
    /** A Gaussian initialization: {@code "scale"} and {@code "seed"}. */
    public static final Param<Initialization> INITIALIZATION = new Param<>(
            List.of(new Field("scale", ParamType.NUMBER), new Field("seed", ParamType.SEED)),
            (init, into) -> {
                into.set("scale", Json.number(init.scale()));
                into.put("seed", init.seed());
            },
            params -> Initialization.gaussian(
                    toDouble(required(params, "scale", "params"), "params.scale"),
                    required(params, "seed", "params").asLong()));

    /**
     * One field of {@code params}.
     *
     * @param name the field's name
     * @param type its JSON type
     */
    public record Field(String name, ParamType type) {}

    private final List<Field> fields;
    private final BiConsumer<T, ObjectNode> encode;
    private final Function<JsonNode, T> decode;

    private Param(List<Field> fields, BiConsumer<T, ObjectNode> encode, Function<JsonNode, T> decode) {
        this.fields = fields;
        this.encode = encode;
        this.decode = decode;
    }

    /**
     * Its fields, in request order.
     *
     * @return the fields of {@code params} that carry this argument
     */
    public List<Field> fields() {
        return fields;
    }

    /** Writes {@code value}'s fields into {@code params}. */
    @SuppressWarnings("unchecked")
    void encode(Object value, ObjectNode params) {
        encode.accept((T) value, params);
    }

    /** Reads the argument from {@code params}; a missing or malformed field is a JsonFormatException. */
    T decode(JsonNode params) {
        return decode.apply(params);
    }

    private static Param<int[]> ints(String name) {
        return new Param<>(
                List.of(new Field(name, ParamType.INTS)),
                (dims, into) -> {
                    var array = into.putArray(name);
                    for (int d : dims) {
                        array.add(d);
                    }
                },
                params -> {
                    JsonNode dims = required(params, name, "params");
                    int[] d = new int[dims.size()];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = dims.get(i).intValue();
                    }
                    return d;
                });
    }

    /** {@code {"activation": "leaky_relu", "parameter": 0.1}} → the API's activation. */
    private static Activation activation(JsonNode params) {
        String name = Json.text(params, "activation", "params");
        double p = toDouble(required(params, "parameter", "params"), "params.parameter");
        try {
            return new Activation(
                    Activation.Kind.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(name)), p);
        } catch (IllegalArgumentException e) {
            if (e instanceof SpecException) {
                throw e;
            }
            throw new JsonFormatException("params.activation: unknown activation \"" + name + "\"", e);
        }
    }
}
