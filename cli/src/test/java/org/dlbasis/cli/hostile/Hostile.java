package org.dlbasis.cli.hostile;

import java.util.EnumSet;
import java.util.Set;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Hostile Java implementations for {@code --impl java:<class>}: the reference's activations and
 * arrays, except that every activation call (or every dot) misbehaves in one way. Each must end
 * as a clear verdict of the run, never as the end of the runner.
 */
public abstract class Hostile implements Implementation {
    private static final ReferenceImplementation REF = new ReferenceImplementation();

    /** What every {@code activation} call does before answering. */
    abstract void misbehave();

    @Override
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ACTIVATIONS, Capability.ARRAYS);
    }

    @Override
    public ArrayOps arrays() {
        return REF.arrays();
    }

    @Override
    public Activations activations() {
        Activations ref = REF.activations();
        return new Activations() {
            @Override
            public Tensor apply(Activation g, Tensor z) {
                misbehave();
                return ref.apply(g, z);
            }

            @Override
            public Tensor derivative(Activation g, Tensor z) {
                return Hostile.this.derivative(ref, g, z);
            }

            @Override
            public Tensor maxout(Tensor pieces) {
                return ref.maxout(pieces);
            }

            @Override
            public Tensor maxoutDerivative(Tensor pieces) {
                return ref.maxoutDerivative(pieces);
            }
        };
    }

    /** What {@code activation_derivative} does: the reference's, unless overridden. */
    Tensor derivative(Activations ref, Activation g, Tensor z) {
        return ref.derivative(g, z);
    }

    @Override
    public Loss loss() {
        throw new UnsupportedOperationException();
    }

    @Override
    public LogisticRegression logisticRegression() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TwoLayerNetwork twoLayerNetwork() {
        throw new UnsupportedOperationException();
    }

    /** Ends its JVM with status 0 in the middle of a check. */
    public static final class Exits extends Hostile {
        @Override
        void misbehave() {
            System.exit(0);
        }
    }

    /** Recurses until the stack overflows. */
    public static final class Overflows extends Hostile {
        @Override
        void misbehave() {
            recurse(0);
        }

        @SuppressWarnings("InfiniteRecursion") // deliberate: this implementation must overflow the stack
        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    /** Allocates until the heap is exhausted. */
    public static final class ExhaustsMemory extends Hostile {
        @Override
        void misbehave() {
            java.util.List<long[]> hoard = new java.util.ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 24]);
            }
        }
    }

    /** Never returns. */
    public static final class Loops extends Hostile {
        @Override
        @SuppressWarnings("InfiniteLoopStatement")
        void misbehave() {
            long spin = 0;
            while (spin >= 0) {
                spin = (spin + 1) & 0xff;
            }
        }
    }

    /** Prints to System.out, which must not corrupt the protocol: it conforms. */
    public static final class Prints extends Hostile {
        @Override
        void misbehave() {
            System.out.println("{\"id\": 999, \"ok\": true} debugging output");
        }
    }

    /** Provides activations but not their derivatives: that operation is "not implemented". */
    public static final class NoDerivatives extends Hostile {
        @Override
        void misbehave() {}

        @Override
        Tensor derivative(Activations ref, Activation g, Tensor z) {
            throw new org.dlbasis.spec.api.CapabilityNotImplementedException(
                    name(), "activation_derivative", "derivatives come later");
        }
    }

    /** Provides tanh only, and does not validate input (SPEC API-2). */
    public static final class TanhOnly extends Hostile {
        @Override
        void misbehave() {}

        @Override
        public org.dlbasis.spec.api.Options options() {
            return new org.dlbasis.spec.api.Options(
                    java.util.Set.of(Activation.Kind.TANH), 1, java.util.OptionalDouble.empty(), true, true, false);
        }
    }

    /** Has no name. */
    public static final class NoName extends Hostile {
        @Override
        void misbehave() {}

        @Override
        public String name() {
            return null;
        }
    }

    /**
     * Its dot crashes while building a malformed tensor; that must never count as the
     * INVALID_ARGUMENT error that ARR-5 expects for a dot of rank 3.
     */
    public static final class MalformedDot extends Hostile {
        @Override
        void misbehave() {}

        @Override
        public ArrayOps arrays() {
            ArrayOps ref = super.arrays();
            return (ArrayOps) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ArrayOps.class}, (proxy, method, args) -> {
                        if (method.getName().equals("dot")) {
                            return Tensor.of(org.dlbasis.spec.tensor.Shape.of(2), 1, 2, 3);
                        }
                        try {
                            return method.invoke(ref, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
