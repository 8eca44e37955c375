package org.dlbasis.tck.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.Generate.range;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.error.ErrorKind;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.QuickTheory;

/**
 * {@link Theory}: a check's memory does not grow with its example count (issue #14), and a check of
 * at most one chunk is QuickTheories' own search, value for value.
 */
class TheoryTest {
    private static final long SEED = Settings.DEFAULT_SEED;

    /** What QuickTheories does by itself, as {@link Context#qt()} did before the chunks. */
    private static QuickTheory quickTheories(long seed, int examples) {
        return QuickTheory.qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(Context.SHRINK_CYCLES);
    }

    private static String falsification(Runnable check) {
        return assertThrows(AssertionError.class, check::run).getMessage();
    }

    @Test
    void aCheckOfAtMostOneChunkTriesTheValuesQuickTheoriesTries() {
        int examples = 2_000;
        List<List<Integer>> ours = new ArrayList<>();
        List<List<Integer>> theirs = new ArrayList<>();
        new Theory(SEED, examples, Context.SHRINK_CYCLES)
                .forAll(range(0, 50), range(-1000, 1000), range(0, Integer.MAX_VALUE))
                .checkAssert((a, b, c) -> ours.add(List.of(a, b, c)));
        quickTheories(SEED, examples)
                .forAll(range(0, 50), range(-1000, 1000), range(0, Integer.MAX_VALUE))
                .checkAssert((a, b, c) -> theirs.add(List.of(a, b, c)));
        assertEquals(theirs, ours);
    }

    @Test
    void aCheckOfAtMostOneChunkFailsAndShrinksAsQuickTheoriesDoes() {
        String ours = falsification(() -> new Theory(SEED, 500, Context.SHRINK_CYCLES)
                .forAll(range(0, 1000), range(0, 1000))
                .check((a, b) -> a + 2 * b < 1500));
        String theirs = falsification(() ->
                quickTheories(SEED, 500).forAll(range(0, 1000), range(0, 1000)).check((a, b) -> a + 2 * b < 1500));
        assertEquals(theirs, ours);
        assertTrue(ours.startsWith("Property falsified after "), ours);
    }

    @Test
    void aLongCheckRunsInChunksOfBoundedSizeThatAddUpToTheExamples() {
        assertTrue(Theory.CHUNK <= 100_000, "a chunk remembers up to " + Theory.CHUNK + " examples");
        int examples = 2 * Theory.CHUNK + 7;
        List<Integer> perChunk = new ArrayList<>();
        int chunks = new Theory(SEED, examples, Context.SHRINK_CYCLES).run((qt, tried) -> {
            int[] n = {0};
            qt.forAll(range(Integer.MIN_VALUE, Integer.MAX_VALUE)).check(x -> {
                tried.run();
                n[0]++;
                return true;
            });
            perChunk.add(n[0]);
        });
        assertEquals(3, chunks);
        assertEquals(3, perChunk.size());
        // a chunk tries its examples, less the repeats it skips (boundary values, hash collisions)
        assertTrue(
                perChunk.subList(0, 2).stream().allMatch(n -> n <= Theory.CHUNK && n > Theory.CHUNK / 100 * 99),
                perChunk.toString());
        assertTrue(perChunk.get(2) <= 7, perChunk.toString());
    }

    @Test
    void theSameSeedGivesTheSameCounterexampleBeyondTheFirstChunk() {
        int examples = 2 * Theory.CHUNK;
        List<Integer> tried = new ArrayList<>();
        new Theory(SEED, examples, Context.SHRINK_CYCLES)
                .forAll(range(0, Integer.MAX_VALUE))
                .checkAssert(tried::add);
        Set<Integer> firstChunk = new HashSet<>(tried.subList(0, Theory.CHUNK / 2));
        int index = tried.size() - 100; // well into the second chunk
        int bad = tried.get(index);
        assertFalse(firstChunk.contains(bad));

        String once = falsification(() -> new Theory(SEED, examples, Context.SHRINK_CYCLES)
                .forAll(range(0, Integer.MAX_VALUE))
                .check(x -> x != bad));
        String again = falsification(() -> new Theory(SEED, examples, Context.SHRINK_CYCLES)
                .forAll(range(0, Integer.MAX_VALUE))
                .check(x -> x != bad));
        assertEquals(once, again);
        // the examples of every chunk are counted, and the seed is the run's
        assertTrue(once.startsWith("Property falsified after " + (tried.indexOf(bad) + 1) + " example(s)"), once);
        assertTrue(once.contains("Smallest found falsifying value(s) :-\n" + bad), once);
        assertTrue(once.contains("Seed was " + SEED), once);
    }

