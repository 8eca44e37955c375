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
     * @param shape the shape
     * @param data the values in row-major order; copied
     * @throws MalformedTensorException if {@code data.length != shape.size()}
     */
    public static Tensor of(Shape shape, double... data) {
        if (data.length != shape.size()) {
            throw new MalformedTensorException(
                    "shape " + shape + " needs " + shape.size() + " values, found " + data.length);
        }
        return new Tensor(shape, data.clone());
    }

    /** A 0-d tensor, shape {@code ()}. */
    public static Tensor scalar(double value) {
        return new Tensor(Shape.scalar(), new double[] {value});
    }

    /** A rank-1 tensor, shape {@code (n,)}. */
    public static Tensor vector(double... values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /** A rank-2 tensor from rows; every row must have the same length. */
    public static Tensor matrix(double[]... rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new MalformedTensorException(
                        "row " + i + " has " + rows[i].length + " values, expected " + cols);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(Shape.of(rows.length, cols), data);
    }

    /** A column vector, shape {@code (n,1)}. */
    public static Tensor column(double... values) {
        return new Tensor(Shape.of(values.length, 1), values.clone());
    }

    /** A row vector, shape {@code (1,n)}. */
    public static Tensor row(double... values) {
        return new Tensor(Shape.of(1, values.length), values.clone());
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static Tensor full(Shape shape, double value) {
        double[] data = new double[shape.size()];
        Arrays.fill(data, value);
        return new Tensor(shape, data);
    }

    public static Tensor zeros(int... dims) {
        return full(Shape.of(dims), 0.0);
    }

    public Shape shape() {
        return shape;
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return data.length;
    }

    /** The value at a multi-index (one index per axis, no negative indices). */
    public double get(int... index) {
        int flat = shape.flatIndex(index);
        if (flat < 0) {
            throw new MalformedTensorException("index " + java.util.Arrays.toString(index)
                    + " is out of bounds for an array of shape " + shape);
        }
        return data[flat];
    }

    /** The value at a row-major flat index. */
    public double flat(int i) {
        return data[i];
    }

    /** The single value of a size-1 tensor of any rank (numpy's {@code item()}). */
    public double item() {
        if (data.length != 1) {
            throw new MalformedTensorException(
                    "can only convert an array of size 1 to a number, found shape " + shape);
        }
        return data[0];
    }

    /** A copy of the values in row-major order. */
    public double[] toArray() {
        return data.clone();
    }

    /** A new tensor of the same shape with {@code f} applied to every value. */
    public Tensor map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(shape, out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + shape + Arrays.toString(data.length > 16 ? Arrays.copyOf(data, 16) : data)
                .replace("]", data.length > 16 ? ", ...]" : "]");
    }
}
