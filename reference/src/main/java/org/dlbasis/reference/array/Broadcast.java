package org.dlbasis.reference.array;

import java.util.function.DoubleBinaryOperator;
import org.dlbasis.spec.error.Messages;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * numpy's broadcasting (SPEC BCAST-1, BCAST-2): align shapes at the last axis, pad the shorter
 * with leading 1s; per axis the dimensions must be equal or one of them 1, and the result takes
 * the other. A size-1 axis is read with stride 0, which is the same as tiling it.
 */
public final class Broadcast {
    private Broadcast() {}

    /**
     * The broadcast shape of {@code a} and {@code b}.
     *
     * @param a one operand's shape
     * @param b the other operand's shape
     * @return the shape both broadcast to
     * @throws ShapeMismatchException {@code operands could not be broadcast together with shapes (4,3) (4,)}
     */
    public static Shape shape(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromEnd(a, rank - 1 - i);
            int db = dimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(Messages.broadcast(a, b));
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    /**
     * {@code op(a, b)} element by element over the broadcast shape.
     *
     * @param a the left operand
     * @param b the right operand
     * @param op the element-wise operation
     * @return {@code op} of every pair of broadcast entries, of the broadcast shape
     * @throws ShapeMismatchException if the shapes do not broadcast
     */
    public static Tensor apply(Tensor a, Tensor b, DoubleBinaryOperator op) {
        Shape out = shape(a.shape(), b.shape());
        double[] x = a.toArray();
        double[] y = b.toArray();
        int[] sa = stridesIn(a.shape(), out);
        int[] sb = stridesIn(b.shape(), out);
        int[] dims = out.dims();
        int[] index = new int[dims.length];
        double[] result = new double[out.size()];
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < result.length; k++) {
            result[k] = op.applyAsDouble(x[ia], y[ib]);
            // advance the odometer: last axis fastest, carrying into earlier axes
            for (int axis = dims.length - 1; axis >= 0; axis--) {
                index[axis]++;
                ia += sa[axis];
                ib += sb[axis];
                if (index[axis] < dims[axis]) {
                    break;
                }
                ia -= sa[axis] * dims[axis];
                ib -= sb[axis] * dims[axis];
                index[axis] = 0;
            }
        }
        return Tensor.of(out, result);
    }

    /** Strides of {@code in} as seen from the broadcast shape {@code out}: 0 where {@code in} is 1 or absent. */
    private static int[] stridesIn(Shape in, Shape out) {
        int[] own = in.strides();
        int[] strides = new int[out.rank()];
        int offset = out.rank() - in.rank();
        for (int i = 0; i < in.rank(); i++) {
            strides[offset + i] = in.dim(i) == 1 ? 0 : own[i];
        }
        return strides;
    }

    private static int dimFromEnd(Shape s, int fromEnd) {
        return fromEnd < s.rank() ? s.dim(s.rank() - 1 - fromEnd) : 1;
    }
}