    @Test
    void anOutOfMemoryErrorInAnExampleIsNoCounterexample() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> new Theory(SEED, 50, Context.SHRINK_CYCLES)
                        .forAll(range(0, 10))
                        .checkAssert(x -> {
                            throw new OutOfMemoryError("Java heap space (thrown by the test)");
                        }));
        assertTrue(e.getMessage().contains("which is no counterexample"), e.getMessage());
        assertTrue(e.getCause() instanceof OutOfMemoryError);
    }

    @Test
    void afterAVmErrorNothingMoreRunsAndARealFailureBeforeItStaysAFailure() {
        int[] calls = {0};
        assertThrows(
                IllegalStateException.class,
                () -> new Theory(SEED, 500, Context.SHRINK_CYCLES)
                        .forAll(range(0, 1000))
                        .checkAssert(x -> {
                            calls[0]++;
                            throw new StackOverflowError("thrown by the test");
                        }));
        assertEquals(1, calls[0], "the search and shrinking must stop at the VM error");
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> new Theory(SEED, 500, Context.SHRINK_CYCLES)
                        .forAll(range(0, 1000))
                        .checkAssert(x -> {
                            if (x > 10) {
                                throw new AssertionError("too big: " + x);
                            }
                        }));
        assertTrue(failure.getMessage().contains("too big"), failure.getMessage());
    }

    @Test
    void anInterruptedCheckStopsBetweenChunks() {
        int[] tried = {0};
        Thread.currentThread().interrupt();
        try {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> new Theory(SEED, 3 * Theory.CHUNK, Context.SHRINK_CYCLES)
                            .forAll(range(0, 10))
                            .checkAssert(x -> tried[0]++));
            assertTrue(e.getMessage().startsWith("interrupted after 0 of "), e.getMessage());
            assertEquals(0, tried[0]);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aCheckKeepsTheFirstThreeDifferingErrorTextsAndCountsTheRest() {
        Context ctx = new Context(MINIMAL, new Settings(SEED, 1), List.of("ACT-1"));
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, "the spec's text", () -> {
                throw new InvalidArgumentException("text " + n);
            });
        }
        assertEquals(10_000, ctx.textDifferenceCount());
        assertEquals(
                List.of(
                        "\"text 0\" where the spec says \"the spec's text\"",
                        "\"text 1\" where the spec says \"the spec's text\"",
                        "\"text 2\" where the spec says \"the spec's text\""),
                ctx.textDifferences());
    }

    /**
     * The regression test of issue #14: a million examples through {@link Context#qt()}, each
     * with a check and a differing error text, in a JVM of {@value #HEAP}. Before the fix
     * QuickTheories' hash set alone needed some 50 MB for them, and the kept texts more.
     */
    @Test
    @Timeout(120)
    void aMillionExamplesRunInASmallHeap() throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        launcher.toString(),
                        "-Xmx" + HEAP,
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName(),
                        Integer.toString(PROBE_EXAMPLES))
                .redirectErrorStream(true)
                .start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the probe did not end");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), out);
        // every example ran (less the few repeats QuickTheories skips: boundary values, hash collisions)
        Matcher m = Pattern.compile("ran (\\d+) kept (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Long.parseLong(m.group(1)) > PROBE_EXAMPLES * 99L / 100, out);
        assertEquals("3", m.group(2), out);
    }

    private static final String HEAP = "16m";
    private static final int PROBE_EXAMPLES = 1_000_000;

    /** The forked JVM of {@link #aMillionExamplesRunInASmallHeap()}. */
    static final class Probe {
        private Probe() {}

        /**
         * Runs a check of {@code args[0]} examples through a context and prints what it counted.
         *
         * @param args the example count
         */
        public static void main(String[] args) {
            Context ctx = new Context(MINIMAL, new Settings(SEED, Integer.parseInt(args[0])), List.of("ACT-1"));
            ctx.qt()
                    .forAll(range(0, Integer.MAX_VALUE), range(0, Integer.MAX_VALUE))
                    .checkAssert((a, b) -> {
                        ctx.require(a >= 0 && b >= 0, "non-negative");
                        ctx.assertRaises(ErrorKind.INVALID_ARGUMENT, "the spec's text", () -> {
                            throw new InvalidArgumentException("another text for " + a + ", " + b);
                        });
                    });
            System.out.println("ran " + ctx.textDifferenceCount() + " kept "
                    + ctx.textDifferences().size());
        }
    }

    /** An implementation that declares nothing but the defaults (validation included). */
    private static final Implementation MINIMAL = new Implementation() {
        @Override
        public String name() {
            return "minimal";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }
    };
}
