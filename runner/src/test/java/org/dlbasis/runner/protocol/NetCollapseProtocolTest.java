package org.dlbasis.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * net_collapse (SPEC NET-4) through the protocol: the java: server serves it, and a program that
 * answers NOT_IMPLEMENTED for it is a {@link CapabilityNotImplementedException}, as for any operation.
 */
class NetCollapseProtocolTest {
    private static final NetworkParameters P = new NetworkParameters(
            Tensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6),
            Tensor.of(Shape.of(2, 1), 1, 2),
            Tensor.of(Shape.of(1, 2), 0.5, -1),
            Tensor.of(Shape.of(1, 1), 3));

    @Test
    void theJavaServerServesTheReferencesCollapse() {
        try (ProtocolImplementation impl =
                ProtocolImplementation.javaClass(ReferenceImplementation.class.getName(), null, 30_000)) {
            AffineMap m = impl.twoLayerNetwork().collapse(P);
            assertEquals(new ReferenceImplementation().twoLayerNetwork().collapse(P), m);
            assertEquals(Tensor.of(Shape.of(1, 1), 1.5), m.b());
        }
    }

    /** The reference's two-layer network without collapse: the API's default, "not implemented". */
    public static final class WithoutCollapse implements Implementation {
        private final TwoLayerNetwork net = new ReferenceImplementation().twoLayerNetwork();

        @Override
        public String name() {
            return "no collapse";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.TWO_LAYER_NETWORK);
        }

        @Override
        public TwoLayerNetwork twoLayerNetwork() {
            return (TwoLayerNetwork) java.lang.reflect.Proxy.newProxyInstance(
                    TwoLayerNetwork.class.getClassLoader(),
                    new Class<?>[] {TwoLayerNetwork.class},
                    (proxy, method, args) -> method.isDefault()
                            ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                            : method.invoke(net, args));
        }
    }

    @Test
    void aNotImplementedAnswerIsCapabilityNotImplemented() {
        try (ProtocolImplementation impl =
                ProtocolImplementation.javaClass(WithoutCollapse.class.getName(), null, 30_000)) {
            CapabilityNotImplementedException e = assertThrows(
                    CapabilityNotImplementedException.class,
                    () -> impl.twoLayerNetwork().collapse(P));
            assertEquals(
                    "no collapse does not implement the operation \"net_collapse\": this two-layer network "
                            + "does not implement the operation \"net_collapse\"",
                    e.getMessage());
        }
    }
}
