package org.dlbasis.properties.suite;

import java.lang.reflect.InvocationTargetException;

import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.error.CapabilityNotImplementedException;

/** Runs one property against one implementation and classifies what happened. */
public final class Runner {
    private Runner() {
    }

    public static Outcome run(Implementation impl, Property p, Settings settings) {
        long start = System.nanoTime();
        ImplementationFailure.reset();
        try {
            for (Capability needed : p.needs()) {
                if (!impl.capabilities().contains(needed)) {
                    return outcome(p, Status.NOT_IMPLEMENTED, 0,
                            impl.name() + " does not declare " + needed, settings, start);
                }
            }
        } catch (ImplementationFailure e) {
            ImplementationFailure.reset();
            return outcome(p, Status.ERROR, 0, e.getMessage(), settings, start);
        }
        Context ctx = new Context(impl, settings);
        try {
            p.method().invoke(p.method().getDeclaringClass().getDeclaredConstructor().newInstance(), ctx);
            return outcome(p, Status.PASS, ctx.margin(), "", settings, start);
        } catch (InvocationTargetException e) {
            ImplementationFailure failure = ImplementationFailure.first();
            return failure != null ? outcome(p, Status.ERROR, 0, failure.getMessage(), settings, start)
                    : classify(p, e.getCause(), settings, start);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run property " + p.name(), e);
        } finally {
            ImplementationFailure.reset();
        }
    }

    /**
     * An undeclared capability → NOT_IMPLEMENTED; an adapter's {@link ImplementationFailure} →
     * ERROR; an AssertionError (a counterexample, QuickTheories' shrunk report) → FAIL; any other
     * exception escaping the property → ERROR (the implementation crashed).
     */
    private static Outcome classify(Property p, Throwable t, Settings settings, long start) {
        Throwable root = rootCause(t);
        if (root instanceof CapabilityNotImplementedException) {
            return outcome(p, Status.NOT_IMPLEMENTED, 0, root.getMessage(), settings, start);
        }
        if (root instanceof ImplementationFailure) {
            return outcome(p, Status.ERROR, 0, root.getMessage(), settings, start);
        }
        String detail = withoutStackFrames(t.getMessage()) + (root != t && !(root instanceof AssertionError)
                ? "\ncaused by " + root : "") + "\nseed " + settings.seed();
        return outcome(p, t instanceof AssertionError ? Status.FAIL : Status.ERROR, 0, detail, settings, start);
    }

    /** QuickTheories puts the cause's stack trace in its message; the report needs the values, not the frames. */
    private static String withoutStackFrames(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... "))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Outcome outcome(Property p, Status status, double margin, String detail, Settings s, long start) {
        return new Outcome(p.name(), p.clauses(), status, margin, detail, s.seed(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
