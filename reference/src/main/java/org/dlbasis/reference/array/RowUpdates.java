package org.dlbasis.reference.array;

/**
 * One hand-written kernel, for the product the course's network spends most of its time in:
 * C = A·B for a short, wide A (n1 × k) and a long B (k × n) — dW1 = dZ1 · Xᵀ with Xᵀ (m × 12288).
 * EJML's row-major kernels either take a dot product per entry (a dependent chain of additions
 * the JIT cannot vectorize) or stream B once per row of A. This one streams B once, row by row,
 * and adds a·B[p,:] to every row of C: an "axpy" the JIT turns into SIMD instructions.
 * {@code RowUpdatesTest} checks it against {@code CommonOps_DDRM.mult}.
 */
public final class RowUpdates {
    private RowUpdates() {
    }

    /**
     * c = a · b, all row-major.
     *
     * @param a (rows × k)
     * @param b (k × n)
     * @param c (rows × n), overwritten
     */
    public static void multiply(double[] a, double[] b, double[] c, int rows, int k, int n) {
        java.util.Arrays.fill(c, 0, rows * n, 0.0);
        for (int p = 0; p < k; p++) {
            int bRow = p * n;
            for (int i = 0; i < rows; i++) {
                double aip = a[i * k + p];
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }
}
