package org.dlbasis.wire;

import static org.dlbasis.wire.Json.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The JSON form of one value of the API, an input or an output (spec/PROTOCOL.md): a tensor, a
 * number, a record of named members ({@code {"w": tensor, "b": 0.5}}), or the deep network's flat
 * layers ({@code {"w1", "b1", …, "wL", "bL"}}). As an input a record is a nested object; as an output
 * its members are flattened into dotted names ({@code params.w}), every leaf a tensor (a number is
 * a 0-d tensor, the costs a rank-1 tensor).
 *
 * @param <T> the Java type of the value
 */
public final class Form<T> {
    /** The leaves. */
    public enum Leaf {
        /** A tensor. */
        TENSOR,
        /** A double: a JSON number in inputs, a 0-d tensor in outputs. */
        NUMBER,
        /** A training run's k + 1 costs: a rank-1 tensor of shape (k+1,), only in outputs. */
        COSTS
    }

    /** A tensor. */
    public static final Form<Tensor> TENSOR = new Form<>("tensor", Leaf.TENSOR, List.of(), null, List.of(), null);
    /** A double. */
    public static final Form<Double> NUMBER = new Form<>("double", Leaf.NUMBER, List.of(), null, List.of(), null);
    /** The costs J(θ₀), …, J(θₖ). */
    public static final Form<double[]> COSTS = new Form<>("costs", Leaf.COSTS, List.of(), null, List.of(), null);

    /** Logistic regression's w (n, 1) and b. */
    public static final Form<LogisticParameters> LOGISTIC_PARAMETERS = record(
            "logisticParameters",
            v -> new LogisticParameters((Tensor) v.get(0), (Double) v.get(1)),
            member("w", TENSOR, LogisticParameters::w),
            member("b", NUMBER, LogisticParameters::b));
    /** Logistic regression's dw and db. */
    public static final Form<LogisticGradients> LOGISTIC_GRADIENTS = record(
            "logisticGradients",
            v -> new LogisticGradients((Tensor) v.get(0), (Double) v.get(1)),
            member("dw", TENSOR, LogisticGradients::dw),
            member("db", NUMBER, LogisticGradients::db));
    /** The two-layer network's W1, b1, W2, b2, written w1, b1, w2, b2. */
    public static final Form<NetworkParameters> NETWORK_PARAMETERS = record(
            "networkParameters",
            v -> new NetworkParameters((Tensor) v.get(0), (Tensor) v.get(1), (Tensor) v.get(2), (Tensor) v.get(3)),
            member("w1", TENSOR, NetworkParameters::w1),
            member("b1", TENSOR, NetworkParameters::b1),
            member("w2", TENSOR, NetworkParameters::w2),
            member("b2", TENSOR, NetworkParameters::b2));
    /** The two-layer network's gradients. */
    public static final Form<NetworkGradients> NETWORK_GRADIENTS = record(
            "networkGradients",
            v -> new NetworkGradients((Tensor) v.get(0), (Tensor) v.get(1), (Tensor) v.get(2), (Tensor) v.get(3)),
            member("dw1", TENSOR, NetworkGradients::dw1),
            member("db1", TENSOR, NetworkGradients::db1),
            member("dw2", TENSOR, NetworkGradients::dw2),
            member("db2", TENSOR, NetworkGradients::db2));
    /** net_forward's cache Z1, A1, Z2, A2. */
    public static final Form<ForwardCache> FORWARD_CACHE = record(
            "forwardCache",
            v -> new ForwardCache((Tensor) v.get(0), (Tensor) v.get(1), (Tensor) v.get(2), (Tensor) v.get(3)),
            member("z1", TENSOR, ForwardCache::z1),
            member("a1", TENSOR, ForwardCache::a1),
            member("z2", TENSOR, ForwardCache::z2),
            member("a2", TENSOR, ForwardCache::a2));
    /** NET-4's collapsed affine map W (n[2], n[0]) and b (n[2], 1). */
    public static final Form<AffineMap> AFFINE_MAP = record(
            "affineMap",
            v -> new AffineMap((Tensor) v.get(0), (Tensor) v.get(1)),
            member("w", TENSOR, AffineMap::w),
            member("b", TENSOR, AffineMap::b));
    /** The deep network's parameters w1 … wL, b1 … bL. */
    public static final Form<DeepParameters> DEEP_PARAMETERS = layered(
            "deepParameters",
            l -> new DeepParameters(l.get(0), l.get(1)),
            layer("w", DeepParameters::w),
            layer("b", DeepParameters::b));
    /** The deep network's gradients dw1 … dwL, db1 … dbL. */
    public static final Form<DeepGradients> DEEP_GRADIENTS = layered(
            "deepGradients",
            l -> new DeepGradients(l.get(0), l.get(1)),
            layer("dw", DeepGradients::dw),
            layer("db", DeepGradients::db));
    /** deep_forward's cache z1 … zL, a1 … aL. */
    public static final Form<DeepCache> DEEP_CACHE = layered(
            "deepCache", l -> new DeepCache(l.get(0), l.get(1)), layer("z", DeepCache::z), layer("a", DeepCache::a));
    /** Logistic regression's training run: the parameters and the costs. */
    public static final Form<Training<LogisticParameters>> LOGISTIC_TRAINING = training(LOGISTIC_PARAMETERS);
    /** The two-layer network's training run. */
    public static final Form<Training<NetworkParameters>> NETWORK_TRAINING = training(NETWORK_PARAMETERS);
    /** The deep network's training run. */
    public static final Form<Training<DeepParameters>> DEEP_TRAINING = training(DEEP_PARAMETERS);

