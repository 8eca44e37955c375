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
        long start = System.nanoTime();
        FutureTask<Outcome> task = new FutureTask<>(() -> runHere(impl, p, settings, start));
        Thread worker = new Thread(task, "dlbasis-property-" + p.name());
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(settings.budgetMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String where = where(worker);
            task.cancel(true);
            return outcome(
                    p,
                    Status.ERROR,
                    0,
                    "ran out of its time budget of " + settings.budgetMillis() + " ms while running:\n" + where
                            + "\nseed " + settings.seed(),
                    settings,
                    start);
        } catch (ExecutionException e) {
            return outcome(
                    p,
                    Status.ERROR,
                    0,
                    "the suite failed while running the property: " + e.getCause(),
                    settings,
                    start);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return outcome(p, Status.ERROR, 0, "interrupted", settings, start);
        }
    }

    /**
     * The property on the current thread, against the implementation as {@link Watched}: what the
     * implementation threw (besides the spec's errors) decides the outcome before anything the
     * property concluded from it.
     */
    private static Outcome runHere(Implementation impl, Property p, Settings settings, long start) {
        if (impl instanceof IsolatedImplementation isolated) {
            isolated.beginCheck();
        }
        try {
            for (Capability needed : p.needs()) {
                if (!impl.capabilities().contains(needed)) {
                    return outcome(
                            p, Status.NOT_IMPLEMENTED, 0, impl.name() + " does not declare " + needed, settings, start);
                }
            }
        } catch (ImplementationFailure e) {
            return outcome(p, Status.ERROR, 0, e.getMessage(), settings, start);
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
            return implementationThrew(p, first.get(), settings, start);
        }
        if (thrown != null) {
            Outcome o = classify(p, thrown, settings, start);
            return o.status() == Status.FAIL ? outcome(p, o.status(), 0, o.detail(), settings, start, ctx.blamed()) : o;
        }
        String texts = ctx.textDifferenceCount() == 0
                ? ""
                : TEXT_DIFFERS + ctx.textDifferenceCount() + ": " + String.join("; ", ctx.textDifferences());
        if (ctx.skippedValidation() > 0) {
            String skipped = ctx.skippedValidation() + " checks of bad input not run: " + impl.name()
                    + " does not declare input validation (SPEC API-2)";
            return ctx.checks() == 0
                    ? outcome(p, Status.NOT_IMPLEMENTED, 0, skipped, settings, start)
                    : outcome(p, Status.PASS, ctx.margin(), skipped, settings, start);
        }
        return outcome(p, Status.PASS, ctx.margin(), texts, settings, start);
    }

    /** How a PASS says that error texts differ from the spec's while the kinds are right (SPEC ERR-1). */
    public static final String TEXT_DIFFERS = "error kind right, message text differs, ";

    /**
     * Not implemented → NOT_IMPLEMENTED; a wrong answer the adapter found (an AssertionError such
     * as {@link WrongResultShape}) → FAIL; an adapter's failure → ERROR with its text; anything
     * else → ERROR.
     */
    private static Outcome implementationThrew(Property p, Throwable t, Settings settings, long start) {
        if (t instanceof AssertionError) {
            return outcome(p, Status.FAIL, 0, t.getMessage() + "\nseed " + settings.seed(), settings, start);
        }
        if (t instanceof CapabilityNotImplementedException) {
            return outcome(p, Status.NOT_IMPLEMENTED, 0, t.getMessage(), settings, start);
        }
        if (t instanceof ImplementationFailure) {
            return outcome(p, Status.ERROR, 0, t.getMessage(), settings, start);
        }
        return outcome(
                p, Status.ERROR, 0, "the implementation threw " + t + "\nseed " + settings.seed(), settings, start);
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
    private static Outcome classify(Property p, Throwable t, Settings settings, long start) {
        Throwable root = rootCause(t);
        if (root instanceof CapabilityNotImplementedException) {
            return outcome(p, Status.NOT_IMPLEMENTED, 0, root.getMessage(), settings, start);
        }
        if (root instanceof ImplementationFailure) {
            return outcome(p, Status.ERROR, 0, root.getMessage(), settings, start);
        }
        if (t instanceof AssertionError) {
            String detail = withoutStackFrames(t.getMessage())
                    + (root != t && !(root instanceof AssertionError) ? "\ncaused by " + root : "") + "\nseed "
                    + settings.seed();
            return outcome(p, Status.FAIL, 0, detail, settings, start);
        }
        return outcome(
                p,
                Status.ERROR,
                0,
                "threw " + t + (root != t ? "\ncaused by " + root : "") + "\nseed " + settings.seed(),
                settings,
                start);
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

    private static Outcome outcome(Property p, Status status, double margin, String detail, Settings s, long start) {
        return outcome(p, status, margin, detail, s, start, List.of());
    }

    private static Outcome outcome(
            Property p, Status status, double margin, String detail, Settings s, long start, List<String> blamed) {
        return new Outcome(
                p.name(),
                p.clauses(),
                status,
                margin,
                detail,
                s.seed(),
                (System.nanoTime() - start) / 1_000_000,
                blamed);
    }
}
