package org.dlbasis.blaseval;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked kernels on the JDK's incubating Vector API (jdk.incubator.vector), written for
 * the two hot products of the 12288-7-1 network: seven rows of W1 / dZ1 against X. Never load this
 * class without checking {@link VectorSupport#AVAILABLE} first: without
 * {@code --add-modules jdk.incubator.vector} on the java command line, loading it throws
 * NoClassDefFoundError.
 *
 * <p>Both kernels keep 14 vector accumulators in registers (7 rows × 2 vectors), so a vector
 * multiply-add costs about 0.64 loads and no store; the JIT-vectorized row update of
 * {@link PlainKernels} loads and stores a vector of c for every four vector multiply-adds, plus four
 * loads of b, and cannot use fused multiply-adds (Java's {@code a * b + c} rounds twice, so the JIT
 * must not fuse it).
 */
final class VectorKernels {
    private VectorKernels() {}

    /** The vector shape: the preferred one (512 bits with AVX-512), or -Dblaseval.vectorBits=256|128. */
    static final VectorSpecies<Double> S = species();

    static final int L = S.length();

    /**
     * Rows of b (k) per block in {@link #multiply7}: 24 rows of X (40 KB) stay in L1 while the column
     * blocks walk across them, so X streams from memory row after row (interleaved runs on this
     * machine, W1·X: best 1.1 ms with 24-32 rows, 1.5 ms with 256, 1.6 ms with all 12288).
     */
    private static final int KC = Integer.getInteger("blaseval.kc", 24);

    private static VectorSpecies<Double> species() {
        switch (System.getProperty("blaseval.vectorBits", "")) {
            case "128":
                return DoubleVector.SPECIES_128;
            case "256":
                return DoubleVector.SPECIES_256;
            case "512":
                return DoubleVector.SPECIES_512;
            default:
                return DoubleVector.SPECIES_PREFERRED;
        }
    }

    /**
     * c (7 × n) = a (7 × k) · b (k × n), all row-major: W1 · X (k = 12288, n = 209) and dZ1 · Xᵀ over
     * a stored Xᵀ (k = 209, n = 12288). For each block of KC rows of b and each block of 2 vectors of
     * columns, the 14 partial sums stay in registers over the KC rows; remaining columns are scalar.
     */
    static void multiply7(double[] a, double[] b, double[] c, int k, int n) {
        Arrays.fill(c, 0, 7 * n, 0.0);
        final int w = 2 * L;
        final int nv = n - n % w;
        final int a1 = k;
        final int a2 = 2 * k;
        final int a3 = 3 * k;
        final int a4 = 4 * k;
        final int a5 = 5 * k;
        final int a6 = 6 * k;
        for (int p0 = 0; p0 < k; p0 += KC) {
            final int pe = Math.min(p0 + KC, k);
            for (int j = 0; j < nv; j += w) {
                DoubleVector c00 = DoubleVector.fromArray(S, c, j);
                DoubleVector c01 = DoubleVector.fromArray(S, c, j + L);
                DoubleVector c10 = DoubleVector.fromArray(S, c, n + j);
                DoubleVector c11 = DoubleVector.fromArray(S, c, n + j + L);
                DoubleVector c20 = DoubleVector.fromArray(S, c, 2 * n + j);
                DoubleVector c21 = DoubleVector.fromArray(S, c, 2 * n + j + L);
                DoubleVector c30 = DoubleVector.fromArray(S, c, 3 * n + j);
                DoubleVector c31 = DoubleVector.fromArray(S, c, 3 * n + j + L);
                DoubleVector c40 = DoubleVector.fromArray(S, c, 4 * n + j);
                DoubleVector c41 = DoubleVector.fromArray(S, c, 4 * n + j + L);
                DoubleVector c50 = DoubleVector.fromArray(S, c, 5 * n + j);
                DoubleVector c51 = DoubleVector.fromArray(S, c, 5 * n + j + L);
                DoubleVector c60 = DoubleVector.fromArray(S, c, 6 * n + j);
                DoubleVector c61 = DoubleVector.fromArray(S, c, 6 * n + j + L);
                for (int p = p0; p < pe; p++) {
                    int bp = p * n + j;
                    DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
                    DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
                    DoubleVector av = DoubleVector.broadcast(S, a[p]);
                    c00 = b0.fma(av, c00);
                    c01 = b1.fma(av, c01);
                    av = DoubleVector.broadcast(S, a[a1 + p]);
                    c10 = b0.fma(av, c10);
                    c11 = b1.fma(av, c11);
                    av = DoubleVector.broadcast(S, a[a2 + p]);
                    c20 = b0.fma(av, c20);
                    c21 = b1.fma(av, c21);
                    av = DoubleVector.broadcast(S, a[a3 + p]);
                    c30 = b0.fma(av, c30);
                    c31 = b1.fma(av, c31);
                    av = DoubleVector.broadcast(S, a[a4 + p]);
                    c40 = b0.fma(av, c40);
                    c41 = b1.fma(av, c41);
                    av = DoubleVector.broadcast(S, a[a5 + p]);
                    c50 = b0.fma(av, c50);
                    c51 = b1.fma(av, c51);
                    av = DoubleVector.broadcast(S, a[a6 + p]);
                    c60 = b0.fma(av, c60);
                    c61 = b1.fma(av, c61);
                }
                c00.intoArray(c, j);
                c01.intoArray(c, j + L);
                c10.intoArray(c, n + j);
                c11.intoArray(c, n + j + L);
                c20.intoArray(c, 2 * n + j);
                c21.intoArray(c, 2 * n + j + L);
                c30.intoArray(c, 3 * n + j);
                c31.intoArray(c, 3 * n + j + L);
                c40.intoArray(c, 4 * n + j);
                c41.intoArray(c, 4 * n + j + L);
                c50.intoArray(c, 5 * n + j);
                c51.intoArray(c, 5 * n + j + L);
                c60.intoArray(c, 6 * n + j);
                c61.intoArray(c, 6 * n + j + L);
            }
            for (int j = nv; j < n; j++) { // the last n mod 2L columns (1 of 209), while the block is in L2
                for (int i = 0; i < 7; i++) {
                    double s = c[i * n + j];
                    for (int p = p0; p < pe; p++) {
                        s = Math.fma(a[i * k + p], b[p * n + j], s);
                    }
                    c[i * n + j] = s;
                }
            }
        }
    }

    /**
     * c (7 × cols) = a (7 × k) · bᵀ for b (cols × k), all row-major: dZ1 · Xᵀ straight from X (cols =
     * 12288, k = 209), no stored transpose. Two rows of b at a time against the seven rows of a (which
     * stay in L1): 14 vector partial sums, each reduced across lanes at the end of the row.
     */
    static void multiply7TransB(double[] a, double[] b, double[] c, int cols, int k) {
        final int kv = k - k % L;
        final int a1 = k;
        final int a2 = 2 * k;
        final int a3 = 3 * k;
        final int a4 = 4 * k;
        final int a5 = 5 * k;
        final int a6 = 6 * k;
        int r = 0;
        for (; r + 1 < cols; r += 2) {
            final int x0 = r * k;
            final int x1 = x0 + k;
            DoubleVector s00 = DoubleVector.zero(S);
            DoubleVector s01 = DoubleVector.zero(S);
            DoubleVector s10 = DoubleVector.zero(S);
            DoubleVector s11 = DoubleVector.zero(S);
            DoubleVector s20 = DoubleVector.zero(S);
            DoubleVector s21 = DoubleVector.zero(S);
            DoubleVector s30 = DoubleVector.zero(S);
            DoubleVector s31 = DoubleVector.zero(S);
            DoubleVector s40 = DoubleVector.zero(S);
            DoubleVector s41 = DoubleVector.zero(S);
            DoubleVector s50 = DoubleVector.zero(S);
            DoubleVector s51 = DoubleVector.zero(S);
            DoubleVector s60 = DoubleVector.zero(S);
            DoubleVector s61 = DoubleVector.zero(S);
            for (int j = 0; j < kv; j += L) {
                DoubleVector b0 = DoubleVector.fromArray(S, b, x0 + j);
                DoubleVector b1 = DoubleVector.fromArray(S, b, x1 + j);
                DoubleVector av = DoubleVector.fromArray(S, a, j);
                s00 = av.fma(b0, s00);
                s01 = av.fma(b1, s01);
                av = DoubleVector.fromArray(S, a, a1 + j);
                s10 = av.fma(b0, s10);
                s11 = av.fma(b1, s11);
                av = DoubleVector.fromArray(S, a, a2 + j);
                s20 = av.fma(b0, s20);
                s21 = av.fma(b1, s21);
                av = DoubleVector.fromArray(S, a, a3 + j);
                s30 = av.fma(b0, s30);
                s31 = av.fma(b1, s31);
                av = DoubleVector.fromArray(S, a, a4 + j);
                s40 = av.fma(b0, s40);
                s41 = av.fma(b1, s41);
                av = DoubleVector.fromArray(S, a, a5 + j);
                s50 = av.fma(b0, s50);
                s51 = av.fma(b1, s51);
                av = DoubleVector.fromArray(S, a, a6 + j);
                s60 = av.fma(b0, s60);
                s61 = av.fma(b1, s61);
            }
            c[r] = s00.reduceLanes(VectorOperators.ADD) + tail(a, 0, b, x0, kv, k);
            c[r + 1] = s01.reduceLanes(VectorOperators.ADD) + tail(a, 0, b, x1, kv, k);
            c[cols + r] = s10.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, x0, kv, k);
            c[cols + r + 1] = s11.reduceLanes(VectorOperators.ADD) + tail(a, a1, b, x1, kv, k);
            c[2 * cols + r] = s20.reduceLanes(VectorOperators.ADD) + tail(a, a2, b, x0, kv, k);
            c[2 * cols + r + 1] = s21.reduceLanes(VectorOperators.ADD) + tail(a, a2, b, x1, kv, k);
            c[3 * cols + r] = s30.reduceLanes(VectorOperators.ADD) + tail(a, a3, b, x0, kv, k);
            c[3 * cols + r + 1] = s31.reduceLanes(VectorOperators.ADD) + tail(a, a3, b, x1, kv, k);
            c[4 * cols + r] = s40.reduceLanes(VectorOperators.ADD) + tail(a, a4, b, x0, kv, k);
            c[4 * cols + r + 1] = s41.reduceLanes(VectorOperators.ADD) + tail(a, a4, b, x1, kv, k);
            c[5 * cols + r] = s50.reduceLanes(VectorOperators.ADD) + tail(a, a5, b, x0, kv, k);
            c[5 * cols + r + 1] = s51.reduceLanes(VectorOperators.ADD) + tail(a, a5, b, x1, kv, k);
            c[6 * cols + r] = s60.reduceLanes(VectorOperators.ADD) + tail(a, a6, b, x0, kv, k);
            c[6 * cols + r + 1] = s61.reduceLanes(VectorOperators.ADD) + tail(a, a6, b, x1, kv, k);
        }
        for (; r < cols; r++) { // an odd last row of b
            for (int i = 0; i < 7; i++) {
                c[i * cols + r] = PlainKernels.dot(a, i * k, b, r * k, k);
            }
        }
    }

    /** Σ a[i], four vector accumulators: a read-bandwidth kernel (Main's "sum"). */
    static double sum(double[] a) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        final int w = 4 * L;
        final int end = a.length - a.length % w;
        for (int i = 0; i < end; i += w) {
            s0 = s0.add(DoubleVector.fromArray(S, a, i));
            s1 = s1.add(DoubleVector.fromArray(S, a, i + L));
            s2 = s2.add(DoubleVector.fromArray(S, a, i + 2 * L));
            s3 = s3.add(DoubleVector.fromArray(S, a, i + 3 * L));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (int i = end; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    private static double tail(double[] a, int ao, double[] b, int bo, int from, int to) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s = Math.fma(a[ao + j], b[bo + j], s);
        }
        return s;
    }
}
