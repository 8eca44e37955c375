package org.dlbasis.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;

/**
 * The properties over many seeds: a property that holds on the default seed but not on seed 7 is a
 * flaky build waiting to happen (issue 11: the reference once failed ACT-13 on the README's own
 * example seed). Seeds {@code first … first + count − 1}, each a full run of the selected
 * properties; golden cases do not depend on the seed and are not repeated.
 */
public final class SeedSweep {
    private final Supplier<Implementation> implementations;
    private final Predicate<String> clauseFilter;
    private final int examples;
    private final int threads;

    /**
     * A sweep, not yet run.
     *
     * @param implementations a fresh implementation per worker thread (one suffices when {@code threads} is 1)
     * @param clauseFilter which clause IDs to run
     * @param examples examples per property, on every seed
     * @param threads seeds run at once; use 1 for an implementation that is not thread-safe
     */
    public SeedSweep(
            Supplier<Implementation> implementations, Predicate<String> clauseFilter, int examples, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.implementations = implementations;
        this.clauseFilter = clauseFilter;
        this.examples = examples;
        this.threads = threads;
    }

    /**
     * One failing (or erring) property on one seed.
     *
     * @param seed the seed it failed on
     * @param outcome the property's outcome: FAIL or ERROR, with the detail
     */
    public record Failure(long seed, Outcome outcome) {}

    /**
     * Runs every seed; {@code perSeed} is told each seed's failures as it finishes (in any order
     * when several threads run).
     *
     * @param first the first seed
     * @param count how many seeds, {@code first … first + count − 1}
     * @param perSeed told each seed's failures (possibly none) as it finishes
     * @return every failure, by seed
     */
    public List<Failure> run(long first, int count, Consumer<List<Failure>> perSeed) {
        List<Property> properties = PropertyCatalog.all().stream()
                .filter(p -> p.clauses().stream().anyMatch(clauseFilter))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<Implementation> impl = ThreadLocal.withInitial(implementations);
        try {
            List<Future<List<Failure>>> futures = new ArrayList<>();
            for (long seed = first; seed < first + count; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> {
                    List<Failure> failures = seed(impl.get(), properties, s);
                    perSeed.accept(failures);
                    return failures;
                }));
            }
            List<Failure> all = new ArrayList<>();
            for (Future<List<Failure>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Failure> seed(Implementation impl, List<Property> properties, long seed) {
        Settings settings = new Settings(seed, examples);
        List<Failure> failures = new ArrayList<>();
        for (Property p : properties) {
            Outcome o = Runner.run(impl, p, settings);
            if (o.status() == Status.FAIL || o.status() == Status.ERROR) {
                failures.add(new Failure(seed, o));
            }
        }
        return failures;
    }
}
