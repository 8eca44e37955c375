package org.dlbasis.tck.gen;

import org.dlbasis.spec.tensor.Shape;

/**
 * Two operand shapes, and (for broadcastable pairs) the shape numpy gives their result.
 *
 * @param a the left operand's shape
 * @param b the right operand's shape
 * @param result the broadcast result's shape, or null for a pair numpy refuses
 */
public record ShapePair(Shape a, Shape b, Shape result) {

    /**
     * The same pair with the operands swapped.
     *
     * @return {@code (b, a)}, with the same result shape
     */
    public ShapePair swapped() {
        return new ShapePair(b, a, result);
    }

    @Override
    public String toString() {
        return a + " " + b + (result == null ? "" : " -> " + result);
    }
}
