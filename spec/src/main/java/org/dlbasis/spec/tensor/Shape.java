package org.dlbasis.spec.tensor;

import java.util.Arrays;

/**
 * The shape of a {@link Tensor}: a tuple of non-negative dimensions, as in numpy.
 *
 * <p>Rank 0 is {@code ()} (a scalar), rank 1 is {@code (5,)} (numpy's "rank-1 array", neither
 * row nor column, SPEC RANK1-1), rank 2 is {@code (n,m)}. Dimensions may be zero, e.g.
 * {@code (0,3)}: such a shape has size 0. {@link #toString()} is the single shape formatter used by
 * every error message of the spec (numpy's compact form: {@code ()}, {@code (4,)}, {@code (4,3)}).
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int[] strides;

    private Shape(int[] dims) {
        this.dims = dims;
        this.strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
    }

    /**
     * A shape from its dimensions.
     *
     * @param dims the dimensions, outermost first; none for {@code ()}
     * @return the shape
     * @throws MalformedTensorException if a dimension is negative or the size overflows an int
     */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        long size = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new MalformedTensorException("negative dimensions are not allowed: " + format(dims));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new MalformedTensorException("array is too big: shape " + format(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /**
     * The 0-d shape {@code ()}.
     *
     * @return {@code ()}, of size 1
     */
    public static Shape scalar() {
        return SCALAR;
    }

    /**
     * The number of axes.
     *
     * @return 0 for {@code ()}, 1 for {@code (n,)}, 2 for {@code (n,m)}
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Dimension {@code axis}; negative axes count from the end as in numpy.
     *
     * @param axis an axis in {@code [-rank, rank)}
     * @return the size of that axis
     * @throws ArrayIndexOutOfBoundsException for an axis outside {@code [-rank, rank)}
     */
    public int dim(int axis) {
        return dims[axis < 0 ? axis + dims.length : axis];
    }

    /**
     * Product of the dimensions; 1 for {@code ()}, 0 if any dimension is 0.
     *
     * @return the number of elements
     */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    /**
     * A copy of the dimensions.
     *
     * @return the dimensions, outermost first
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Row-major (C order) strides in elements: the last axis varies fastest.
     *
     * @return one stride per axis, in elements (not bytes)
     */
    public int[] strides() {
        return strides.clone();
    }

    /**
     * The row-major flat index of a multi-index, or −1 if an index is out of bounds or the rank differs.
     *
     * @param index one index per axis, none negative
     * @return the flat index, or −1
     */
    public int flatIndex(int... index) {
        if (index.length != dims.length) {
            return -1;
        }
        int flat = 0;
        for (int axis = 0; axis < index.length; axis++) {
            if (index[axis] < 0 || index[axis] >= dims[axis]) {
                return -1;
            }
            flat += index[axis] * strides[axis];
        }
        return flat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** numpy's compact tuple form: {@code ()}, {@code (5,)}, {@code (4,3)}. */
    @Override
    public String toString() {
        return format(dims);
    }

    /**
     * Formats raw dimensions (which may include numpy's {@code -1}) the way {@link #toString()} does.
     *
     * @param dims the dimensions, not validated
     * @return the tuple, e.g. {@code (-1,4)}
     */
    public static String format(int... dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(dims[i]);
        }
        if (dims.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
