package org.dlbasis.reference.fast;

import java.lang.reflect.Constructor;

/**
 * The work of {@link FirstLayerPass} on a range of rows [from, to) of X (n × m): for each row j,
 * the step of W's column j from dZ·X[j,:]ᵀ (when dZ is given), then W[:, j]·X[j, :] added to Z's
 * partial sum {@code zp} (h × m, zeroed first).
 *
 * <p>Two kernels: {@link ScalarRowKernel}, plain Java 17, always there; and
 * {@code VectorRowKernel} on the JDK's incubating Vector API, several times faster on the
 * course's shapes but only where the JVM runs with {@code --add-modules jdk.incubator.vector}
 * (the module is not resolved otherwise, and loading the class would fail). {@link #best} picks
 * the vector kernel when that module is in the boot layer and a vector holds at least four doubles
 * (AVX2 or wider), unless {@code -Ddlbasis.vector=false}; it never loads the class otherwise. The
 * two round differently (the vector kernel sums in another order, with fused multiply-adds): each
 * is deterministic, and both are within the spec's tolerances of the textbook formulas (tested).
 */
interface RowKernel {
    /**
     * Rows [from, to) of X: W's step there, and their share of Z.
     *
     * @param from the first row
     * @param to one past the last row
     * @param w W (h × n), row-major, updated in place when {@code dz} is given
     * @param dz dZ (h × m), or null for the product alone
     * @param alpha the learning rate
     * @param invM 1/m
     * @param zp Z's partial sum for these rows (h × m), overwritten
     */
    void range(int from, int to, double[] w, double[] dz, double alpha, double invM, double[] zp);

    /**
     * The fastest kernel this JVM can run.
     *
     * @param x X (n × m), row-major
     * @param n the rows of X
     * @param m the columns of X
     * @param h the rows of W and Z
     * @return the Vector API kernel where available, else the plain one
     */
    static RowKernel best(double[] x, int n, int m, int h) {
        return vectorAvailable() ? vector(x, n, m, h) : new ScalarRowKernel(x, n, m, h);
    }

    /**
     * Whether {@link #best} takes the Vector API kernel: the module resolved, vectors of at least
     * four doubles, and not turned off with {@code -Ddlbasis.vector=false}.
     *
     * @return true if it does
     */
    static boolean vectorAvailable() {
        return VectorCheck.AVAILABLE;
    }

    /**
     * The Vector API kernel; call only if {@link #vectorAvailable()}.
     *
     * @param x X (n × m), row-major
     * @param n the rows of X
     * @param m the columns of X
     * @param h the rows of W and Z
     * @return the kernel
     */
    static RowKernel vector(double[] x, int n, int m, int h) {
        try {
            Constructor<?> c = Class.forName("org.dlbasis.reference.fast.VectorRowKernel")
                    .getDeclaredConstructor(double[].class, int.class, int.class, int.class);
            return (RowKernel) c.newInstance(x, n, m, h);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API kernel cannot be made", e);
        }
    }

    /** The check, once per JVM, without loading the vector kernel unless the module is there. */
    final class VectorCheck {
        static final boolean AVAILABLE = check();

        private VectorCheck() {}

        private static boolean check() {
            if (!Boolean.parseBoolean(System.getProperty("dlbasis.vector", "true"))
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return false;
            }
            try {
                return (int) Class.forName("org.dlbasis.reference.fast.VectorRowKernel")
                                .getDeclaredMethod("lanes")
                                .invoke(null)
                        >= 4;
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
