package org.dlbasis.reference.fast;

import java.util.Arrays;

/**
 * {@link RowKernel} in plain Java 17: the dot products with eight scalar sums in flight (two rows of
 * dZ × four rows of X, or for a last odd row of dZ, four rows of X × even and odd k), Z's share as
 * row updates that the JIT turns into SIMD loops, two rows of Z per load of X.
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
        int i = 0;
        for (; i + 2 <= h; i += 2) { // two rows of dZ share each element of X they load: eight sums
            int row = i * m;
            int row2 = row + m;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
            for (int k = 0; k < m; k++) {
                double e = dz[row + k];
                double f = dz[row2 + k];
                double x0 = x[a + k];
                double x1 = x[b + k];
                double x2 = x[c + k];
                double x3 = x[d + k];
                s0 += e * x0;
                s1 += e * x1;
                s2 += e * x2;
                s3 += e * x3;
                t0 += f * x0;
                t1 += f * x1;
                t2 += f * x2;
                t3 += f * x3;
            }
            int wi = i * n + j;
            int vi = wi + n;
            w[wi] -= alpha * (invM * s0);
            w[wi + 1] -= alpha * (invM * s1);
            w[wi + 2] -= alpha * (invM * s2);
            w[wi + 3] -= alpha * (invM * s3);
            w[vi] -= alpha * (invM * t0);
            w[vi + 1] -= alpha * (invM * t1);
            w[vi + 2] -= alpha * (invM * t2);
            w[vi + 3] -= alpha * (invM * t3);
        }
        for (; i < h; i++) {
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

    /** Z[i,:] += W[i, j..j+3]·X[j..j+3, :] for every i; two rows of Z share each element of X they load. */
    private void addFour(int j, double[] w, double[] zp) {
        int a = j * m;
        int b = a + m;
        int c = b + m;
        int d = c + m;
        int i = 0;
        for (; i + 2 <= h; i += 2) {
            int wi = i * n + j;
            int vi = wi + n;
            double w0 = w[wi];
            double w1 = w[wi + 1];
            double w2 = w[wi + 2];
            double w3 = w[wi + 3];
            double v0 = w[vi];
            double v1 = w[vi + 1];
            double v2 = w[vi + 2];
            double v3 = w[vi + 3];
            int row = i * m;
            int row2 = row + m;
            for (int k = 0; k < m; k++) {
                double x0 = x[a + k];
                double x1 = x[b + k];
                double x2 = x[c + k];
                double x3 = x[d + k];
                zp[row + k] += w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3;
                zp[row2 + k] += v0 * x0 + v1 * x1 + v2 * x2 + v3 * x3;
            }
        }
        for (; i < h; i++) {
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
