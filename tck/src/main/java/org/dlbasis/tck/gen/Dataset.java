package org.dlbasis.tck.gen;

import org.dlbasis.spec.tensor.Tensor;

/**
 * A training set: X (n, m) with samples as columns and Y (r, m) of 0/1 labels (N4).
 *
 * @param x the inputs X, shape (n, m)
 * @param y the labels Y, shape (r, m), each 0 or 1
 */
public record Dataset(Tensor x, Tensor y) {

    /**
     * The number of features.
     *
     * @return n, the rows of X
     */
    public int n() {
        return x.shape().dim(0);
    }

    /**
     * The number of samples.
     *
     * @return m, the columns of X
     */
    public int m() {
        return x.shape().dim(1);
    }

    @Override
    public String toString() {
        return "Dataset[X=" + x + ", Y=" + y + "]";
    }
}
