package org.dlbasis.tck.gen;

import org.dlbasis.spec.tensor.Tensor;

/**
 * A training set: X (n, m) with samples as columns and Y (r, m) of 0/1 labels (N4).
 */
public record Dataset(Tensor x, Tensor y) {

    public int n() {
        return x.shape().dim(0);
    }

    public int m() {
        return x.shape().dim(1);
    }

    @Override
    public String toString() {
        return "Dataset[X=" + x + ", Y=" + y + "]";
    }
}
