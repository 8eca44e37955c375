package org.dlbasis.tck.suite;

import static org.hamcrest.MatcherAssert.assertThat;

import java.util.List;
import java.util.Random;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.api.Options;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.Diagnoses;
import org.dlbasis.tck.match.TensorMatchers;
import org.dlbasis.tck.match.Tolerance;

/**
 * What a property sees: the implementation under test, a QuickTheories entry point configured
 * with the run's seed and example count, and assertions that record the margin (the worst
 * observed error relative to its tolerance) for the report.
 *
 * <p>What it keeps does not grow with the example count (issue #14): the worst ratio, counts, and
 * the first {@value #TEXT_DIFFERENCES_KEPT} differing error texts; {@link Theory} keeps
 * QuickTheories' own bookkeeping bounded.
 */
public final class Context {
    private final Implementation implementation;
    private final Settings settings;
    private final Options options;
    private final Watched watched;
    private final List<String> clauses;
    private double worstRatio;
    private long checks;
    private long skippedValidation;
    private List<String> blame = List.of();
    private long textDifferenceCount;
    private final List<String> textDifferences = new java.util.ArrayList<>(TEXT_DIFFERENCES_KEPT);
    private List<String> blamedAtFailure = List.of();

    /**
     * A context for one run of one property.
     *
     * @param implementation the implementation under test, usually {@link Watched}
     * @param settings the run's seed, example count and time budget
     * @param clauses the clauses the property names, which are all it may blame
     */
    Context(Implementation implementation, Settings settings, List<String> clauses) {
        this.implementation = implementation;
        this.clauses = List.copyOf(clauses);
        this.settings = settings;
        this.options = implementation.options();
        this.watched = implementation instanceof Watched w ? w : null;
    }

    /**
     * The implementation under test.
     *
     * @return the implementation, as the run watches it
     */
    public Implementation impl() {
        return implementation;
    }

    /**
     * What the implementation declares inside its capabilities (SPEC API-2).
     *
     * @return the implementation's declared options
     */
    public Options options() {
        return options;
    }

    /**
     * Stops the check as not implemented unless {@code declared}: for a check that needs an
     * option the implementation does not declare ({@code what} names it).
     *
     * @param declared whether the implementation declares the option
     * @param what the option, for the message, such as {@code "the activation elu"}
     */
    public void need(boolean declared, String what) {
        if (!declared) {
            CapabilityNotImplementedException e = new CapabilityNotImplementedException(
                    implementation.name() + " does not declare " + what + " (its options, SPEC API-2)");
            if (watched != null) {
                watched.record(e); // QuickTheories would turn it into a falsification
            }
            throw e;
        }
    }

    /**
     * {@code a}, if its kind is declared; otherwise the check is not implemented.
     *
     * @param a the activation the check needs
     * @return {@code a}
     */
    public Activation need(Activation a) {
        need(options.declares(a.kind()), "the activation " + a.kind().wireName());
        return a;
    }

    /**
     * The declared ones among {@code candidates}; not implemented if there are none.
     *
     * @param candidates the activations the check could use
     * @return those whose kind the implementation declares, in the same order; never empty
     */
    public List<Activation> declared(List<Activation> candidates) {
        List<Activation> declared =
                candidates.stream().filter(a -> options.declares(a.kind())).toList();
        need(!declared.isEmpty(), "any of the activations " + candidates);
        return declared;
    }

    /**
     * Names the clauses that the checks from here on are about, for a property that names several
     * (one per activation, say): a failure is then held against these only. Call it again, or
     * with no argument to blame all again.
     *
     * <p>Only clauses the property names: {@link Property#of} checks the ones its code loads when
     * the catalog is built, and this checks again, for a clause passed in from elsewhere.
     *
     * @param clauseIds the clauses a failure from here on is held against; none: all the property names
     * @throws IllegalStateException if the property does not name one of them (the suite's bug)
     */
    public void blame(ClauseId... clauseIds) {
        List<String> ids = java.util.Arrays.stream(clauseIds).map(ClauseId::id).toList();
        for (String id : ids) {
            if (!clauses.contains(id)) {
                throw new IllegalStateException(
                        "the suite blames " + id + ", which the property's @Clause " + clauses + " does not name");
            }
        }
        blame = ids;
    }

    /** The clauses blamed when the last failure happened (empty: all the property names). */
    List<String> blamed() {
        return blamedAtFailure;
    }

    /** "after the call …": the inputs of the last call into the implementation, for a failure message. */
    private String lastCall() {
        return watched == null ? "" : "\n  after the call " + watched.lastCall();
    }

    /** How many differing error texts a check keeps to show; the others are only counted. */
    static final int TEXT_DIFFERENCES_KEPT = 3;

    /**
     * The first {@value #TEXT_DIFFERENCES_KEPT} errors of the right kind whose message text differs
     * from the spec's (SPEC ERR-1: reported, not failed).
     */
    List<String> textDifferences() {
        return textDifferences;
    }

    /** How many errors of the right kind had a message text that differs from the spec's. */
    long textDifferenceCount() {
        return textDifferenceCount;
    }

