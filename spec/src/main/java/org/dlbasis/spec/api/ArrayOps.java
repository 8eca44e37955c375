package org.dlbasis.spec.api;

import org.dlbasis.spec.error.AxisOutOfBoundsException;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * numpy's array semantics for the operations the note uses (SPEC ARR-*, BCAST-*, RANK1-*).
 *
 * <p>Binary element-wise operations broadcast (SPEC BCAST-1): shapes are aligned at their last
 * axis; each pair of dimensions must be equal or one of them 1; the result takes the larger (a 1
 * against a 0 gives 0). Element-wise results follow IEEE 754 binary64: NaN and ±∞ propagate.
 */
public interface ArrayOps {

    /**
     * {@code a + b}, broadcasting.
     *
     * @param a the left operand
     * @param b the right operand
     * @return the element-wise sum, of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    Tensor add(Tensor a, Tensor b);

    /**
     * {@code a - b}, broadcasting.
     *
     * @param a the left operand
     * @param b the right operand
     * @return the element-wise difference, of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    Tensor subtract(Tensor a, Tensor b);

    /**
     * {@code a * b}, element-wise, broadcasting (N29: it does broadcast).
     *
     * @param a the left operand
     * @param b the right operand
     * @return the element-wise product, of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    Tensor multiply(Tensor a, Tensor b);

    /**
     * {@code a / b}, broadcasting; x/0 follows IEEE 754.
     *
     * @param a the dividend
     * @param b the divisor
     * @return the element-wise quotient, of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    Tensor divide(Tensor a, Tensor b);

    /**
     * {@code np.maximum(a, b)}, broadcasting; NaN if either operand is NaN.
     *
     * @param a the left operand
     * @param b the right operand
     * @return the element-wise maximum, of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    Tensor maximum(Tensor a, Tensor b);

    /**
     * {@code (a > b)} as 1.0/0.0, broadcasting; a mask for ReLU-style code.
     *
     * @param a the left operand
     * @param b the right operand
     * @return 1.0 where {@code a > b} and 0.0 elsewhere (NaN compares false), of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    Tensor greater(Tensor a, Tensor b);

    /**
     * e^x element-wise.
     *
     * @param a the exponents
     * @return e raised to each value, same shape as {@code a}
     */
    Tensor exp(Tensor a);

    /**
     * Natural log element-wise: log 0 = −∞, log of a negative number = NaN (IEEE).
     *
     * @param a the arguments
     * @return the natural logarithm of each value, same shape as {@code a}
     */
    Tensor log(Tensor a);

    /**
     * numpy's {@code a.T}: axes reversed; a 0-d or rank-1 array is returned unchanged (N25).
     *
     * @param a the array
     * @return {@code a} with its axes in reverse order
     */
    Tensor transpose(Tensor a);

    /**
     * numpy's {@code np.dot} for operands of rank 0 to 2 (SPEC ARR-4):
     * 0-d with anything: element-wise product; (n,)·(n,) → () inner product; (n,k)·(k,) → (n,);
     * (k,)·(k,m) → (m,); (n,k)·(k,m) → (n,m). It never broadcasts (N30 erratum).
     *
     * @param a the left operand, rank 0 to 2
     * @param b the right operand, rank 0 to 2
     * @return the product, of the shape listed above
     * @throws ShapeMismatchException {@code shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)}
     * @throws InvalidArgumentException for an operand of rank above 2 (outside the spec, ARR-5)
     */
    Tensor dot(Tensor a, Tensor b);

    /**
     * {@code np.sum(a, axis, keepdims)} (SPEC ARR-6). The sum of no elements is 0.
     *
     * @param a the array to sum
     * @param axis {@code null} to sum everything, otherwise an axis in {@code [-rank, rank)}
     * @param keepdims keep the summed axis (or all axes, when {@code axis} is null) as size 1
     * @return the sums: {@code a}'s shape without the summed axis (or {@code ()} when {@code axis}
     *     is null), or with it as 1 when {@code keepdims}
     * @throws AxisOutOfBoundsException {@code axis 2 is out of bounds for array of dimension 2}
     */
    Tensor sum(Tensor a, Integer axis, boolean keepdims);

    /**
     * {@code a.reshape(dims)} in row-major order; one dimension may be −1 and is inferred (ARR-7).
     *
     * @param a the array
     * @param dims the new dimensions, at most one of them −1
     * @return the same values in row-major order, with the new shape
     * @throws ShapeMismatchException {@code cannot reshape array of size 6 into shape (4,)}
     * @throws InvalidArgumentException {@code can only specify one unknown dimension}, or a
     *     dimension below −1
     */
    Tensor reshape(Tensor a, int... dims);
}
