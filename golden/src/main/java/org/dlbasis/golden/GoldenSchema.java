package org.dlbasis.golden;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dlbasis.golden.json.Operation;

/**
 * What each {@link Operation} of a golden case takes and returns: its parameters with their JSON types,
 * its inputs (tensors, numbers, or objects of them) and the names of its outputs, exactly as
 * {@link org.dlbasis.golden.json.Operations} decodes and returns them (golden-data/README.md,
 * spec/PROTOCOL.md). {@link GoldenFile} checks every case against it when the file is read, so a
 * case that cannot be decoded never reaches an implementation.
 */
final class GoldenSchema {
    /** The JSON type of a parameter. */
    enum Param {
        /** A JSON integer that fits an int. */
        INT,
        /** {@code null} or a JSON integer. */
        AXIS,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An array of JSON integers (negative ones included: reshape's −1 and its errors). */
        INTS,
        /** A double (a JSON number or "NaN", "Infinity", "-Infinity"). */
        NUMBER,
        /** The lower-case name of an activation kind. */
        ACTIVATION,
        /** A JSON integer that fits a long. */
        SEED
    }

    /** The JSON form of an input: a tensor or a double; an object of inputs is a nested map. */
    enum Value {
        TENSOR,
        NUMBER
    }

    /**
     * An object of one tensor per layer and prefix, the deep network's flat encoding: for prefixes
     * {@code w, b}, exactly {@code w1 … wL} and {@code b1 … bL} for one L ≥ 1 (spec/PROTOCOL.md).
     *
     * @param prefixes the names before the layer number, e.g. {@code w}, {@code b}
     */
    record Layered(List<String> prefixes) {
        /** The names, e.g. {@code w1 … wL, b1 … bL}. */
        String describe() {
            return String.join(
                    ", ", prefixes.stream().map(p -> p + "1 … " + p + "L").toList());
        }
    }

    /** In an output name, the place of a layer number: {@code params.w{l}} is params.w1, params.w2, …. */
    static final String LAYER = "{l}";

    /**
     * One operation.
     *
     * @param inputs input name → {@link Value}, {@link Layered} or a nested {@code Map<String, Object>}; a name ending
     *     in {@code ?} is optional
     * @param params parameter name → type, all required
     * @param outputs the flattened output names ({@code out}, {@code params.w}, …; {@code params.w{l}} for
     *     one per layer)
     */
    record Op(Map<String, Object> inputs, Map<String, Param> params, List<String> outputs) {
        /** Whether {@code name} is one of the outputs, a {@link #LAYER} standing for any layer number 1, 2, …. */
        boolean hasOutput(String name) {
            return outputs.stream()
                    .anyMatch(output -> name.matches(Pattern.quote(output).replace(LAYER, "\\E[1-9][0-9]{0,8}\\Q")));
        }
    }

    private static final Value T = Value.TENSOR;
    private static final Value N = Value.NUMBER;
    private static final Map<String, Op> OPS = build();

    private GoldenSchema() {}

    /** The operation called {@code name}, or null if there is none. */
    static Op op(String name) {
        return OPS.get(name);
    }

    /** Every operation name. */
    static Set<String> names() {
        return OPS.keySet();
    }

