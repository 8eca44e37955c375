package org.dlbasis.tck.oracle;

import java.util.function.DoubleBinaryOperator;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * An independent oracle for the array clauses, written as plainly as possible: explicit tiling
 * for broadcasting and triple loops for products. It never calls an implementation.
 */
public final class ArrayOracle {
    private ArrayOracle() {}

    /**
     * {@code t} repeated along its size-1 (or missing leading) axes up to {@code target} (BCAST-2).
     *
     * @param t the tensor, whose shape broadcasts to {@code target}
     * @param target the shape to tile to
     * @return the tiled tensor, of shape {@code target}
     */
    public static Tensor tile(Tensor t, Shape target) {
        int offset = target.rank() - t.rank();
        double[] out = new double[target.size()];
        int[] index = new int[target.rank()];
        for (int k = 0; k < out.length; k++) {
            int[] source = new int[t.rank()];
            for (int axis = 0; axis < t.rank(); axis++) {
                source[axis] = t.shape().dim(axis) == 1 ? 0 : index[offset + axis];
            }
            out[k] = t.get(source);
            for (int axis = target.rank() - 1; axis >= 0 && ++index[axis] == target.dim(axis); axis--) {
                index[axis] = 0;
            }
        }
        return Tensor.of(target, out);
    }

    /**
     * {@code op} on two tensors of equal shape.
     *
     * @param a the left operand
     * @param b the right operand, of the same shape
     * @param op the operation on one pair of elements
     * @return {@code op(a[i], b[i])} for every i, of that same shape
     */
    public static Tensor elementwise(Tensor a, Tensor b, DoubleBinaryOperator op) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.applyAsDouble(a.flat(i), b.flat(i));
        }
        return Tensor.of(a.shape(), out);
    }

    /**
     * C[i][j] = Σₖ A[i][k] B[k][j], by the textbook triple loop.
     *
     * @param a the matrix A, shape (n, k)
     * @param b the matrix B, shape (k, m)
     * @return the product C, shape (n, m)
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        int n = a.shape().dim(0);
        int k = a.shape().dim(1);
        int m = b.shape().dim(1);
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c[i * m + j] = s;
            }
        }
        return Tensor.of(Shape.of(n, m), c);
    }

    /**
     * Σₖ |A[i][k] B[k][j]| for each entry: the data of the SUM(k) tolerance.
     *
     * @param a the matrix A, shape (n, k)
     * @param b the matrix B, shape (k, m)
     * @return the sums of absolute products, shape (n, m)
     */
    public static Tensor matmulAbs(Tensor a, Tensor b) {
        return matmul(a.map(Math::abs), b.map(Math::abs));
    }

    /**
     * The transpose of a matrix.
     *
     * @param a the matrix, shape (r, c)
     * @return its transpose, shape (c, r)
     */
    public static Tensor transpose(Tensor a) {
        int r = a.shape().dim(0);
        int c = a.shape().dim(1);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = a.get(i, j);
            }
        }
        return Tensor.of(Shape.of(c, r), out);
    }

    /**
     * Row sums of a matrix as an (r, 1) column.
     *
     * @param a the matrix, shape (r, c)
     * @return the sum of each row, shape (r, 1)
     */
    public static Tensor rowSums(Tensor a) {
        int r = a.shape().dim(0);
        int c = a.shape().dim(1);
        double[] out = new double[r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i] += a.get(i, j);
            }
        }
        return Tensor.of(Shape.of(r, 1), out);
    }

    /**
     * x·s for every element.
     *
     * @param a the tensor
     * @param s the factor
     * @return the scaled tensor, of the same shape
     */
    public static Tensor scale(Tensor a, double s) {
        return a.map(v -> v * s);
    }

    /**
     * Σ|x| over all elements.
     *
     * @param a the tensor
     * @return the sum of the absolute values, 0 for an empty tensor
     */
    public static double absSum(Tensor a) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += Math.abs(a.flat(i));
        }
        return s;
    }

    /**
     * Column j of a matrix as an (r, 1) column.
     *
     * @param a the matrix, shape (r, c)
     * @param j the column, from 0
     * @return column j, shape (r, 1)
     */
    public static Tensor column(Tensor a, int j) {
        int r = a.shape().dim(0);
        double[] out = new double[r];
        for (int i = 0; i < r; i++) {
            out[i] = a.get(i, j);
        }
        return Tensor.of(Shape.of(r, 1), out);
    }
}
