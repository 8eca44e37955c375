package org.dlbasis.wire;

import java.util.Arrays;
import java.util.List;

/**
 * One input of an operation: a named field of a request's {@code inputs}.
 *
 * @param name the field's name, such as {@code x} or {@code params}
 * @param form its JSON form
 * @param optional whether a request may leave it out (net_backward's cache: then the forward pass
 *     computes it)
 * @param <T> its Java type
 */
public record Input<T>(String name, Form<T> form, boolean optional) {
    /** A required tensor. */
    static Input<org.dlbasis.spec.tensor.Tensor> in(String name) {
        return new Input<>(name, Form.TENSOR, false);
    }

    /** Required tensors, one per name; none for none. */
    static List<Input<?>> tensors(String... names) {
        return Arrays.stream(names).<Input<?>>map(Input::in).toList();
    }

    /** A required input of {@code form}. */
    static <T> Input<T> in(String name, Form<T> form) {
        return new Input<>(name, form, false);
    }

    /** An optional input of {@code form}. */
    static <T> Input<T> optional(String name, Form<T> form) {
        return new Input<>(name, form, true);
    }
}
