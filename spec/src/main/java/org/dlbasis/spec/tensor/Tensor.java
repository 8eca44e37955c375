package org.dlbasis.spec.tensor;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable, language-neutral n-dimensional float64 array: a {@link Shape} and its values in
 * row-major (C) order. This is the only value that crosses the implementation API, the golden
 * files and the cross-language protocol, so it carries no behaviour beyond access and equality.
 *
 * <p>Equality is bitwise on the values ({@link Double#doubleToLongBits}), so {@code NaN} equals
 * {@code NaN} and {@code 0.0} differs from {@code -0.0}; numerical comparison under a tolerance is
 * the business of the suite, not of this class.
 */
public final class Tensor {
    private final Shape shape;
    private final double[] data;

    private Tensor(Shape shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor from its shape and values.
     *
     * @param shape the shape
     * @param data the values in row-major order; copied
     * @return the tensor
     * @throws MalformedTensorException if {@code data.length != shape.size()}
     */
    public static Tensor of(Shape shape, double... data) {
        if (data.length != shape.size()) {
            throw new MalformedTensorException(
                    "shape " + shape + " needs " + shape.size() + " values, found " + data.length);
        }
        return new Tensor(shape, data.clone());
    }

    /**
     * A 0-d tensor, shape {@code ()}.
     *
     * @param value its one value
     * @return the tensor
     */
    public static Tensor scalar(double value) {
        return new Tensor(Shape.scalar(), new double[] {value});
    }

    /**
     * A rank-1 tensor, shape {@code (n,)}.
     *
     * @param values its n values; copied
     * @return the tensor
     */
    public static Tensor vector(double... values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /**
     * A rank-2 tensor from rows; every row must have the same length.
     *
     * @param rows the rows, each copied; none gives shape {@code (0,0)}
     * @return the tensor, shape {@code (rows, columns)}
     * @throws MalformedTensorException if the rows differ in length
     */
    public static Tensor matrix(double[]... rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new MalformedTensorException("row " + i + " has " + rows[i].length + " values, expected " + cols);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(Shape.of(rows.length, cols), data);
    }

    /**
     * A column vector, shape {@code (n,1)}.
     *
     * @param values its n values; copied
     * @return the tensor
     */
    public static Tensor column(double... values) {
        return new Tensor(Shape.of(values.length, 1), values.clone());
    }

    /**
     * A row vector, shape {@code (1,n)}.
     *
     * @param values its n values; copied
     * @return the tensor
     */
    public static Tensor row(double... values) {
        return new Tensor(Shape.of(1, values.length), values.clone());
    }

    /**
     * A tensor of the given shape filled with {@code value}.
     *
     * @param shape the shape
     * @param value every entry's value
     * @return the tensor
     */
    public static Tensor full(Shape shape, double value) {
        double[] data = new double[shape.size()];
        Arrays.fill(data, value);
        return new Tensor(shape, data);
    }

    /**
     * numpy's {@code np.zeros(dims)}.
     *
     * @param dims the dimensions, outermost first
     * @return a tensor of that shape holding 0.0 everywhere
     * @throws MalformedTensorException if a dimension is negative
     */
    public static Tensor zeros(int... dims) {
        return full(Shape.of(dims), 0.0);
    }

    /**
     * The shape.
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
    }

    /**
     * The number of axes, {@code shape().rank()}.
     *
     * @return the rank
     */
    public int rank() {
        return shape.rank();
    }

    /**
     * The number of values, {@code shape().size()}.
     *
     * @return the size
     */
    public int size() {
        return data.length;
    }

    /**
     * The value at a multi-index (one index per axis, no negative indices).
     *
     * @param index one index per axis
     * @return the value there
     * @throws MalformedTensorException if the index is out of bounds or has the wrong rank
     */
    public double get(int... index) {
        int flat = shape.flatIndex(index);
        if (flat < 0) {
            throw new MalformedTensorException(
                    "index " + java.util.Arrays.toString(index) + " is out of bounds for an array of shape " + shape);
        }
        return data[flat];
    }

    /**
     * The value at a row-major flat index.
     *
     * @param i an index in {@code [0, size())}
     * @return the value there
     * @throws ArrayIndexOutOfBoundsException for an index outside {@code [0, size())}
     */
    public double flat(int i) {
        return data[i];
    }

    /**
     * The single value of a size-1 tensor of any rank (numpy's {@code item()}).
     *
     * @return the value
     * @throws MalformedTensorException if the size is not 1
     */
    public double item() {
        if (data.length != 1) {
            throw new MalformedTensorException("can only convert an array of size 1 to a number, found shape " + shape);
        }
        return data[0];
    }

    /**
     * A copy of the values in row-major order.
     *
     * @return the values, a new array
     */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * A new tensor of the same shape with {@code f} applied to every value.
     *
     * @param f the function
     * @return f of every value, same shape
     */
    public Tensor map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(shape, out);
    }

    /**
     * Equal shapes and bitwise-equal values ({@code NaN} equals {@code NaN}, {@code 0.0} differs
     * from {@code -0.0}).
     *
     * @param o another object
     * @return whether {@code o} is a tensor with the same shape and the same bits
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    /**
     * A hash consistent with {@link #equals}.
     *
     * @return the hash of the shape and the values' bits
     */
    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    /**
     * For messages and debugging: the shape and at most the first 16 values.
     *
     * @return e.g. {@code Tensor(2,2)[1.0, 2.0, 3.0, 4.0]}
     */
    @Override
    public String toString() {
        return "Tensor" + shape
                + Arrays.toString(data.length > 16 ? Arrays.copyOf(data, 16) : data)
                        .replace("]", data.length > 16 ? ", ...]" : "]");
    }
}
