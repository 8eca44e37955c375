package org.dlbasis.reference.array;

import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.error.AxisOutOfBoundsException;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.error.Messages;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/** numpy's array semantics on {@link Tensor} (SPEC ARR-*, BCAST-*, RANK1-*). */
public final class ReferenceArrayOps implements ArrayOps {

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return Broadcast.apply(a, b, (x, y) -> x + y);
    }

    @Override
    public Tensor subtract(Tensor a, Tensor b) {
        return Broadcast.apply(a, b, (x, y) -> x - y);
    }

    @Override
    public Tensor multiply(Tensor a, Tensor b) {
        return Broadcast.apply(a, b, (x, y) -> x * y);
    }

    @Override
    public Tensor divide(Tensor a, Tensor b) {
        return Broadcast.apply(a, b, (x, y) -> x / y);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b) {
        return Broadcast.apply(a, b, Math::max);
    }

    @Override
    public Tensor greater(Tensor a, Tensor b) {
        return Broadcast.apply(a, b, (x, y) -> x > y ? 1.0 : 0.0);
    }

    @Override
    public Tensor exp(Tensor a) {
        return a.map(Math::exp);
    }

    @Override
    public Tensor log(Tensor a) {
        return a.map(Math::log);
    }

    /** Reverses the axes: out[i0, …, ik] = a[ik, …, i0]. */
    @Override
    public Tensor transpose(Tensor a) {
        int[] dims = a.shape().dims();
        int rank = dims.length;
        if (rank < 2) {
            return a;
        }
        int[] reversed = new int[rank];
        for (int i = 0; i < rank; i++) {
            reversed[i] = dims[rank - 1 - i];
        }
        Shape out = Shape.of(reversed);
        int[] inStrides = a.shape().strides();
        int[] index = new int[rank];
        double[] result = new double[a.size()];
        for (int k = 0; k < result.length; k++) {
            int source = 0;
            for (int axis = 0; axis < rank; axis++) {
                source += index[axis] * inStrides[rank - 1 - axis];
            }
            result[k] = a.flat(source);
            for (int axis = rank - 1; axis >= 0 && ++index[axis] == reversed[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return Tensor.of(out, result);
    }

    /** np.dot for ranks 0–2: rank-1 operands act as a row (left) or column (right), then drop that axis. */
    @Override
    public Tensor dot(Tensor a, Tensor b) {
        if (a.rank() > 2 || b.rank() > 2) {
            throw new InvalidArgumentException(
                    "dot is specified for operands of rank <= 2, found shapes " + a.shape() + " and " + b.shape());
        }
        if (a.rank() == 0 || b.rank() == 0) {
            return multiply(a, b);
        }
        int aInner = a.shape().dim(-1);
        int bInner = b.shape().dim(0);
        if (aInner != bInner) {
            throw new ShapeMismatchException(Messages.notAligned(a.shape(), b.shape()));
        }
        if (a.rank() == 1 && b.rank() == 1) {
            return Tensor.scalar(innerProduct(a, b));
        }
        Tensor left = a.rank() == 1 ? reshape(a, 1, aInner) : a;
        Tensor right = b.rank() == 1 ? reshape(b, bInner, 1) : b;
        Tensor product = MatrixProduct.multiply(left, right);
        return reshape(product, resultDims(a, b));
    }

    /** Σ aᵢbᵢ in index order, without copying the operands. */
    private static double innerProduct(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.flat(i) * b.flat(i);
        }
        return s;
    }

    /** The shape np.dot gives when at least one operand is a matrix: the rank-1 side's axis is dropped. */
    private static int[] resultDims(Tensor a, Tensor b) {
        if (a.rank() == 1) {
            return new int[] {b.shape().dim(1)};
        }
        if (b.rank() == 1) {
            return new int[] {a.shape().dim(0)};
        }
        return new int[] {a.shape().dim(0), b.shape().dim(1)};
    }

    @Override
    public Tensor sum(Tensor a, Integer axis, boolean keepdims) {
        if (axis == null) {
            double total = 0;
            for (int i = 0; i < a.size(); i++) {
                total += a.flat(i);
            }
            int[] ones = new int[keepdims ? a.rank() : 0];
            java.util.Arrays.fill(ones, 1);
            return Tensor.of(Shape.of(ones), new double[] {total});
        }
        if (a.rank() == 0 && (axis == 0 || axis == -1)) {
            return a; // numpy accepts axis 0 and -1 on a 0-d array and returns it (SPEC ARR-6)
        }
        return sumAlong(a, normalizeAxis(axis, a.rank()), keepdims);
    }

    /** Sums a viewed as (outer, n, inner) over its middle axis, in index order. */
    private static Tensor sumAlong(Tensor a, int axis, boolean keepdims) {
        int[] dims = a.shape().dims();
        int n = dims[axis];
        int inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int outer = sizeBefore(dims, axis);
        double[] result = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < inner; i++) {
                    result[o * inner + i] += a.flat((o * n + j) * inner + i);
                }
            }
        }
        return Tensor.of(Shape.of(withoutAxis(dims, axis, keepdims)), result);
    }

    private static int sizeBefore(int[] dims, int axis) {
        int size = 1;
        for (int i = 0; i < axis; i++) {
            size *= dims[i];
        }
        return size;
    }

    private static int[] withoutAxis(int[] dims, int axis, boolean keepdims) {
        if (keepdims) {
            int[] kept = dims.clone();
            kept[axis] = 1;
            return kept;
        }
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != axis) {
                out[j++] = dims[i];
            }
        }
        return out;
    }

    private static int normalizeAxis(int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new AxisOutOfBoundsException(Messages.axis(axis, rank));
        }
        return axis < 0 ? axis + rank : axis;
    }

    @Override
    public Tensor reshape(Tensor a, int... dims) {
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                if (unknown >= 0) {
                    throw new InvalidArgumentException(Messages.reshapeTwoUnknowns());
                }
                unknown = i;
            } else if (dims[i] < 0) {
                throw new InvalidArgumentException("negative dimensions not allowed: " + Shape.format(dims));
            } else {
                known *= dims[i];
            }
        }
        int[] resolved = dims.clone();
        if (unknown >= 0) {
            if (known == 0 || a.size() % known != 0) {
                throw new ShapeMismatchException(Messages.reshape(a.size(), dims));
            }
            resolved[unknown] = (int) (a.size() / known);
        } else if (known != a.size()) {
            throw new ShapeMismatchException(Messages.reshape(a.size(), dims));
        }
        return Tensor.of(Shape.of(resolved), a.toArray());
    }
}
