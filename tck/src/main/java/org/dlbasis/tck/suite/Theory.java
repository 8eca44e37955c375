package org.dlbasis.tck.suite;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.api.Predicate3;
import org.quicktheories.api.Predicate4;
import org.quicktheories.api.QuadConsumer;
import org.quicktheories.api.TriConsumer;
import org.quicktheories.core.Configuration;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;
import org.quicktheories.core.Strategy;
import org.quicktheories.dsl.TheoryBuilder;
import org.quicktheories.dsl.TheoryBuilder2;
import org.quicktheories.dsl.TheoryBuilder3;
import org.quicktheories.dsl.TheoryBuilder4;

/**
 * QuickTheories' {@code forAll(…).checkAssert(…)} as the suite runs it ({@link Context#qt()}): with
 * the run's seed, example count and shrink cycles, in memory that does not grow with the example
 * count.
 *
 * <p>QuickTheories 0.26 remembers a hash of every example it has tried, so as not to try one twice
 * (a {@code HashSet<Long>} in its search, about 50 bytes an example, kept until the check ends):
 * a check of 1,000,000 examples held 50 MB, which the collector copied again and again, and the
 * JVM grew to gigabytes (issue #14). So a check runs in chunks of at most {@value #CHUNK}
 * examples, each chunk one QuickTheories search of its own, which remembers its own examples only.
 * The chunks draw from one random stream, seeded with the run's seed, so a run is as reproducible
 * as before; and a check of at most {@value #CHUNK} examples (the default is 100) is one chunk:
 * exactly the search, counterexample and shrinking that QuickTheories makes by itself. Beyond
 * that, each chunk starts again with the generators' boundary values, and an example drawn in two
 * chunks is tried twice (more checking, never less). A failure ends the check in its chunk, which
 * shrinks it as QuickTheories does; the report counts the examples of all the chunks ("falsified
 * after 123456 example(s)").
 *
 * <p>Between chunks, a check whose thread was interrupted (its property ran out of its time
 * budget, and {@link Runner} gave up on it) stops, rather than running on unseen.
 */
public final class Theory {
    /** The most examples one QuickTheories search runs (and remembers). */
    static final int CHUNK = 10_000;

    private final long seed;
    private final int examples;
    private final int shrinkCycles;
    private VirtualMachineError vmError;

