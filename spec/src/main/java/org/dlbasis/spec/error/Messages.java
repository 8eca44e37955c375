package org.dlbasis.spec.error;

import org.dlbasis.spec.tensor.Shape;

/**
 * The exact error texts of the spec (SPEC ERR-1), in one place so that every implementation and
 * every test formats them identically. Where numpy has a text, this is numpy's (without the
 * trailing space numpy 2.4 appends to the broadcast message).
 */
public final class Messages {
    private Messages() {}

    /**
     * {@code operands could not be broadcast together with shapes (4,3) (4,)}
     *
     * @param a the left operand's shape
     * @param b the right operand's shape
     * @return numpy's broadcast message
     */
    public static String broadcast(Shape a, Shape b) {
        return "operands could not be broadcast together with shapes " + a + " " + b;
    }

    /**
     * {@code shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)}
     *
     * @param a the left operand's shape, rank 1 or 2
     * @param b the right operand's shape, rank 1 or 2
     * @return numpy's dot message, naming the two dimensions that differ
     */
    public static String notAligned(Shape a, Shape b) {
        int aAxis = a.rank() - 1;
        int bAxis = b.rank() == 1 ? 0 : b.rank() - 2;
        return "shapes " + a + " and " + b + " not aligned: " + a.dim(aAxis) + " (dim " + aAxis + ") != " + b.dim(bAxis)
                + " (dim " + bAxis + ")";
    }

    /**
     * {@code cannot reshape array of size 6 into shape (4,)}; {@code requested} may contain -1.
     *
     * @param size the array's size
     * @param requested the dimensions asked for, as given
     * @return numpy's reshape message
     */
    public static String reshape(int size, int... requested) {
        return "cannot reshape array of size " + size + " into shape " + Shape.format(requested);
    }

    /**
     * {@code can only specify one unknown dimension}
     *
     * @return numpy's message for a reshape with two or more −1
     */
    public static String reshapeTwoUnknowns() {
        return "can only specify one unknown dimension";
    }

    /**
     * {@code axis 2 is out of bounds for array of dimension 2}
     *
     * @param axis the axis asked for, as given
     * @param rank the array's rank
     * @return numpy's axis message
     */
    public static String axis(int axis, int rank) {
        return "axis " + axis + " is out of bounds for array of dimension " + rank;
    }

    /**
     * {@code <what> must have shape (3,1), found (1,3)} for parameters and labels.
     *
     * @param what the argument's name, e.g. {@code W1} or {@code labels}
     * @param expected the shape it must have
     * @param found the shape it has
     * @return the message of SPEC DIM-3
     */
    public static String expectedShape(String what, Shape expected, Shape found) {
        return what + " must have shape " + expected + ", found " + found;
    }

    /**
     * {@code <what> must be finite, found NaN at index 4}
     *
     * @param what the argument's name, e.g. {@code X}
     * @param value the first non-finite value
     * @param flatIndex its row-major index
     * @return the message of SPEC ERR-3
     */
    public static String nonFinite(String what, double value, int flatIndex) {
        return what + " must be finite, found " + value + " at index " + flatIndex;
    }
}
