package org.dlbasis.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.error.AxisOutOfBoundsException;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.error.ShapeMismatchException;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The exact error texts of SPEC ERR-1, as numpy 2.4.6 prints them (see the errata for the two differences). */
class ErrorMessagesTest {
    private final ArrayOps np = new ReferenceImplementation().arrays();

    @Test
    @Clause({"ERR-1", "BCAST-3"})
    void broadcastMessageNamesBothShapesInCallOrder() {
        ShapeMismatchException e =
                assertThrows(ShapeMismatchException.class, () -> np.add(Tensor.zeros(4, 3), Tensor.zeros(4)));
        assertEquals("operands could not be broadcast together with shapes (4,3) (4,)", e.getMessage());
        ShapeMismatchException swapped =
                assertThrows(ShapeMismatchException.class, () -> np.multiply(Tensor.zeros(4), Tensor.zeros(4, 3)));
        assertEquals("operands could not be broadcast together with shapes (4,) (4,3)", swapped.getMessage());
    }

    @Test
    @Clause({"ERR-1", "ARR-4", "RANK1-5"})
    void dotMessagesAreNumpys() {
        assertEquals(
                "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)",
                assertThrows(ShapeMismatchException.class, () -> np.dot(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                        .getMessage());
        assertEquals(
                "shapes (4,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)",
                assertThrows(ShapeMismatchException.class, () -> np.dot(Tensor.zeros(4, 3), Tensor.zeros(4)))
                        .getMessage());
        assertEquals(
                "shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)",
                assertThrows(ShapeMismatchException.class, () -> np.dot(Tensor.zeros(3), Tensor.zeros(4)))
                        .getMessage());
        assertEquals(
                "shapes (4,) and (3,2) not aligned: 4 (dim 0) != 3 (dim 0)",
                assertThrows(ShapeMismatchException.class, () -> np.dot(Tensor.zeros(4), Tensor.zeros(3, 2)))
                        .getMessage());
    }

    @Test
    @Clause({"ERR-1", "ARR-5"})
    void dotAboveRankTwoIsOutsideTheSpec() {
        assertEquals(
                "dot is specified for operands of rank <= 2, found shapes (2,2,2) and (2,)",
                assertThrows(InvalidArgumentException.class, () -> np.dot(Tensor.zeros(2, 2, 2), Tensor.zeros(2)))
                        .getMessage());
    }

    @Test
    @Clause({"ERR-1", "ARR-7"})
    void reshapeMessages() {
        assertEquals(
                "cannot reshape array of size 6 into shape (4,)",
                assertThrows(ShapeMismatchException.class, () -> np.reshape(Tensor.zeros(6), 4))
                        .getMessage());
        assertEquals(
                "cannot reshape array of size 6 into shape (-1,4)",
                assertThrows(ShapeMismatchException.class, () -> np.reshape(Tensor.zeros(6), -1, 4))
                        .getMessage());
        assertEquals(
                "can only specify one unknown dimension",
                assertThrows(InvalidArgumentException.class, () -> np.reshape(Tensor.zeros(6), -1, -1))
                        .getMessage());
        assertEquals(
                "cannot reshape array of size 0 into shape (-1,0)",
                assertThrows(ShapeMismatchException.class, () -> np.reshape(Tensor.zeros(0, 3), -1, 0))
                        .getMessage());
    }

    @Test
    @Clause({"ERR-1", "ARR-6"})
    void axisMessages() {
        assertEquals(
                "axis 2 is out of bounds for array of dimension 2",
                assertThrows(AxisOutOfBoundsException.class, () -> np.sum(Tensor.zeros(2, 3), 2, false))
                        .getMessage());
        assertEquals(
                "axis -3 is out of bounds for array of dimension 2",
                assertThrows(AxisOutOfBoundsException.class, () -> np.sum(Tensor.zeros(2, 3), -3, true))
                        .getMessage());
        assertEquals(
                "axis 1 is out of bounds for array of dimension 0",
                assertThrows(AxisOutOfBoundsException.class, () -> np.sum(Tensor.scalar(1), 1, true))
                        .getMessage());
        assertEquals(Tensor.scalar(1), np.sum(Tensor.scalar(1), -1, false), "numpy accepts axis -1 on a 0-d array");
    }
}
