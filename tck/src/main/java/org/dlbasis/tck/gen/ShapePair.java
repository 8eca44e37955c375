package org.dlbasis.tck.gen;

import org.dlbasis.spec.tensor.Shape;

/** Two operand shapes, and (for broadcastable pairs) the shape numpy gives their result. */
public record ShapePair(Shape a, Shape b, Shape result) {

    public ShapePair swapped() {
        return new ShapePair(b, a, result);
    }

    @Override
    public String toString() {
        return a + " " + b + (result == null ? "" : " -> " + result);
    }
}
