package org.dlbasis.tck.suite;

import static org.hamcrest.MatcherAssert.assertThat;

import java.util.Random;

import org.dlbasis.tck.match.TensorMatchers;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.spec.tensor.Tensor;
import org.quicktheories.QuickTheory;

/**
 * What a property sees: the implementation under test, a QuickTheories entry point configured
 * with the run's seed and example count, and assertions that record the margin (the worst
 * observed error relative to its tolerance) for the report.
 */
public final class Context {
    private final Implementation implementation;
    private final Settings settings;
    private double worstRatio;

    public Context(Implementation implementation, Settings settings) {
        this.implementation = implementation;
        this.settings = settings;
    }

    public Implementation impl() {
        return implementation;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * {@code qt()} with the run's seed and {@link Settings#examples()}, and at most
     * {@value #SHRINK_CYCLES} shrinking steps (QuickTheories' default is unbounded in practice,
     * and every step is a call to the implementation).
     */
    public QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(settings.seed()).withExamples(settings.examples())
                .withShrinkCycles(SHRINK_CYCLES);
    }

    /** {@code qt()} for properties that train models: fewer, costlier examples. */
    public QuickTheory qtModels() {
        return QuickTheory.qt().withFixedSeed(settings.seed()).withExamples(settings.modelExamples())
                .withShrinkCycles(SHRINK_CYCLES);
    }

    /** Shrinking steps per failing property. */
    static final int SHRINK_CYCLES = 500;

    /** A deterministic random source for properties over fixed families of data. */
    public Random random() {
        return new Random(settings.seed());
    }

    /** The worst tolerance ratio seen so far (0 if only exact checks ran). */
    public double margin() {
        return worstRatio;
    }

    /** Every element of {@code actual} within {@code tolerance} of {@code expected}, shapes equal. */
    public void assertClose(String what, Tensor actual, Tensor expected, Tolerance tolerance) {
        assertThat(what, actual, TensorMatchers.closeTo(expected, tolerance));
        record(TensorMatchers.worstRatio(actual, expected, tolerance));
    }

    /** {@code actual} within {@code tolerance} of {@code expected}. */
    public void assertClose(String what, double actual, double expected, Tolerance tolerance) {
        double ratio = tolerance.ratio(actual, expected);
        if (!(ratio <= 1)) {
            throw new AssertionError(what + ": expected " + expected + ", actual " + actual + ", |diff| "
                    + Math.abs(actual - expected) + " > allowed " + tolerance.allowed(expected) + " under "
                    + tolerance);
        }
        record(ratio);
    }

    /** A condition that must hold, with a message that names what was found. */
    public void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /**
     * {@code call} raises the spec's error of {@code kind}; if {@code message} is not null, with
     * exactly that text.
     */
    public void assertRaises(ErrorKind kind, String message, Runnable call) {
        try {
            call.run();
        } catch (SpecException e) {
            require(e.kind() == kind, "expected a " + kind + " error, found " + e.kind() + ": " + e.getMessage());
            if (message != null) {
                require(message.equals(e.getMessage()),
                        "expected the message \"" + message + "\", found \"" + e.getMessage() + "\"");
            }
            return;
        }
        throw new AssertionError("expected a " + kind + " error" + (message == null ? "" : " \"" + message + "\"")
                + ", but the call returned normally");
    }

    private void record(double ratio) {
        worstRatio = Math.max(worstRatio, ratio);
    }
}