    /**
     * A check of {@code examples} examples from {@code seed}.
     *
     * @param seed the run's seed
     * @param examples the examples in all, at least 1
     * @param shrinkCycles the shrinking steps of a failure
     */
    Theory(long seed, int examples, int shrinkCycles) {
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be >= 1, found " + examples);
        }
        this.seed = seed;
        this.examples = examples;
        this.shrinkCycles = shrinkCycles;
    }

    /**
     * For all values of one generator.
     *
     * @param as the values
     * @param <A> the type of the values
     * @return the check, to be run with {@link ForAll#checkAssert}
     */
    public <A> ForAll<A> forAll(Gen<A> as) {
        return new ForAll<>(this, qt -> qt.forAll(as));
    }

    /**
     * For all pairs of values of two generators.
     *
     * @param as the first values
     * @param bs the second values
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @return the check, to be run with {@link ForAll2#checkAssert}
     */
    public <A, B> ForAll2<A, B> forAll(Gen<A> as, Gen<B> bs) {
        return new ForAll2<>(this, qt -> qt.forAll(as, bs));
    }

    /**
     * For all triples of values of three generators.
     *
     * @param as the first values
     * @param bs the second values
     * @param cs the third values
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @param <C> the type of the third values
     * @return the check, to be run with {@link ForAll3#checkAssert}
     */
    public <A, B, C> ForAll3<A, B, C> forAll(Gen<A> as, Gen<B> bs, Gen<C> cs) {
        return new ForAll3<>(this, qt -> qt.forAll(as, bs, cs));
    }

    /**
     * For all quadruples of values of four generators.
     *
     * @param as the first values
     * @param bs the second values
     * @param cs the third values
     * @param ds the fourth values
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @param <C> the type of the third values
     * @param <D> the type of the fourth values
     * @return the check, to be run with {@link ForAll4#checkAssert}
     */
    public <A, B, C, D> ForAll4<A, B, C, D> forAll(Gen<A> as, Gen<B> bs, Gen<C> cs, Gen<D> ds) {
        return new ForAll4<>(this, qt -> qt.forAll(as, bs, cs, ds));
    }

    /** One chunk: one QuickTheories search from {@code qt}, whose property calls {@code tried} once an example. */
    @FunctionalInterface
    interface Chunk {
        void run(QuickTheory qt, Runnable tried);
    }

    /**
     * One example: {@code test}, counted. A VirtualMachineError (out of memory, a stack overflow in
     * the suite's own code) is no counterexample: it is kept, every later example of the check
     * passes at once so that QuickTheories' search and shrinking end without running anything, and
     * {@link #run} then throws it as the check's ERROR.
     */
    boolean guarded(Runnable tried, BooleanSupplier test) {
        if (vmError != null) {
            return true;
        }
        tried.run();
        try {
            return test.getAsBoolean();
        } catch (VirtualMachineError e) {
            vmError = e;
            return true;
        }
    }

    /**
     * Runs the check chunk by chunk: {@code chunk} with a QuickTheories entry point for the chunk's
     * examples, all chunks drawing from one random stream (the {@code with…} copies of a strategy
     * share its generator). Package-private for the tests.
     *
     * @param chunk runs one QuickTheories search
     * @return the number of chunks run
     */
    int run(Chunk chunk) {
        Strategy stream = Configuration.systemStrategy().withFixedSeed(seed).withShrinkCycles(shrinkCycles);
        Reporter reporter = stream.reporter();
        long[] tried = {0}; // examples the property ran in the chunks before, all passed
        int chunks = 0;
        for (long done = 0; done < examples; chunks++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted after " + done + " of " + examples + " examples");
            }
            int n = (int) Math.min(CHUNK, examples - done);
            Strategy strategy = stream.withExamples(n).withReporter(new Counted(reporter, tried[0]));
            chunk.run(QuickTheory.qt(() -> strategy), () -> tried[0]++);
            if (vmError != null) {
                throw new IllegalStateException(
                        "the suite's JVM failed while checking example " + tried[0] + ", which is no counterexample: "
                                + vmError,
                        vmError);
            }
            done += n;
        }
        return chunks;
    }

    /** QuickTheories' report of a chunk, with the examples of the chunks before counted in. */
    private record Counted(Reporter reporter, long before) implements Reporter {
        private int all(int inChunk) {
            return (int) Math.min(Integer.MAX_VALUE, before + inChunk);
        }

        @Override
        public void falisification(
                long seed,
                int count,
                Object smallest,
                Throwable cause,
                List<Object> examples,
                AsString<Object> toString) {
            reporter.falisification(seed, all(count), smallest, cause, examples, toString);
        }

        @Override
        public void falisification(
                long seed, int count, Object smallest, List<Object> examples, AsString<Object> toString) {
            reporter.falisification(seed, all(count), smallest, examples, toString);
        }

        @Override
        public void valuesExhausted(int completedExamples) {
            reporter.valuesExhausted(all(completedExamples));
        }
    }

    /**
     * A check over one generator.
     *
     * @param <A> the type of the values
     */
    public static final class ForAll<A> {
        private final Theory theory;
        private final Function<QuickTheory, TheoryBuilder<A>> builder;

        ForAll(Theory theory, Function<QuickTheory, TheoryBuilder<A>> builder) {
            this.theory = theory;
            this.builder = builder;
        }

        /**
         * Only the values for which {@code assumption} holds.
         *
         * @param assumption what a value must satisfy
         * @return the narrower check
         */
        public ForAll<A> assuming(Predicate<A> assumption) {
            return new ForAll<>(theory, qt -> builder.apply(qt).assuming(assumption));
        }

        /**
         * Checks that {@code property} holds for every example.
         *
         * @param property true if the example passes
         */
        public void check(Predicate<A> property) {
            theory.run((qt, tried) -> builder.apply(qt).check(a -> {
                return theory.guarded(tried, () -> property.test(a));
            }));
        }

        /**
         * Checks that {@code property} throws nothing for any example.
         *
         * @param property the check of one example, which throws (an AssertionError) if it fails
         */
        public void checkAssert(Consumer<A> property) {
            check(a -> {
                property.accept(a);
                return true;
            });
        }
    }

    /**
     * A check over two generators.
     *
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     */
    public static final class ForAll2<A, B> {
        private final Theory theory;
        private final Function<QuickTheory, TheoryBuilder2<A, B>> builder;

        ForAll2(Theory theory, Function<QuickTheory, TheoryBuilder2<A, B>> builder) {
            this.theory = theory;
            this.builder = builder;
        }

        /**
         * Only the values for which {@code assumption} holds.
         *
         * @param assumption what the values must satisfy
         * @return the narrower check
         */
        public ForAll2<A, B> assuming(BiPredicate<A, B> assumption) {
            return new ForAll2<>(theory, qt -> builder.apply(qt).assuming(assumption));
        }

        /**
         * Checks that {@code property} holds for every example.
         *
         * @param property true if the example passes
         */
        public void check(BiPredicate<A, B> property) {
            theory.run((qt, tried) -> builder.apply(qt).check((a, b) -> {
                return theory.guarded(tried, () -> property.test(a, b));
            }));
        }

        /**
         * Checks that {@code property} throws nothing for any example.
         *
         * @param property the check of one example, which throws (an AssertionError) if it fails
         */
        public void checkAssert(BiConsumer<A, B> property) {
            check((a, b) -> {
                property.accept(a, b);
                return true;
            });
        }
    }

    /**
     * A check over three generators.
     *
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @param <C> the type of the third values
     */
    public static final class ForAll3<A, B, C> {
        private final Theory theory;
        private final Function<QuickTheory, TheoryBuilder3<A, B, C>> builder;

        ForAll3(Theory theory, Function<QuickTheory, TheoryBuilder3<A, B, C>> builder) {
            this.theory = theory;
            this.builder = builder;
        }

        /**
         * Only the values for which {@code assumption} holds.
         *
         * @param assumption what the values must satisfy
         * @return the narrower check
         */
        public ForAll3<A, B, C> assuming(Predicate3<A, B, C> assumption) {
            return new ForAll3<>(theory, qt -> builder.apply(qt).assuming(assumption));
        }

        /**
         * Checks that {@code property} holds for every example.
         *
         * @param property true if the example passes
         */
        public void check(Predicate3<A, B, C> property) {
            theory.run((qt, tried) -> builder.apply(qt).check((a, b, c) -> {
                return theory.guarded(tried, () -> property.test(a, b, c));
            }));
        }

        /**
         * Checks that {@code property} throws nothing for any example.
         *
         * @param property the check of one example, which throws (an AssertionError) if it fails
         */
        public void checkAssert(TriConsumer<A, B, C> property) {
            check((a, b, c) -> {
                property.accept(a, b, c);
                return true;
            });
        }
    }

    /**
     * A check over four generators.
     *
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @param <C> the type of the third values
     * @param <D> the type of the fourth values
     */
    public static final class ForAll4<A, B, C, D> {
        private final Theory theory;
        private final Function<QuickTheory, TheoryBuilder4<A, B, C, D>> builder;

        ForAll4(Theory theory, Function<QuickTheory, TheoryBuilder4<A, B, C, D>> builder) {
            this.theory = theory;
            this.builder = builder;
        }

        /**
         * Only the values for which {@code assumption} holds.
         *
         * @param assumption what the values must satisfy
         * @return the narrower check
         */
        public ForAll4<A, B, C, D> assuming(Predicate4<A, B, C, D> assumption) {
            return new ForAll4<>(theory, qt -> builder.apply(qt).assuming(assumption));
        }

        /**
         * Checks that {@code property} holds for every example.
         *
         * @param property true if the example passes
         */
        public void check(Predicate4<A, B, C, D> property) {
            theory.run((qt, tried) -> builder.apply(qt).check((a, b, c, d) -> {
                return theory.guarded(tried, () -> property.test(a, b, c, d));
            }));
        }

        /**
         * Checks that {@code property} throws nothing for any example.
         *
         * @param property the check of one example, which throws (an AssertionError) if it fails
         */
        public void checkAssert(QuadConsumer<A, B, C, D> property) {
            check((a, b, c, d) -> {
                property.accept(a, b, c, d);
                return true;
            });
        }
    }
}
