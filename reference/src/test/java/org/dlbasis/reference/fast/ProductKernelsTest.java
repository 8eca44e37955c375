package org.dlbasis.reference.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** The hand-written kernels against EJML, on shapes from 1×1×1 to the course's skinny ones. */
class ProductKernelsTest {
    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 5, 2}, {7, 209, 300}, {1, 17, 1}, {4, 1, 9}, {0, 3, 4}, {2, 0, 3}, {5, 7, 1}
    };

    private static double bound(int k) {
        return 2 * k * 0x1p-53 / (1 - k * 0x1p-53) * Math.max(1, k); // 2·SUM(k) with |terms| ≤ 1
    }

    private static DMatrixRMaj ejml(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        if (a.numRows > 0 && a.numCols > 0 && b.numCols > 0) {
            CommonOps_DDRM.mult(a, b, c);
        }
        return c;
    }

    @Test
    void dotProductsAgreeWithEjml() {
        Random r = new Random(4);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, r);
            DMatrixRMaj v = RandomMatrices_DDRM.rectangle(s[1], 1, -1, 1, r);
            double[] expected = ejml(a, v).data;
            for (int i = 0; i < s[0]; i++) {
                assertEquals(
                        expected[i],
                        ProductKernels.dot(a.data, i * s[1], v.data, 0, s[1]),
                        bound(s[1]),
                        "row " + i + " of " + Arrays.toString(s));
            }
        }
    }

    @Test
    void productsWithATransposedOperandAgreeWithEjml() {
        Random r = new Random(5);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, r);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(s[2], s[1], -1, 1, r);
            double[] c = new double[s[0] * s[2]];
            Arrays.fill(c, Double.NaN);
            ProductKernels.multiplyTransB(a.data, b.data, c, s[0], s[2], s[1]);
            double[] expected = ejml(a, CommonOps_DDRM.transpose(b, null)).data;
            for (int i = 0; i < c.length; i++) {
                assertEquals(expected[i], c[i], bound(s[1]), "entry " + i + " of " + Arrays.toString(s));
            }
        }
    }
}
