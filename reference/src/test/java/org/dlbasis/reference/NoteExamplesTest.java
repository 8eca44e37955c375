package org.dlbasis.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The note's worked examples, exactly as printed (N17, N21–N27). */
class NoteExamplesTest {
    private final ArrayOps np = new ReferenceImplementation().arrays();

    private static final Tensor ROWS_1234 = Tensor.matrix(
            new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4},
            new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
    private static final Tensor ROWS_2345 = Tensor.matrix(
            new double[] {2, 3, 4, 5}, new double[] {2, 3, 4, 5},
            new double[] {2, 3, 4, 5}, new double[] {2, 3, 4, 5});

    @Test
    @Clause({"BCAST-2", "BCAST-4"})
    void n21_columnPlusScalar() {
        Tensor sum = np.add(Tensor.column(1, 2, 3, 4), Tensor.scalar(100));
        assertEquals(Tensor.column(101, 102, 103, 104), sum);
    }

    @Test
    @Clause({"BCAST-1", "BCAST-2"})
    void n22_matrixPlusRowRepeatsTheRow() {
        assertEquals(ROWS_2345, np.add(ROWS_1234, Tensor.row(1, 1, 1, 1)));
    }

    @Test
    @Clause({"BCAST-1", "BCAST-2"})
    void n23_matrixPlusColumnRepeatsTheColumn() {
        assertEquals(ROWS_2345, np.add(ROWS_1234, Tensor.column(1, 1, 1, 1)));
    }

    @Test
    @Clause({"RANK1-1", "RANK1-2", "ARR-3"})
    void n24_n26_rank1ArrayTransposeIsItselfAndDotIsANumber() {
        Tensor a = Tensor.vector(0.5, -1.25, 2, 3, -0.75);
        assertEquals(Shape.of(5), a.shape());
        assertEquals(a, np.transpose(a));
        Tensor dot = np.dot(a, np.transpose(a));
        assertEquals(Shape.scalar(), dot.shape());
        assertEquals(0.25 + 1.5625 + 4 + 9 + 0.5625, dot.item(), 0.0);
    }

    @Test
    @Clause({"RANK1-3", "ARR-3", "ARR-4"})
    void n27_columnDotItsTransposeIsTheOuterProductAndEqualsBroadcastProduct() {
        Tensor a = Tensor.column(1, 2, 3, 4, 5);
        assertEquals(Shape.of(1, 5), np.transpose(a).shape());
        Tensor outer = np.dot(a, np.transpose(a));
        assertEquals(Shape.of(5, 5), outer.shape());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals((i + 1) * (j + 1), outer.get(i, j), 0.0);
            }
        }
        assertEquals(outer, np.multiply(a, np.transpose(a)));
    }

    @Test
    @Clause({"RANK1-4", "ARR-7"})
    void n28_reshapeTurnsRank1IntoAColumnAndBack() {
        Tensor a = Tensor.vector(1, 2, 3, 4, 5);
        Tensor column = np.reshape(a, 5, 1);
        assertEquals(Tensor.column(1, 2, 3, 4, 5), column);
        assertEquals(a, np.reshape(column, -1));
    }

    /** N17: the vectorized dot equals the loop up to the SUM(n) bound, here 2·γₙ·Σ|aᵢbᵢ|. */
    @Test
    @Clause({"VEC-3", "ARR-4"})
    void n17_dotOfTwoMillionElementVectorsEqualsTheLoopUpToRounding() {
        int n = 1_000_000;
        Random random = new Random(17);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble();
            b[i] = random.nextDouble();
        }
        double loop = 0;
        double absSum = 0;
        for (int i = 0; i < n; i++) {
            loop += a[i] * b[i];
            absSum += Math.abs(a[i] * b[i]);
        }
        double vectorized = np.dot(Tensor.vector(a), Tensor.vector(b)).item();
        double u = 0x1p-53;
        double gamma = n * u / (1 - n * u);
        assertThat(Math.abs(vectorized - loop), is(lessThanOrEqualTo(2 * gamma * absSum)));
    }
}
