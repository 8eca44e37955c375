package org.dlbasis.reference.array;

import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The bridge between {@link Tensor} and EJML's row-major {@link DMatrixRMaj}, and the 2-D matrix
 * product that everything else builds on. EJML is not asked to handle zero-size dimensions:
 * a product with an inner dimension of 0 is the zero matrix, by definition of an empty sum.
 */
public final class MatrixProduct {
    private MatrixProduct() {}

    /**
     * A (rows, cols) EJML matrix holding a copy of the values of a rank-2 tensor.
     *
     * @param t a rank-2 tensor
     * @return a new EJML matrix with its values
     */
    public static DMatrixRMaj toMatrix(Tensor t) {
        return new DMatrixRMaj(t.shape().dim(0), t.shape().dim(1), true, t.toArray());
    }

    /**
     * A (rows, cols) tensor holding the values of an EJML matrix (shares nothing with it).
     *
     * @param m the EJML matrix
     * @return a rank-2 tensor with a copy of its values
     */
    public static Tensor toTensor(DMatrixRMaj m) {
        return Tensor.of(Shape.of(m.numRows, m.numCols), java.util.Arrays.copyOf(m.data, m.getNumElements()));
    }

    /**
     * C = A B for A (n,k) and B (k,m); the caller has checked k.
     *
     * @param a A, shape (n,k)
     * @param b B, shape (k,m)
     * @return C, shape (n,m); zeros when k = 0
     */
    public static Tensor multiply(Tensor a, Tensor b) {
        int n = a.shape().dim(0);
        int m = b.shape().dim(1);
        if (n == 0 || m == 0 || a.shape().dim(1) == 0) {
            return Tensor.zeros(n, m);
        }
        DMatrixRMaj c = new DMatrixRMaj(n, m);
        CommonOps_DDRM.mult(toMatrix(a), toMatrix(b), c);
        return toTensor(c);
    }
}
