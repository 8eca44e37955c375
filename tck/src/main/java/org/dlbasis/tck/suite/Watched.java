package org.dlbasis.tck.suite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;

import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.TwoLayerNetwork;
import org.dlbasis.spec.error.SpecException;

/**
 * The implementation as one check sees it: every call into a capability is watched, and the
 * first thing it throws that is not one of the spec's errors is kept — a crash, an adapter's
 * {@link ImplementationFailure}, or a per-operation "not implemented". The runner reads it after
 * the check ({@link #first()}), whatever the property's code or QuickTheories did with the
 * exception (QuickTheories turns every exception into a falsification and keeps only its text),
 * so a crash is never reported as a counterexample, and an unprovided operation never as a FAIL.
 *
 * <p>The accessors themselves ({@code arrays()}, …) are not watched: API-1 calls them on purpose
 * for undeclared capabilities and expects them to throw.
 */
final class Watched implements Implementation {
    private final Implementation impl;
    private Throwable first;

    Watched(Implementation impl) {
        this.impl = impl;
    }

    /** The first non-spec throwable of the check, if any. */
    synchronized Optional<Throwable> first() {
        return Optional.ofNullable(first);
    }

    private synchronized void record(Throwable t) {
        if (first == null) {
            first = t;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T watch(Class<T> api, T target) {
        if (target == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof SpecException)) {
                    record(cause);
                }
                throw cause;
            }
        };
        return (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
    }

    @Override
    public String name() {
        return impl.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return impl.capabilities();
    }

    @Override
    public ArrayOps arrays() {
        return watch(ArrayOps.class, impl.arrays());
    }

    @Override
    public Activations activations() {
        return watch(Activations.class, impl.activations());
    }

    @Override
    public Loss loss() {
        return watch(Loss.class, impl.loss());
    }

    @Override
    public LogisticRegression logisticRegression() {
        return watch(LogisticRegression.class, impl.logisticRegression());
    }

    @Override
    public TwoLayerNetwork twoLayerNetwork() {
        return watch(TwoLayerNetwork.class, impl.twoLayerNetwork());
    }
}
