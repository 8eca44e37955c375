package org.dlbasis.blaseval;

/**
 * The operands of the 12288-7-1 network's two hot products, generated from an integer hash of the
 * index that bench_numpy.py computes identically (so numpy multiplies the very same numbers).
 */
final class Data {
    static final int N = 12288; // features (rows of X)
    static final int M = 209; // examples (columns of X)
    static final int H = 7; // hidden units (rows of W1, dZ1)

    final double[] x = fill(N * M, 1, 1.0, 0.0); // X (N × M), row-major, values in [0, 1) like pixels
    final double[] xT = transpose(x, N, M); // Xᵀ (M × N), as the reference stores it once
    final double[] w1 = fill(H * N, 2, 0.02, -0.5); // W1 (H × N)
    final double[] dz1 = fill(H * M, 3, 1.0, -0.5); // dZ1 (H × M)

    /** ((hash(i + salt) in [0, 1)) + shift) · scale, exactly representable, the same in Python. */
    static double[] fill(int length, long salt, double scale, double shift) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            long h = ((i + salt) * 0x9E3779B1L) & 0xFFFFFFFFL;
            v[i] = ((h >>> 8) / 16777216.0 + shift) * scale;
        }
        return v;
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    static double[] abs(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Math.abs(a[i]);
        }
        return r;
    }
}