    /**
     * A named part of a record.
     *
     * @param name its name in the JSON object
     * @param form its form
     * @param get reads it from the record
     * @param <T> the record's type
     */
    public record Member<T>(String name, Form<?> form, Function<T, ?> get) {}

    /**
     * The tensors of one prefix of a layered form, layer 1 first.
     *
     * @param prefix the name before the layer number, e.g. {@code w}
     * @param get reads them from the value
     * @param <T> the value's type
     */
    public record Layer<T>(String prefix, Function<T, List<Tensor>> get) {}

    /** In a flattened output name, the place of a layer number: {@code params.w{l}} is params.w1, params.w2, …. */
    public static final String LAYER = "{l}";

    private final String name;
    private final Leaf leaf;
    private final List<Member<T>> members;
    private final Function<List<Object>, T> build;
    private final List<Layer<T>> layers;
    private final Function<List<List<Tensor>>, T> buildLayers;

    private Form(
            String name,
            Leaf leaf,
            List<Member<T>> members,
            Function<List<Object>, T> build,
            List<Layer<T>> layers,
            Function<List<List<Tensor>>, T> buildLayers) {
        this.name = name;
        this.leaf = leaf;
        this.members = members;
        this.build = build;
        this.layers = layers;
        this.buildLayers = buildLayers;
    }

    @SafeVarargs
    private static <T> Form<T> record(String name, Function<List<Object>, T> build, Member<T>... members) {
        return new Form<>(name, null, List.of(members), build, List.of(), null);
    }

    @SafeVarargs
    private static <T> Form<T> layered(String name, Function<List<List<Tensor>>, T> build, Layer<T>... layers) {
        return new Form<>(name, null, List.of(), null, List.of(layers), build);
    }

    private static <T> Member<T> member(String name, Form<?> form, Function<T, ?> get) {
        return new Member<>(name, form, get);
    }

    private static <T> Layer<T> layer(String prefix, Function<T, List<Tensor>> get) {
        return new Layer<>(prefix, get);
    }

    @SuppressWarnings("unchecked")
    private static <P> Form<Training<P>> training(Form<P> parameters) {
        return record(
                "training",
                v -> new Training<>((P) v.get(0), (double[]) v.get(1)),
                member("params", parameters, Training::parameters),
                member("costs", COSTS, Training::costs));
    }

    /**
     * Its name in operations.schema.json's {@code $defs} for a record or a layered form
     * ({@code networkParameters}); {@code tensor}, {@code double} or {@code costs} for a leaf.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The leaf it is, or null for a record or a layered form.
     *
     * @return the leaf or null
     */
    public Leaf leaf() {
        return leaf;
    }

    /**
     * A record's members, in order; empty otherwise.
     *
     * @return the members
     */
    public List<Member<T>> members() {
        return members;
    }

    /**
     * A layered form's prefixes, in order ({@code w}, {@code b}); empty otherwise.
     *
     * @return the prefixes
     */
    public List<String> prefixes() {
        return layers.stream().map(Layer::prefix).toList();
    }

    // ------------------------------------------------------------------ inputs: nested JSON

