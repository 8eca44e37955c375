package org.dlbasis.tck.suite;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;

/**
 * Runs one property against one implementation and classifies what happened.
 *
 * <p>Each property runs on a worker thread of its own under the run's time budget
 * ({@link Settings#budgetMillis()}): a property that does not end in time is an ERROR that names
 * where it was (the top frames of the worker's stack), and the run goes on. A thread cannot be
 * stopped safely in Java; the stuck worker is interrupted and abandoned as a daemon. Programs
 * behind the protocol have their own per-request timeout, and Java classes run in a child JVM, so
 * this budget is the last line of defence against the suite's own bugs (an unbounded generator).
 */
public final class Runner {
    private static final int FRAMES_SHOWN = 4;

    private Runner() {}

    /**
     * Runs {@code p} against {@code impl} on a worker thread, under the time budget of {@code settings}.
     *
     * @param impl the implementation under test
     * @param p the property to run
     * @param settings the seed, example count and time budget
     * @return the outcome: PASS with its margin, FAIL, ERROR or NOT_IMPLEMENTED with the reason
     */
    public static Outcome run(Implementation impl, Property p, Settings settings) {
        Started run = new Started(p, settings, System.nanoTime());
        FutureTask<Outcome> task = new FutureTask<>(() -> runHere(impl, run));
        Thread worker = new Thread(task, "dlbasis-property-" + p.name());
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(settings.budgetMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String where = where(worker);
            task.cancel(true);
            return run.outcome(
                    Status.ERROR,
                    0,
                    "ran out of its time budget of " + settings.budgetMillis() + " ms while running:\n" + where
                            + "\nseed " + settings.seed());
        } catch (ExecutionException e) {
            return run.outcome(Status.ERROR, 0, "the suite failed while running the property: " + e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return run.outcome(Status.ERROR, 0, "interrupted");
        }
    }

    /**
     * The property on the current thread, against the implementation as {@link Watched}: what the
     * implementation threw (besides the spec's errors) decides the outcome before anything the
     * property concluded from it.
     */
    private static Outcome runHere(Implementation impl, Started run) {
        Property p = run.p();
        Settings settings = run.settings();
        if (impl instanceof IsolatedImplementation isolated) {
            isolated.beginCheck();
        }
        try {
            for (Capability needed : p.needs()) {
                if (!impl.capabilities().contains(needed)) {
                    return run.outcome(Status.NOT_IMPLEMENTED, 0, impl.name() + " does not declare " + needed);
                }
            }
        } catch (ImplementationFailure e) {
            return run.outcome(Status.ERROR, 0, e.getMessage());
        }
        Watched watched = new Watched(impl);
        Context ctx = new Context(watched, settings, p.clauses());
        Throwable thrown = null;
        try {
            p.method()
                    .invoke(
                            p.method()
                                    .getDeclaringClass()
                                    .getDeclaredConstructor()
                                    .newInstance(),
                            ctx);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run property " + p.name(), e);
        }
        Optional<Throwable> first = watched.first();
        if (first.isPresent()) {
            return implementationThrew(run, first.get());
        }
        if (thrown != null) {
            Outcome o = classify(run, thrown);
            return o.status() == Status.FAIL ? run.outcome(o.status(), 0, o.detail(), ctx.blamed()) : o;
        }
        String texts = ctx.textDifferenceCount() == 0
                ? ""
                : TEXT_DIFFERS + ctx.textDifferenceCount() + ": " + String.join("; ", ctx.textDifferences());
        if (ctx.skippedValidation() > 0) {
            String skipped = ctx.skippedValidation() + " checks of bad input not run: " + impl.name()
                    + " does not declare input validation (SPEC API-2)";
            return ctx.checks() == 0
                    ? run.outcome(Status.NOT_IMPLEMENTED, 0, skipped)
                    : run.outcome(Status.PASS, ctx.margin(), skipped);
        }
        return run.outcome(Status.PASS, ctx.margin(), texts);
    }

    /** How a PASS says that error texts differ from the spec's while the kinds are right (SPEC ERR-1). */
    public static final String TEXT_DIFFERS = "error kind right, message text differs, ";

    /**
     * Not implemented → NOT_IMPLEMENTED; a wrong answer the adapter found (an AssertionError such
     * as {@link WrongResultShape}) → FAIL; an adapter's failure → ERROR with its text; anything
     * else → ERROR.
     */
    private static Outcome implementationThrew(Started run, Throwable t) {
        Settings settings = run.settings();
        if (t instanceof AssertionError) {
            return run.outcome(Status.FAIL, 0, t.getMessage() + "\nseed " + settings.seed());
        }
        if (t instanceof CapabilityNotImplementedException) {
            return run.outcome(Status.NOT_IMPLEMENTED, 0, t.getMessage());
        }
        if (t instanceof ImplementationFailure) {
            return run.outcome(Status.ERROR, 0, t.getMessage());
        }
        return run.outcome(Status.ERROR, 0, "the implementation threw " + t + "\nseed " + settings.seed());
    }

    /** The top frames of a stuck worker, innermost first, for the ERROR's text. */
    private static String where(Thread worker) {
        StackTraceElement[] stack = worker.getStackTrace();
        if (stack.length == 0) {
            return "  (the property had just finished)";
        }
        return Arrays.stream(stack)
                .filter(f -> !f.getClassName().startsWith("java."))
                .limit(FRAMES_SHOWN)
                .map(f -> "  at " + f)
                .collect(Collectors.joining("\n"));
    }

    /**
     * An undeclared capability → NOT_IMPLEMENTED; an adapter's {@link ImplementationFailure} →
     * ERROR; an AssertionError (a counterexample, QuickTheories' shrunk report) → FAIL; any other
     * exception escaping the property → ERROR (the implementation crashed).
     */
    private static Outcome classify(Started run, Throwable t) {
        Settings settings = run.settings();
        Throwable root = rootCause(t);
        if (root instanceof CapabilityNotImplementedException) {
            return run.outcome(Status.NOT_IMPLEMENTED, 0, root.getMessage());
        }
        if (root instanceof ImplementationFailure) {
            return run.outcome(Status.ERROR, 0, root.getMessage());
        }
        if (t instanceof AssertionError) {
            String detail = withoutStackFrames(t.getMessage())
                    + (root != t && !(root instanceof AssertionError) ? "\ncaused by " + root : "") + "\nseed "
                    + settings.seed();
            return run.outcome(Status.FAIL, 0, detail);
        }
        return run.outcome(
                Status.ERROR, 0, "threw " + t + (root != t ? "\ncaused by " + root : "") + "\nseed " + settings.seed());
    }

    /**
     * A counterexample as a student can act on it: QuickTheories' report ("Property falsified after
     * 3 example(s) / Smallest found falsifying value(s) :- {1, 0} / Cause was :- java.lang.AssertionError:
     * … / Other found falsifying value(s) …") reduced to the cause, which names the values compared
     * and the inputs of the call, and how many examples it took; no generator values (a size and a
     * seed mean nothing outside this suite), no stack frames.
     */
    static String withoutStackFrames(String message) {
        if (message == null) {
            return "";
        }
        String text = message;
        String examples = "";
        if (text.startsWith("Property falsified")) {
            int eol = text.indexOf('\n');
            examples = (eol < 0 ? text : text.substring(0, eol))
                    .replace("Property falsified", "falsified")
                    .strip();
            int cause = text.indexOf("Cause was :-");
            if (cause >= 0) {
                text = text.substring(cause + "Cause was :-".length());
                int others = text.indexOf("Other found falsifying value(s)");
                int seed = text.indexOf("Seed was");
                int end = others >= 0 ? others : seed >= 0 ? seed : text.length();
                text = text.substring(0, end);
            }
        }
        String cause = text.lines()
                .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ") && !l.startsWith("Caused by: "))
                .map(l -> l.replaceFirst("^java\\.lang\\.AssertionError: ", ""))
                .collect(Collectors.joining("\n"))
                .strip();
        return examples.isEmpty() ? cause : cause + "\n(" + examples + "; shrunk to the smallest)";
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** One run of a property: what every outcome of it records besides its verdict. */
    private record Started(Property p, Settings settings, long start) {
        Outcome outcome(Status status, double margin, String detail) {
            return outcome(status, margin, detail, List.of());
        }

        Outcome outcome(Status status, double margin, String detail, List<String> blamed) {
            return new Outcome(
                    p.name(),
                    p.clauses(),
                    status,
                    margin,
                    detail,
                    settings.seed(),
                    (System.nanoTime() - start) / 1_000_000,
                    blamed);
        }
    }
}
