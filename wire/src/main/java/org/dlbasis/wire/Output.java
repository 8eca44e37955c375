package org.dlbasis.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operation returns, flattened into named tensors: {@code out} for a tensor or a number,
 * {@code params.w}, {@code params.b} for parameters, {@code dw}, {@code db} for gradients.
 *
 * @param name the prefix of the flat names ({@code out}, {@code params}, or empty: the members' own names)
 * @param form the form of the API's return value
 * @param <T> the API's return type (boxed)
 */
public record Output<T>(String name, Form<T> form) {
    /** A tensor as {@code out}. */
    static Output<org.dlbasis.spec.tensor.Tensor> out() {
        return new Output<>("out", Form.TENSOR);
    }

    /** A number as {@code out}, a 0-d tensor. */
    static Output<Double> number() {
        return new Output<>("out", Form.NUMBER);
    }

    /** A record's members under their own names ({@code dw}, {@code db}). */
    static <T> Output<T> flat(Form<T> form) {
        return new Output<>("", form);
    }

    /** Parameters under {@code params.} ({@code params.w1}, …). */
    static <T> Output<T> parameters(Form<T> form) {
        return new Output<>("params", form);
    }

    /**
     * The flat output names, {@link Form#LAYER} standing for each layer number.
     *
     * @return e.g. {@code out}; {@code params.w, params.b, costs}; {@code params.w{l}, params.b{l}}
     */
    public List<String> names() {
        return List.copyOf(leaves().keySet());
    }

    /**
     * The flat output names with the leaf each is: a number is a 0-d tensor, the costs a rank-1 one.
     *
     * @return flat name → leaf, in output order
     */
    public Map<String, Form.Leaf> leaves() {
        Map<String, Form.Leaf> leaves = new LinkedHashMap<>();
        form.outputLeaves(name, leaves);
        return Collections.unmodifiableMap(leaves);
    }
}
