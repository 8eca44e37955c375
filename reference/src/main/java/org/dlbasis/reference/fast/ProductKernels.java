package org.dlbasis.reference.fast;

/**
 * Hand-written kernels for products the training loops spend time in, where EJML's row-major
 * kernels take one dependent chain of additions per entry: dot products with four partial sums.
 * They compute the textbook sums in a different order only; {@code ProductKernelsTest} checks them
 * against EJML within the SUM(k) bound. (The wide first layer has its own one-pass kernel,
 * {@link FirstLayerPass}.)
 */
final class ProductKernels {
    private ProductKernels() {}

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
    static void multiplyTransB(double[] a, double[] b, double[] c, int rows, int cols, int k) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[i * cols + j] = dot(a, i * k, b, j * k, k);
            }
        }
    }
}
