package org.dlbasis.reference.array;

import java.util.Arrays;

/**
 * The two hand-written kernels of the reference, for the products its training loops spend most
 * of their time in, where EJML's row-major kernels leave speed on the table on the course's
 * shapes (X of 12288 × 209). Both compute the textbook sums in a different order only;
 * {@code ProductKernelsTest} checks them against EJML within the SUM(k) bound.
 */
public final class ProductKernels {
    private ProductKernels() {}

    /**
     * c = a · b for a short a and a long b (dW1 = dZ1 · Xᵀ, and W1 · X): streams b once, row by
     * row, adding a[i][p]·b[p,:] to every row i of c — an "axpy" the JIT turns into SIMD
     * instructions (EJML's kernels take a dependent dot product per entry, or stream b once per row
     * of a). Four rows of b are taken together, so that each pass over a row of c does four
     * multiply-adds per element instead of one: c, not b, is the traffic that limits the loop.
     *
     * @param a (rows × k), row-major
     * @param b (k × n), row-major
     * @param c (rows × n), overwritten
     * @param rows the rows of a and c
     * @param k the columns of a and the rows of b
     * @param n the columns of b and c
     */
    public static void multiplyByRowUpdates(double[] a, double[] b, double[] c, int rows, int k, int n) {
        Arrays.fill(c, 0, rows * n, 0.0);
        int p = 0;
        for (; p + 3 < k; p += 4) {
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int i = 0; i < rows; i++) {
                int ai = i * k + p;
                double a0 = a[ai];
                double a1 = a[ai + 1];
                double a2 = a[ai + 2];
                double a3 = a[ai + 3];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
        }
        for (; p < k; p++) {
            int bp = p * n;
            for (int i = 0; i < rows; i++) {
                double aip = a[i * k + p];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /**
     * Σ a[aOffset + j]·b[bOffset + j] for j &lt; length, with four partial sums so that four additions
     * are in flight instead of one dependent chain (a row of X against dZ).
     *
     * @param a the first array
     * @param aOffset where the first vector starts in {@code a}
     * @param b the second array
     * @param bOffset where the second vector starts in {@code b}
     * @param length the number of products summed
     * @return the inner product
     */
    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += a[aOffset + j] * b[bOffset + j];
            s1 += a[aOffset + j + 1] * b[bOffset + j + 1];
            s2 += a[aOffset + j + 2] * b[bOffset + j + 2];
            s3 += a[aOffset + j + 3] * b[bOffset + j + 3];
        }
        for (; j < length; j++) {
            s0 += a[aOffset + j] * b[bOffset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * c = a · bᵀ for a (rows × k) and b (cols × k), row-major: every entry one {@link #dot}, the
     * shape of dZ2·A1ᵀ and of dZ1·Xᵀ for a narrow X.
     *
     * @param a (rows × k), row-major
     * @param b (cols × k), row-major
     * @param c (rows × cols), overwritten
     * @param rows the rows of a and c
     * @param cols the rows of b and the columns of c
     * @param k the columns of a and b
     */
    public static void multiplyTransB(double[] a, double[] b, double[] c, int rows, int cols, int k) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[i * cols + j] = dot(a, i * k, b, j * k, k);
            }
        }
    }
}
