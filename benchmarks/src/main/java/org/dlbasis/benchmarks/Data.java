package org.dlbasis.benchmarks;

import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The workloads' data, from the same formula as benchmarks/python/workloads.py:
 * u(k) = ((k·6364136223846793005 + 1442695040888963407) mod 2⁶⁴ >>> 11) · 2⁻⁵³.
 */
final class Data {
    private Data() {}

    static double uniform(long k) {
        return ((k * 6364136223846793005L + 1442695040888963407L) >>> 11) * 0x1p-53;
    }

    static Tensor uniform(long start, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = uniform(start + i);
        }
        return Tensor.of(Shape.of(rows, cols), v);
    }

    /** Box-Muller on pairs of u, as numpy's side does it. */
    static Tensor gaussian(long start, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            double u1 = uniform(start + i);
            double u2 = uniform(start + 1_000_000_000L + i);
            v[i] = Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2) * scale;
        }
        return Tensor.of(Shape.of(rows, cols), v);
    }

    /** Labels 1 where u(5·10⁹ + j) < 0.5. */
    static Tensor labels(int m) {
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = uniform(5_000_000_000L + j) < 0.5 ? 1 : 0;
        }
        return Tensor.of(Shape.of(1, m), y);
    }
}
