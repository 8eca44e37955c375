package org.dlbasis.tck.suite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.api.ArrayOps;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.DeepNetwork;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.Initialization;
import org.dlbasis.spec.api.LayerSizes;
import org.dlbasis.spec.api.LogisticRegression;
import org.dlbasis.spec.api.Loss;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Options;
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
 * <p>It also keeps the suite from asking for what the implementation's {@link Options} do not
 * declare (SPEC API-2): such a call is not sent, and the check is not implemented.
 *
 * <p>The accessors themselves ({@code arrays()}, …) are not watched: API-1 calls them on purpose
 * for undeclared capabilities and expects them to throw.
 */
public final class Watched implements Implementation {
    private final Implementation impl;
    private Throwable first;
    private volatile String lastCapability;
    private volatile java.lang.reflect.Method lastMethod;
    private volatile Object[] lastArgs;

    /**
     * Watches {@code impl} for one check.
     *
     * @param impl the implementation under test
     */
    public Watched(Implementation impl) {
        this.impl = impl;
    }

    /**
     * The first non-spec throwable of the check, if any.
     *
     * @return the first crash, {@link ImplementationFailure} or "not implemented", or empty
     */
    public synchronized Optional<Throwable> first() {
        return Optional.ofNullable(first);
    }

    /**
     * The last call into the implementation, with its arguments named and shown with their shapes
     * ({@code Activations.derivative(g = relu, z = [0.0] (1,))}): a counterexample as inputs that an
     * adapter author in any language can rebuild, rather than generator values. An implementation
     * that gave its own terms for the call sees it in those ({@link
     * IsolatedImplementation#lastCallInItsTerms()}).
     *
     * @return the call as text, or an empty string if there was none
     */
    public String lastCall() {
        java.lang.reflect.Method m = lastMethod;
        if (m == null) {
            return "(no call yet)";
        }
        if (impl instanceof IsolatedImplementation isolated) {
            Optional<String> own = isolated.lastCallInItsTerms();
            if (own.isPresent()) {
                return own.get();
            }
        }
        Object[] args = lastArgs == null ? new Object[0] : lastArgs;
        java.lang.reflect.Parameter[] params = m.getParameters();
        StringBuilder b = new StringBuilder(lastCapability)
                .append('.')
                .append(m.getName())
                .append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(params[i].getName())
                    .append(" = ")
                    .append(Shown.value(args[i]));
        }
        return b.append(')').toString();
    }

    /** Keeps {@code t} if it is the check's first. */
    synchronized void record(Throwable t) {
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
            lastCapability = api.getSimpleName();
            lastMethod = method;
            lastArgs = args;
            undeclared(api, method.getName(), args).ifPresent(what -> {
                CapabilityNotImplementedException e = new CapabilityNotImplementedException(
                        impl.name() + " does not declare " + what + " (its options, SPEC API-2)");
                record(e);
                throw e;
            });
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

    /**
     * What a call would ask for that the implementation's {@link Options} do not declare: an
     * activation, a separate step, an initialisation scale, more output units. The suite never
     * sends such a call: the check is not implemented (generators draw only what is declared, so
     * this guards the properties that name a case explicitly).
     */
    private Optional<String> undeclared(Class<?> api, String method, Object[] args) {
        Options o = impl.options();
        boolean deep = api == DeepNetwork.class;
        if (method.equals("step") && !o.step()) {
            return Optional.of("a separate step");
        }
        for (Object a : args == null ? new Object[0] : args) {
            if (a instanceof Activation g && !(deep ? o.declaresDeep(g.kind()) : o.declares(g.kind()))) {
                return Optional.of((deep ? "the deep network's activation " : "the activation ")
                        + g.kind().wireName());
            }
            if (a instanceof Initialization init && !o.acceptsInitScale(init.scale())) {
                return Optional.of("initialisation with scale " + init.scale() + " (it uses "
                        + o.fixedInitScale().getAsDouble() + ")");
            }
            int outputs = a instanceof LayerSizes s
                    ? s.ny()
                    : a instanceof NetworkParameters p ? p.w2().shape().dim(0) : 0;
            if (outputs > o.maxOutputUnits()) {
                return Optional.of(outputs + " output units (at most " + o.maxOutputUnits() + ")");
            }
        }
        return Optional.empty();
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
    public Options options() {
        return impl.options();
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

    @Override
    public DeepNetwork deepNetwork() {
        return watch(DeepNetwork.class, impl.deepNetwork());
    }
}