    /** The value as a request's input: a tensor, a number, or an object of them. */
    @SuppressWarnings("unchecked")
    JsonNode toJson(Object value) {
        if (leaf == Leaf.TENSOR) {
            return Json.tensor((Tensor) value);
        }
        if (leaf != null) {
            return Json.number((Double) value);
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        T v = (T) value;
        for (Member<T> m : members) {
            node.set(m.name(), m.form().toJson(m.get().apply(v)));
        }
        List<List<Tensor>> lists = layers.stream().map(l -> l.get().apply(v)).toList();
        for (int l = 1; !lists.isEmpty() && l <= lists.get(0).size(); l++) { // interleaved: w1, b1, w2, b2, …
            for (int i = 0; i < layers.size(); i++) {
                node.set(layers.get(i).prefix() + l, Json.tensor(lists.get(i).get(l - 1)));
            }
        }
        return node;
    }

    /**
     * Decodes an input at {@code path}; the deep network's layers are read in order up to the first
     * missing one, and lists of different lengths are its record's INVALID_ARGUMENT.
     */
    @SuppressWarnings("unchecked")
    T fromJson(JsonNode node, String path) {
        if (leaf == Leaf.TENSOR) {
            return (T) Json.toTensor(node, path);
        }
        if (leaf != null) {
            return (T) (Double) Json.toDouble(node, path);
        }
        if (!members.isEmpty()) {
            List<Object> values = new ArrayList<>();
            for (Member<T> m : members) {
                values.add(m.form().fromJson(required(node, m.name(), path), path + "." + m.name()));
            }
            return build.apply(values);
        }
        List<List<Tensor>> lists = new ArrayList<>();
        for (Layer<T> layer : layers) {
            List<Tensor> tensors = new ArrayList<>();
            for (int l = 1; node.has(layer.prefix() + l); l++) {
                tensors.add(Json.toTensor(node.get(layer.prefix() + l), path + "." + layer.prefix() + l));
            }
            lists.add(tensors);
        }
        return buildLayers.apply(lists);
    }

    // ------------------------------------------------------------------ outputs: flat named tensors

    /** {@code prefix} and {@code name} joined by a dot, or {@code name} alone. */
    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** The flattened output names under {@code name} and their leaves, {@link #LAYER} standing for each layer number. */
    void outputLeaves(String name, Map<String, Leaf> into) {
        if (leaf != null) {
            into.put(name, leaf);
        }
        for (Member<T> m : members) {
            m.form().outputLeaves(join(name, m.name()), into);
        }
        for (Layer<T> layer : layers) {
            into.put(join(name, layer.prefix()) + LAYER, Leaf.TENSOR);
        }
    }

    /** The value as a success's outputs, flattened under {@code name}; layers interleaved. */
    @SuppressWarnings("unchecked")
    void flatten(String name, Object value, Map<String, Tensor> into) {
        if (leaf != null) {
            into.put(
                    name,
                    switch (leaf) {
                        case TENSOR -> (Tensor) value;
                        case NUMBER -> Tensor.scalar((Double) value);
                        case COSTS -> Tensor.vector((double[]) value);
                    });
            return;
        }
        T v = (T) value;
        for (Member<T> m : members) {
            m.form().flatten(join(name, m.name()), m.get().apply(v), into);
        }
        List<List<Tensor>> lists = layers.stream().map(l -> l.get().apply(v)).toList();
        for (int l = 1; !lists.isEmpty() && l <= lists.get(0).size(); l++) {
            for (int i = 0; i < layers.size(); i++) {
                into.put(join(name, layers.get(i).prefix()) + l, lists.get(i).get(l - 1));
            }
        }
    }

    /**
     * Reads the value from a success's outputs, member by member and, for layers, prefix by prefix;
     * a missing output, or a number or costs of the wrong shape, is the answer's fault.
     */
    T unflatten(String name, Map<String, Tensor> outputs, Answer answer) {
        if (leaf != null) {
            return leaf(name, answer.output(outputs, name), answer);
        }
        if (!members.isEmpty()) {
            List<Object> values = new ArrayList<>();
            for (Member<T> m : members) {
                values.add(m.form().unflatten(join(name, m.name()), outputs, answer));
            }
            return build.apply(values);
        }
        List<List<Tensor>> lists = new ArrayList<>();
        for (Layer<T> layer : layers) {
            List<Tensor> tensors = new ArrayList<>();
            for (int l = 1; l <= answer.layers(); l++) {
                tensors.add(answer.output(outputs, join(name, layer.prefix()) + l));
            }
            lists.add(tensors);
        }
        return buildLayers.apply(lists);
    }

    @SuppressWarnings("unchecked")
    private T leaf(String name, Tensor t, Answer answer) {
        switch (leaf) {
            case NUMBER:
                if (t.rank() != 0) {
                    answer.wrongShape(name, Shape.scalar(), t.shape());
                }
                return (T) (Double) t.flat(0);
            case COSTS:
                if (t.rank() != 1 || t.size() != answer.iterations() + 1) {
                    answer.wrongShape(name, Shape.of(answer.iterations() + 1), t.shape());
                }
                return (T) t.toArray();
            default:
                return (T) t;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
