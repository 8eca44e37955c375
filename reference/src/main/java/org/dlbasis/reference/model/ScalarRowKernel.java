package org.dlbasis.reference.model;

import java.util.Arrays;

/**
 * {@link RowKernel} in plain Java 17: the dot products with eight scalar sums in flight (four rows
 * of X × even and odd k), Z's share as row updates that the JIT turns into SIMD loops.
 */
final class ScalarRowKernel implements RowKernel {
    private final double[] x;
    private final int n;
    private final int m;
    private final int h;

    /**
     * @param x X (n × m), row-major
     * @param n the rows of X
     * @param m the columns of X
     * @param h the rows of W and Z
     */
    ScalarRowKernel(double[] x, int n, int m, int h) {
        this.x = x;
        this.n = n;
        this.m = m;
        this.h = h;
    }

    @Override
    public String toString() {
        return "plain Java";
    }

    @Override
    public void range(int from, int to, double[] w, double[] dz, double alpha, double invM, double[] zp) {
        Arrays.fill(zp, 0.0);
        int j = from;
        for (; j + 4 <= to; j += 4) {
            if (dz != null) {
                stepFour(j, w, dz, alpha, invM);
            }
            addFour(j, w, zp);
        }
        for (; j < to; j++) {
            if (dz != null) {
                stepOne(j, w, dz, alpha, invM);
            }
            addOne(j, w, zp);
        }
    }

    /** W[i, j..j+3] −= α·((1/m)·dZ[i,:]·X[j..j+3,:]) for every i: eight sums in flight (4 rows × even/odd k). */
    private void stepFour(int j, double[] w, double[] dz, double alpha, double invM) {
        int a = j * m;
        int b = a + m;
        int c = b + m;
        int d = c + m;
        for (int i = 0; i < h; i++) {
            int row = i * m;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
            int k = 0;
            for (; k + 1 < m; k += 2) {
                double e = dz[row + k];
                double f = dz[row + k + 1];
                s0 += e * x[a + k];
                t0 += f * x[a + k + 1];
                s1 += e * x[b + k];
                t1 += f * x[b + k + 1];
                s2 += e * x[c + k];
                t2 += f * x[c + k + 1];
                s3 += e * x[d + k];
                t3 += f * x[d + k + 1];
            }
            if (k < m) {
                double e = dz[row + k];
                s0 += e * x[a + k];
                s1 += e * x[b + k];
                s2 += e * x[c + k];
                s3 += e * x[d + k];
            }
            int wi = i * n + j;
            w[wi] -= alpha * (invM * (s0 + t0));
            w[wi + 1] -= alpha * (invM * (s1 + t1));
            w[wi + 2] -= alpha * (invM * (s2 + t2));
            w[wi + 3] -= alpha * (invM * (s3 + t3));
        }
    }

    /** Z[i,:] += W[i, j..j+3]·X[j..j+3, :] for every i. */
    private void addFour(int j, double[] w, double[] zp) {
        int a = j * m;
        int b = a + m;
        int c = b + m;
        int d = c + m;
        for (int i = 0; i < h; i++) {
            int wi = i * n + j;
            double w0 = w[wi];
            double w1 = w[wi + 1];
            double w2 = w[wi + 2];
            double w3 = w[wi + 3];
            int row = i * m;
            for (int k = 0; k < m; k++) {
                zp[row + k] += w0 * x[a + k] + w1 * x[b + k] + w2 * x[c + k] + w3 * x[d + k];
            }
        }
    }

    private void stepOne(int j, double[] w, double[] dz, double alpha, double invM) {
        int a = j * m;
        for (int i = 0; i < h; i++) {
            int row = i * m;
            double s = 0;
            double t = 0;
            int k = 0;
            for (; k + 1 < m; k += 2) {
                s += dz[row + k] * x[a + k];
                t += dz[row + k + 1] * x[a + k + 1];
            }
            if (k < m) {
                s += dz[row + k] * x[a + k];
            }
            w[i * n + j] -= alpha * (invM * (s + t));
        }
    }

    private void addOne(int j, double[] w, double[] zp) {
        int a = j * m;
        for (int i = 0; i < h; i++) {
            double wj = w[i * n + j];
            int row = i * m;
            for (int k = 0; k < m; k++) {
                zp[row + k] += wj * x[a + k];
            }
        }
    }
}