    /**
     * The declared ones among {@code candidates} for the L-layer network's hidden layers (SPEC
     * API-2's {@code deepActivations}); not implemented if there are none.
     *
     * @param candidates the activations a property would draw from
     * @return those the deep network provides
     */
    public List<Activation> declaredDeep(List<Activation> candidates) {
        List<Activation> declared =
                candidates.stream().filter(a -> options.declaresDeep(a.kind())).toList();
        need(!declared.isEmpty(), "any of the activations " + candidates + " for its deep network");
        return declared;
    }

    /** Checks made so far (assertions and requirements), for a property that skipped its validation checks. */
    long checks() {
        return checks;
    }

    /** Checks of bad input that were not run because validation is not declared. */
    long skippedValidation() {
        return skippedValidation;
    }

    /**
     * The run's settings.
     *
     * @return the seed, example count and time budget of the run
     */
    public Settings settings() {
        return settings;
    }

    /**
     * QuickTheories' {@code qt()} with the run's seed and {@link Settings#examples()}, and at most
     * {@value #SHRINK_CYCLES} shrinking steps (QuickTheories' default is unbounded in practice,
     * and every step is a call to the implementation); run in chunks, so that a check's memory does
     * not grow with the example count ({@link Theory}).
     *
     * @return the entry point for this property: {@code qt().forAll(…).checkAssert(…)}
     */
    public Theory qt() {
        return new Theory(settings.seed(), settings.examples(), SHRINK_CYCLES);
    }

    /**
     * {@code qt()} for properties that train models: fewer, costlier examples.
     *
     * @return the entry point with {@link Settings#modelExamples()} examples
     */
    public Theory qtModels() {
        return new Theory(settings.seed(), settings.modelExamples(), SHRINK_CYCLES);
    }

    /** Shrinking steps per failing property. */
    static final int SHRINK_CYCLES = 500;

    /**
     * A deterministic random source for properties over fixed families of data.
     *
     * @return a new random source seeded with the run's seed
     */
    public Random random() {
        return new Random(settings.seed());
    }

    /**
     * The worst tolerance ratio seen so far (0 if only exact checks ran).
     *
     * @return the largest observed error relative to its tolerance, at most 1 while every check held
     */
    public double margin() {
        return worstRatio;
    }

    /**
     * Every element of {@code actual} within {@code tolerance} of {@code expected}, shapes equal.
     *
     * @param what what is compared, for the failure message, such as {@code "dW2 = (1/m) dZ2 A1ᵀ"}
     * @param actual the implementation's result
     * @param expected the oracle's value
     * @param tolerance how close they must be
     */
    public void assertClose(String what, Tensor actual, Tensor expected, Tolerance tolerance) {
        checks++;
        try {
            assertThat(what, actual, TensorMatchers.closeTo(expected, tolerance));
        } catch (AssertionError e) {
            blamedAtFailure = blame;
            throw new AssertionError(e.getMessage() + Diagnoses.line(Diagnoses.of(actual, expected)) + lastCall(), e);
        }
        record(TensorMatchers.worstRatio(actual, expected, tolerance));
    }

    /**
     * {@code actual} within {@code tolerance} of {@code expected}.
     *
     * @param what what is compared, for the failure message, such as {@code "σ(0)"}
     * @param actual the implementation's result
     * @param expected the oracle's value
     * @param tolerance how close they must be
     */
    public void assertClose(String what, double actual, double expected, Tolerance tolerance) {
        checks++;
        double ratio = tolerance.ratio(actual, expected);
        if (!(ratio <= 1)) {
            blamedAtFailure = blame;
            throw new AssertionError(what + ": " + tolerance.explain(actual, expected)
                    + Diagnoses.line(Diagnoses.of(actual, expected)) + lastCall());
        }
        record(ratio);
    }

    /**
     * A condition that must hold, with a message that names what was found.
     *
     * @param condition the condition
     * @param message the failure message if it does not hold
     */
    public void require(boolean condition, String message) {
        checks++;
        if (!condition) {
            blamedAtFailure = blame;
            throw new AssertionError(message + lastCall());
        }
    }

    /**
     * {@code call} raises the spec's error of {@code kind}; if {@code message} is not null, with
     * exactly that text. Not run when the implementation does not declare validation.
     *
     * @param kind the error kind the call must raise
     * @param message the exact message expected, or null to check the kind only
     * @param call the call into the implementation
     */
    public void assertRaises(ErrorKind kind, String message, Runnable call) {
        if (!options.validation()) {
            skippedValidation++; // not declared: not run, and said once in the verdict (SPEC API-2)
            return;
        }
        checks++;
        try {
            call.run();
        } catch (SpecException e) {
            require(e.kind() == kind, "expected a " + kind + " error, found " + e.kind() + ": " + e.getMessage());
            if (message != null && !message.equals(e.getMessage())) {
                // the kind is the verdict; a different text is reported, not failed (SPEC ERR-1)
                if (textDifferenceCount++ < TEXT_DIFFERENCES_KEPT) {
                    textDifferences.add("\"" + e.getMessage() + "\" where the spec says \"" + message + "\"");
                }
            }
            return;
        }
        blamedAtFailure = blame;
        throw new AssertionError("expected a " + kind + " error" + (message == null ? "" : " \"" + message + "\"")
                + ", but the call returned normally" + lastCall());
    }

    private void record(double ratio) {
        worstRatio = Math.max(worstRatio, ratio);
    }
}
