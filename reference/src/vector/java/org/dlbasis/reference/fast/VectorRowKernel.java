package org.dlbasis.reference.fast;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} on the JDK's incubating Vector API: whole vectors of a row of X at a time, fused
 * multiply-adds, the partial sums of the dot products in registers (the plain kernel's JIT-made
 * SIMD loops load and store Z for every multiply-add, and its dot products are scalar). Only
 * loaded by {@link RowKernel#best} when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The result does not depend on when the JIT compiles this class: a vector's lanes are added in
 * a fixed order by plain Java ({@code reduceLanes} leaves its order unspecified, and the
 * interpreter and the compiled code may differ), and {@code fma} rounds once everywhere.
 */
final class VectorRowKernel implements RowKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final double[] x;
    private final int n;
    private final int m;
    private final int h;
    private final int mv;

    /**
     * @param x X (n × m), row-major
     * @param n the rows of X
     * @param m the columns of X
     * @param h the rows of W and Z
     */
    VectorRowKernel(double[] x, int n, int m, int h) {
        this.x = x;
        this.n = n;
        this.m = m;
        this.h = h;
        this.mv = m - m % L;
    }

    /**
     * The doubles in a vector of the preferred shape (4 with AVX2, 8 with AVX-512).
     *
     * @return the lanes
     */
    static int lanes() {
        return L;
    }

    @Override
    public String toString() {
        return "Vector API, " + L + " doubles a vector";
    }

    @Override
    public void range(int from, int to, double[] w, double[] dz, double alpha, double invM, double[] zp) {
        Arrays.fill(zp, 0.0);
        double[] sums = new double[8]; // buffers of this call: ranges run on several threads at once
        double[] lanes = new double[L];
        int j = from;
        for (; j + 4 <= to; j += 4) {
            if (dz != null) {
                int i = 0;
                for (; i + 2 <= h; i += 2) { // two rows of dZ against four of X: eight sums, 0.75 loads each
                    dotsFourByTwo(j, dz, i * m, sums, lanes);
                    int wi = i * n + j;
                    for (int r = 0; r < 4; r++) {
                        w[wi + r] -= alpha * (invM * sums[r]);
                        w[wi + n + r] -= alpha * (invM * sums[4 + r]);
                    }
                }
                for (; i < h; i++) {
                    dotsFour(j, dz, i * m, sums, lanes);
                    int wi = i * n + j;
                    for (int r = 0; r < 4; r++) {
                        w[wi + r] -= alpha * (invM * sums[r]);
                    }
                }
            }
            addFour(j, w, zp);
        }
        for (; j < to; j++) {
            if (dz != null) {
                for (int i = 0; i < h; i++) {
                    w[i * n + j] -= alpha * (invM * dot(j * m, dz, i * m, lanes));
                }
            }
            addOne(j, w, zp);
        }
    }

    /** sums[r] = dZ[i,:]·X[j + r,:] for r &lt; 4: four vector sums, then their lanes in order. */
    private void dotsFour(int j, double[] dz, int row, double[] sums, double[] lanes) {
        int a = j * m;
        int b = a + m;
        int c = b + m;
        int d = c + m;
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        for (int k = 0; k < mv; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, dz, row + k);
            s0 = DoubleVector.fromArray(S, x, a + k).fma(e, s0);
            s1 = DoubleVector.fromArray(S, x, b + k).fma(e, s1);
            s2 = DoubleVector.fromArray(S, x, c + k).fma(e, s2);
            s3 = DoubleVector.fromArray(S, x, d + k).fma(e, s3);
        }
        sums[0] = tail(a, dz, row, sum(s0, lanes));
        sums[1] = tail(b, dz, row, sum(s1, lanes));
        sums[2] = tail(c, dz, row, sum(s2, lanes));
        sums[3] = tail(d, dz, row, sum(s3, lanes));
    }

    /** sums[r] = dZ[i,:]·X[j + r,:] and sums[4 + r] = dZ[i + 1,:]·X[j + r,:] for r &lt; 4 (row = i·m). */
    private void dotsFourByTwo(int j, double[] dz, int row, double[] sums, double[] lanes) {
        int a = j * m;
        int b = a + m;
        int c = b + m;
        int d = c + m;
        int row2 = row + m;
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        DoubleVector u0 = DoubleVector.zero(S);
        DoubleVector u1 = DoubleVector.zero(S);
        DoubleVector u2 = DoubleVector.zero(S);
        DoubleVector u3 = DoubleVector.zero(S);
        for (int k = 0; k < mv; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, dz, row + k);
            DoubleVector f = DoubleVector.fromArray(S, dz, row2 + k);
            DoubleVector x0 = DoubleVector.fromArray(S, x, a + k);
            DoubleVector x1 = DoubleVector.fromArray(S, x, b + k);
            DoubleVector x2 = DoubleVector.fromArray(S, x, c + k);
            DoubleVector x3 = DoubleVector.fromArray(S, x, d + k);
            s0 = x0.fma(e, s0);
            s1 = x1.fma(e, s1);
            s2 = x2.fma(e, s2);
            s3 = x3.fma(e, s3);
            u0 = x0.fma(f, u0);
            u1 = x1.fma(f, u1);
            u2 = x2.fma(f, u2);
            u3 = x3.fma(f, u3);
        }
        sums[0] = tail(a, dz, row, sum(s0, lanes));
        sums[1] = tail(b, dz, row, sum(s1, lanes));
        sums[2] = tail(c, dz, row, sum(s2, lanes));
        sums[3] = tail(d, dz, row, sum(s3, lanes));
        sums[4] = tail(a, dz, row2, sum(u0, lanes));
        sums[5] = tail(b, dz, row2, sum(u1, lanes));
        sums[6] = tail(c, dz, row2, sum(u2, lanes));
        sums[7] = tail(d, dz, row2, sum(u3, lanes));
    }

    private double dot(int a, double[] dz, int row, double[] lanes) {
        DoubleVector s = DoubleVector.zero(S);
        for (int k = 0; k < mv; k += L) {
            s = DoubleVector.fromArray(S, x, a + k).fma(DoubleVector.fromArray(S, dz, row + k), s);
        }
        return tail(a, dz, row, sum(s, lanes));
    }

    /** The lanes of v added left to right ({@code lanes}: a buffer of L doubles). */
    private static double sum(DoubleVector v, double[] lanes) {
        v.intoArray(lanes, 0);
        double s = 0;
        for (double lane : lanes) {
            s += lane;
        }
        return s;
    }

    /** s plus the products past the last whole vector. */
    private double tail(int a, double[] dz, int row, double s) {
        for (int k = mv; k < m; k++) {
            s = Math.fma(dz[row + k], x[a + k], s);
        }
        return s;
    }

    /**
     * Z[i,:] += W[i, j..j+3]·X[j..j+3, :] for every i, a vector of Z at a time; two rows of Z share
     * each vector of X they load.
     */
    private void addFour(int j, double[] w, double[] zp) {
        int a = j * m;
        int b = a + m;
        int c = b + m;
        int d = c + m;
        int i = 0;
        for (; i + 2 <= h; i += 2) {
            int wi = i * n + j;
            int vi = wi + n;
            DoubleVector v0 = DoubleVector.broadcast(S, w[wi]);
            DoubleVector v1 = DoubleVector.broadcast(S, w[wi + 1]);
            DoubleVector v2 = DoubleVector.broadcast(S, w[wi + 2]);
            DoubleVector v3 = DoubleVector.broadcast(S, w[wi + 3]);
            DoubleVector u0 = DoubleVector.broadcast(S, w[vi]);
            DoubleVector u1 = DoubleVector.broadcast(S, w[vi + 1]);
            DoubleVector u2 = DoubleVector.broadcast(S, w[vi + 2]);
            DoubleVector u3 = DoubleVector.broadcast(S, w[vi + 3]);
            int row = i * m;
            int row2 = row + m;
            int k = 0;
            for (; k < mv; k += L) {
                DoubleVector x0 = DoubleVector.fromArray(S, x, a + k);
                DoubleVector x1 = DoubleVector.fromArray(S, x, b + k);
                DoubleVector x2 = DoubleVector.fromArray(S, x, c + k);
                DoubleVector x3 = DoubleVector.fromArray(S, x, d + k);
                DoubleVector z = DoubleVector.fromArray(S, zp, row + k);
                DoubleVector y = DoubleVector.fromArray(S, zp, row2 + k);
                x3.fma(v3, x2.fma(v2, x1.fma(v1, x0.fma(v0, z)))).intoArray(zp, row + k);
                x3.fma(u3, x2.fma(u2, x1.fma(u1, x0.fma(u0, y)))).intoArray(zp, row2 + k);
            }
            for (; k < m; k++) {
                for (int q = 0; q < 2; q++) {
                    int wq = wi + q * n;
                    int rq = row + q * m;
                    double z = zp[rq + k];
                    z = Math.fma(x[a + k], w[wq], z);
                    z = Math.fma(x[b + k], w[wq + 1], z);
                    z = Math.fma(x[c + k], w[wq + 2], z);
                    zp[rq + k] = Math.fma(x[d + k], w[wq + 3], z);
                }
            }
        }
        for (; i < h; i++) {
            int wi = i * n + j;
            double w0 = w[wi];
            double w1 = w[wi + 1];
            double w2 = w[wi + 2];
            double w3 = w[wi + 3];
            DoubleVector v0 = DoubleVector.broadcast(S, w0);
            DoubleVector v1 = DoubleVector.broadcast(S, w1);
            DoubleVector v2 = DoubleVector.broadcast(S, w2);
            DoubleVector v3 = DoubleVector.broadcast(S, w3);
            int row = i * m;
            int k = 0;
            for (; k < mv; k += L) {
                DoubleVector z = DoubleVector.fromArray(S, zp, row + k);
                z = DoubleVector.fromArray(S, x, a + k).fma(v0, z);
                z = DoubleVector.fromArray(S, x, b + k).fma(v1, z);
                z = DoubleVector.fromArray(S, x, c + k).fma(v2, z);
                z = DoubleVector.fromArray(S, x, d + k).fma(v3, z);
                z.intoArray(zp, row + k);
            }
            for (; k < m; k++) {
                double z = zp[row + k];
                z = Math.fma(x[a + k], w0, z);
                z = Math.fma(x[b + k], w1, z);
                z = Math.fma(x[c + k], w2, z);
                zp[row + k] = Math.fma(x[d + k], w3, z);
            }
        }
    }

    private void addOne(int j, double[] w, double[] zp) {
        int a = j * m;
        for (int i = 0; i < h; i++) {
            double wj = w[i * n + j];
            DoubleVector v = DoubleVector.broadcast(S, wj);
            int row = i * m;
            int k = 0;
            for (; k < mv; k += L) {
                DoubleVector.fromArray(S, x, a + k)
                        .fma(v, DoubleVector.fromArray(S, zp, row + k))
                        .intoArray(zp, row + k);
            }
            for (; k < m; k++) {
                zp[row + k] = Math.fma(x[a + k], wj, zp[row + k]);
            }
        }
    }
}
