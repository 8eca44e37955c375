package org.dlbasis.reference.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The first layer's step and the next iteration's first-layer product in one pass over X, for a
 * wide X (n features × m samples, row-major, n ≫ m, like the course's 12288 × 209):
 *
 * <pre>
 * W := W − α·((1/m)·dZ Xᵀ)      W (h, n), dZ (h, m): the gradient step of the first layer
 * Z := W X                       Z (h, m): the next iteration's first-layer product (before + b)
 * </pre>
 *
 * <p>Why: X is 20 MB for the course's data, larger than any cache, and the textbook loop reads it
 * twice per iteration (dZ Xᵀ, then W X). Both products only need X's row j with W's column j, so
 * the pass takes four rows of X at a time while they are in L1: the h·4 dot products dZ[i,:]·X[j,:]
 * (eight independent sums, so that the additions overlap), the step of W's four columns, and
 * their share W[:, j]·X[j, :] of Z, added row by row (loops the JIT turns into SIMD). Logistic
 * regression is the case h = 1 (W = wᵀ). The work on a range of rows is a {@link RowKernel}: plain
 * Java, or the Vector API where the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Z's sum over j is split into {@link #PARTS} fixed ranges of rows, each summed in row order
 * into its own buffer, then the buffers are added in order. The ranges depend on n only, never on
 * the thread count: with 1 thread or 8 the same numbers are added in the same order, so threads
 * change the time and not one bit of the result (tested).
 */
final class FirstLayerPass {
    /** Ranges of rows of X; a fixed number, so the result never depends on the threads. */
    static final int PARTS = 8;

    private final int n;
    private final int m;
    private final int h;
    private final int[] bounds;
    private final double[][] partial;
    private final Threads threads;
    private final RowKernel kernel;

    /**
     * @param x X (n × m), row-major; not copied, never written
     * @param n the rows of X (features)
     * @param m the columns of X (samples)
     * @param h the rows of W and Z (hidden units; 1 for logistic regression)
     * @param threads where the ranges run
     */
    FirstLayerPass(double[] x, int n, int m, int h, Threads threads) {
        this(n, m, h, threads, RowKernel.best(x, n, m, h));
    }

    /**
     * With a given kernel, which holds X (the tests run both).
     *
     * @param n the rows of X (features)
     * @param m the columns of X (samples)
     * @param h the rows of W and Z (hidden units; 1 for logistic regression)
     * @param threads where the ranges run
     * @param kernel the work on a range of rows of X
     */
    FirstLayerPass(int n, int m, int h, Threads threads, RowKernel kernel) {
        this.n = n;
        this.m = m;
        this.h = h;
        this.threads = threads;
        this.kernel = kernel;
        int parts = Math.max(1, Math.min(PARTS, n / 4));
        int chunk = ((n + parts - 1) / parts + 3) / 4 * 4; // whole groups of four rows
        this.bounds = new int[parts + 1];
        for (int p = 1; p <= parts; p++) {
            bounds[p] = Math.min(n, p * chunk);
        }
        this.partial = new double[parts][h * m];
    }

    /**
     * z = W X.
     *
     * @param w W (h × n), row-major
     * @param z Z (h × m), overwritten
     */
    void product(double[] w, double[] z) {
        run(w, null, 0, 0, z);
    }

    /**
     * W := W − α·((1/m)·dZ Xᵀ), then z = W X with the new W.
     *
     * @param w W (h × n), row-major, updated in place
     * @param dz dZ (h × m), row-major
     * @param alpha the learning rate
     * @param z Z (h × m), overwritten
     */
    void stepAndProduct(double[] w, double[] dz, double alpha, double[] z) {
        run(w, dz, alpha, 1.0 / m, z);
    }

    private void run(double[] w, double[] dz, double alpha, double invM, double[] z) {
        List<Callable<Void>> parts = new ArrayList<>(partial.length);
        for (int p = 0; p < partial.length; p++) {
            int part = p;
            parts.add(() -> {
                kernel.range(bounds[part], bounds[part + 1], w, dz, alpha, invM, partial[part]);
                return null;
            });
        }
        threads.runAll(parts, (long) n * m * h);
        System.arraycopy(partial[0], 0, z, 0, h * m);
        for (int p = 1; p < partial.length; p++) {
            double[] zp = partial[p];
            for (int k = 0; k < z.length; k++) {
                z[k] += zp[k];
            }
        }
    }
}
