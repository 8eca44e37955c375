package org.dlbasis.reference.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** The hand-written kernel against EJML, on shapes from 1×1×1 to the course's skinny ones. */
class RowUpdatesTest {

    @Test
    void agreesWithEjmlWithinTheSumBound() {
        Random r = new Random(3);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {7, 209, 300}, {1, 17, 1}, {4, 1, 9}, {0, 3, 4}, {2, 0, 3}};
        for (int[] s : shapes) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, r);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(s[1], s[2], -1, 1, r);
            DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]);
            if (s[0] > 0 && s[1] > 0 && s[2] > 0) {
                CommonOps_DDRM.mult(a, b, expected);
            }
            double[] c = new double[s[0] * s[2]];
            java.util.Arrays.fill(c, Double.NaN); // must be overwritten
            RowUpdates.multiply(a.data, b.data, c, s[0], s[1], s[2]);
            double gamma = 2 * s[1] * 0x1p-53 / (1 - s[1] * 0x1p-53);
            for (int i = 0; i < c.length; i++) {
                assertEquals(expected.data[i], c[i], gamma * s[1], "entry " + i + " of " + java.util.Arrays.toString(s));
            }
        }
    }
}
