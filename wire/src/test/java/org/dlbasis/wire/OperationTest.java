package org.dlbasis.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The encoder and the decoder are each other's inverse: a call encoded as a request
 * ({@link Operation#request}), served ({@link Operation#invoke}) and read back
 * ({@link Operation#result}) gives what the direct call gives.
 */
class OperationTest {
    private static final Implementation REF = new ReferenceImplementation();

    /** A fault handler that fails the test with what it was told. */
    private static final Faults FAULTS = new Faults() {
        @Override
        public void missing(Operation op, String output, Set<String> given) {
            throw new AssertionError(op + " without " + output + "; " + given);
        }

        @Override
        public void wrongShape(Operation op, String output, Shape expected, Shape found) {
            throw new AssertionError(op + " " + output + " " + found + ", expected " + expected);
        }
    };

    private static Object roundTrip(Operation op, Object... values) {
        Operation.Request r = op.request(values);
        return op.result(op.invoke(REF, r.params(), r.inputs()), FAULTS, values);
    }

    private static final Tensor W1 = Tensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    private static final Tensor B1 = Tensor.of(Shape.of(2, 1), 1, 2);
    private static final Tensor W2 = Tensor.of(Shape.of(1, 2), 0.5, -1);
    private static final Tensor B2 = Tensor.of(Shape.of(1, 1), 3);

    @Test
    void netCollapseIsW2W1AndW2b1PlusB2() {
        AffineMap m = (AffineMap) roundTrip(Operation.NET_COLLAPSE, new NetworkParameters(W1, B1, W2, B2));
        assertArrayEquals(new double[] {-3.5, -4, -4.5}, m.w().toArray());
        assertEquals(Shape.of(1, 3), m.w().shape());
        assertArrayEquals(new double[] {1.5}, m.b().toArray());
        assertEquals(Shape.of(1, 1), m.b().shape());
    }

    @Test
    void aSumOverEveryAxisSendsANullAxis() {
        Tensor a = Tensor.of(Shape.of(2, 2), 1, 2, 3, 4);
        assertEquals(
                "{\"axis\":null,\"keepdims\":false}",
                Operation.SUM.request(null, false, a).params().toString());
        assertEquals(Tensor.scalar(10), roundTrip(Operation.SUM, null, false, a));
    }

    @Test
    void aDeepTrainingRunComesBackLayerByLayerWithItsCosts() {
        DeepParameters p = REF.deepNetwork().initialize(new int[] {3, 2, 1}, Initialization.gaussian(0.1, 7));
        Tensor x = Tensor.of(Shape.of(3, 2), 1, 0, -1, 2, 0.5, 1);
        Tensor y = Tensor.of(Shape.of(1, 2), 1, 0);
        Activation g = new Activation(Activation.Kind.TANH, 0);
        @SuppressWarnings("unchecked")
        Training<DeepParameters> t = (Training<DeepParameters>) roundTrip(Operation.DEEP_TRAIN, g, 0.5, 3, p, x, y);
        Training<DeepParameters> direct = REF.deepNetwork().train(p, x, y, g, 0.5, 3);
        assertArrayEquals(direct.costs(), t.costs());
        assertEquals(direct.parameters(), t.parameters());
    }

    @Test
    void aCostThatIsNotANumberIsAWrongShape() {
        Tensor y = Tensor.of(Shape.of(1, 2), 1, 0);
        AssertionError e =
                assertThrows(AssertionError.class, () -> Operation.COST.result(Map.of("out", y), FAULTS, y, y));
        assertEquals("cost out (1,2), expected ()", e.getMessage());
        AssertionError missing =
                assertThrows(AssertionError.class, () -> Operation.COST.result(Map.of("cost", y), FAULTS, y, y));
        assertEquals("cost without out; [cost]", missing.getMessage());
    }
}