    private static Map<String, Op> build() {
        Map<String, Op> ops = new LinkedHashMap<>();
        List<String> out = List.of("out");
        Map<String, Object> ab = map("a", T, "b", T);
        for (String op : List.of("add", "subtract", "multiply", "divide", "maximum", "greater", "dot")) {
            ops.put(op, new Op(ab, params(), out));
        }
        for (String op : List.of("exp", "log", "transpose")) {
            ops.put(op, new Op(map("a", T), params(), out));
        }
        ops.put("sum", new Op(map("a", T), params("axis", Param.AXIS, "keepdims", Param.BOOLEAN), out));
        ops.put("reshape", new Op(map("a", T), params("dims", Param.INTS), out));

        Map<String, Param> activation = params("activation", Param.ACTIVATION, "parameter", Param.NUMBER);
        ops.put("activation", new Op(map("z", T), activation, out));
        ops.put("activation_derivative", new Op(map("z", T), activation, out));
        ops.put("maxout", new Op(map("pieces", T), params(), out));
        ops.put("maxout_derivative", new Op(map("pieces", T), params(), out));

        ops.put("loss", new Op(map("y_hat", T, "y", T), params(), out));
        ops.put("cost", new Op(map("y_hat", T, "y", T), params(), out));
        ops.put("loss_from_logits", new Op(map("z", T, "y", T), params(), out));
        ops.put("cost_from_logits", new Op(map("z", T, "y", T), params(), out));

        Map<String, Object> lr = map("w", T, "b", N);
        List<String> lrParams = List.of("params.w", "params.b");
        Map<String, Param> rate = params("learning_rate", Param.NUMBER);
        Map<String, Param> training = params("learning_rate", Param.NUMBER, "iterations", Param.INT);
        ops.put("lr_forward", new Op(map("params", lr, "x", T), params(), out));
        ops.put("lr_cost", new Op(map("params", lr, "x", T, "y", T), params(), out));
        ops.put("lr_backward", new Op(map("params", lr, "x", T, "y", T), params(), List.of("dw", "db")));
        ops.put("lr_step", new Op(map("params", lr, "grads", map("dw", T, "db", N)), rate, lrParams));
        ops.put(
                "lr_train",
                new Op(map("params", lr, "x", T, "y", T), training, List.of("params.w", "params.b", "costs")));

        Map<String, Object> net = map("w1", T, "b1", T, "w2", T, "b2", T);
        List<String> netParams = List.of("params.w1", "params.b1", "params.w2", "params.b2");
        Map<String, Param> netTraining = new LinkedHashMap<>(activation);
        netTraining.putAll(training);
        ops.put(
                "net_initialize",
                new Op(
                        map(),
                        params(
                                "nx",
                                Param.INT,
                                "nh",
                                Param.INT,
                                "ny",
                                Param.INT,
                                "scale",
                                Param.NUMBER,
                                "seed",
                                Param.SEED),
                        netParams));
        ops.put("net_forward", new Op(map("params", net, "x", T), activation, List.of("z1", "a1", "z2", "a2")));
        ops.put("net_cost", new Op(map("params", net, "x", T, "y", T), activation, out));
        ops.put(
                "net_backward",
                new Op(
                        map("params", net, "x", T, "y", T, "cache?", map("z1", T, "a1", T, "z2", T, "a2", T)),
                        activation,
                        List.of("dw1", "db1", "dw2", "db2")));
        ops.put(
                "net_step",
                new Op(map("params", net, "grads", map("dw1", T, "db1", T, "dw2", T, "db2", T)), rate, netParams));
        ops.put(
                "net_train",
                new Op(
                        map("params", net, "x", T, "y", T),
                        Collections.unmodifiableMap(netTraining),
                        List.of("params.w1", "params.b1", "params.w2", "params.b2", "costs")));
        Layered deep = new Layered(List.of("w", "b"));
        List<String> deepParams = List.of("params.w" + LAYER, "params.b" + LAYER);
        ops.put(
                "deep_initialize",
                new Op(
                        map(),
                        params("layer_sizes", Param.INTS, "scale", Param.NUMBER, "seed", Param.SEED),
                        deepParams));
        ops.put("deep_forward", new Op(map("params", deep, "x", T), activation, List.of("z" + LAYER, "a" + LAYER)));
        ops.put("deep_cost", new Op(map("params", deep, "x", T, "y", T), activation, out));
        ops.put(
                "deep_backward",
                new Op(
                        map("params", deep, "x", T, "y", T, "cache?", new Layered(List.of("z", "a"))),
                        activation,
                        List.of("dw" + LAYER, "db" + LAYER)));
        ops.put("deep_step", new Op(map("params", deep, "grads", new Layered(List.of("dw", "db"))), rate, deepParams));
        ops.put(
                "deep_train",
                new Op(
                        map("params", deep, "x", T, "y", T),
                        Collections.unmodifiableMap(netTraining),
                        List.of("params.w" + LAYER, "params.b" + LAYER, "costs")));
        Set<String> wire = new java.util.LinkedHashSet<>();
        for (Operation op : Operation.values()) {
            wire.add(op.wireName());
        }
        if (!ops.keySet().equals(wire)) {
            throw new IllegalStateException("GoldenSchema and Operation disagree: " + ops.keySet() + " vs " + wire);
        }
        return Collections.unmodifiableMap(ops);
    }

    private static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Param> params(Object... namesAndTypes) {
        Map<String, Param> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            m.put((String) namesAndTypes[i], (Param) namesAndTypes[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
