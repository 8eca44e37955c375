package org.dlbasis.blaseval;

import java.util.Arrays;

/**
 * Verbatim copy of the reference's plain-Java kernels, so that this harness stays standalone:
 * {@code reference/src/main/java/org/dlbasis/reference/fast/ProductKernels.java}
 * (multiplyByRowUpdates, dot, multiplyTransB) as of issue #14. Javadoc shortened; code unchanged.
 */
final class PlainKernels {
    private PlainKernels() {}

    /** c = a · b for a short a (rows × k) and a long b (k × n), row-major: four rows of b at a time. */
    static void multiplyByRowUpdates(double[] a, double[] b, double[] c, int rows, int k, int n) {
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

    /** Σ a[aOffset + j]·b[bOffset + j] for j &lt; length, with four partial sums. */
    static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
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

    /** c = a · bᵀ for a (rows × k) and b (cols × k), row-major: every entry one {@link #dot}. */
    static void multiplyTransB(double[] a, double[] b, double[] c, int rows, int cols, int k) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[i * cols + j] = dot(a, i * k, b, j * k, k);
            }
        }
    }
}
