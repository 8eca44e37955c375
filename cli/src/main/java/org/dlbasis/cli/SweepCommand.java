package org.dlbasis.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.dlbasis.runner.report.ConformanceRun;
import org.dlbasis.runner.report.SeedSweep;
import org.dlbasis.runner.report.Untrusted;
import org.dlbasis.spec.api.Implementation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./dlbasis sweep}: the property suite over many seeds, to find what one seed misses. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the properties (not the golden files, which do not depend on the seed) once per seed, "
                    + "and prints every property that fails or errs on some seed, with the seed that reproduces it "
                    + "(./dlbasis conform --seed <seed> --clauses <ID>).",
            "",
            ExitCode.DESCRIPTION
        })
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ImplementationOptions implementationOptions;

    @Option(names = "--first", defaultValue = "1", description = "first seed (default ${DEFAULT-VALUE})")
    long first;

    @Option(names = "--count", defaultValue = "1000", description = "number of seeds (default ${DEFAULT-VALUE})")
    int count;

    @Option(
            names = "--examples",
            defaultValue = "100",
            description = "examples per property (default ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--clauses", split = ",", paramLabel = "ID", description = "clauses to run, as for conform")
    List<String> clauses;

    @Option(names = "--threads", description = "seeds at once (default: all cores for the reference, 1 otherwise)")
    Integer threads;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        if (count < 1 || examples < 1 || (threads != null && threads < 1)) {
            throw new CommandLine.ParameterException(cmd, "--count, --examples and --threads must be >= 1");
        }
        Predicate<String> selection;
        try {
            selection = ConformanceRun.clauses(clauses);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--clauses: " + e.getMessage());
        }
        boolean reference = implementationOptions.isReference();
        int n = threads != null ? threads : reference ? Runtime.getRuntime().availableProcessors() : 1;
        Implementation shared = reference ? null : implementationOptions.open(cmd);
        try {
            long start = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            SeedSweep sweep = new SeedSweep(
                    () -> shared != null ? shared : implementationOptions.open(cmd),
                    selection,
                    examples,
                    reference ? n : 1);
            List<SeedSweep.Failure> failures = sweep.run(first, count, fs -> {
                int d = done.incrementAndGet();
                fs.forEach(f -> System.out.println(
                        "seed " + f.seed() + " " + f.outcome().status() + " "
                                + f.outcome().clauses() + " " + f.outcome().property() + ": "
                                + Untrusted.terminal(
                                        f.outcome().detail().lines().findFirst().orElse(""))));
                if (d % 50 == 0 || d == count) {
                    System.err.printf(Locale.ROOT, "[%d/%d seeds]%n", d, count);
                }
            });
            long seeds = failures.stream()
                    .mapToLong(SeedSweep.Failure::seed)
                    .distinct()
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "%d seeds (%d..%d), %d examples per property: %s in %.0f s%n",
                    count,
                    first,
                    first + count - 1,
                    examples,
                    failures.isEmpty()
                            ? "every property held on every seed"
                            : failures.size() + " failures on " + seeds + " seeds",
                    (System.nanoTime() - start) / 1e9);
            return failures.isEmpty() ? ExitCode.CONFORMS : ExitCode.DOES_NOT_CONFORM;
        } finally {
            if (shared instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("dlbasis: closing the implementation failed: " + e);
                }
            }
        }
    }
}
