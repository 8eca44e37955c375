package org.dlbasis.runner.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.dlbasis.golden.CaseResult;
import org.dlbasis.golden.GoldenCase;
import org.dlbasis.golden.GoldenData;
import org.dlbasis.golden.GoldenFile;
import org.dlbasis.golden.GoldenRunner;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Outcome;
import org.dlbasis.tck.suite.Property;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Settings;
import org.dlbasis.tck.suite.Status;

/** Runs the properties (and optionally the golden files) against an implementation, clause by clause. */
public final class ConformanceRun {
    /** Failing checks quoted per clause and kind; the rest are counted. */
    private static final int SHOWN = 5;
    /** How a passing clause's reason starts when error texts differ from the spec's (SPEC ERR-1). */
    public static final String TEXTS = "error message texts differ from the spec's in ";

    /** Told about every check as it finishes, for progress output. */
    public interface Progress {
        /**
         * One check has finished.
         *
         * @param index the check's number, from 1
         * @param total the number of checks in the run
         * @param what the check: a property's clauses and name, or a golden file and case ID
         * @param status its status
         * @param millis how long it took, in milliseconds
         */
        void done(int index, int total, String what, Status status, long millis);
    }

    private final Implementation impl;
    private final Settings settings;
    private final Predicate<String> clauseFilter;
    private final Path goldenDirectory;
    private final String started = Instant.now().toString();
    private final long startNanos = System.nanoTime();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<CaseResult> golden = new ArrayList<>();
    /** Asked once, when the run starts: a snapshot never calls the implementation. */
    private volatile String name = "(not started)";

    private volatile Set<String> capabilities = Set.of();
    private volatile String options = "everything";

    /**
     * A run of {@code impl}, not yet started.
     *
     * @param impl the implementation under test
     * @param settings the seed, example count and time budget per property
     * @param clauseFilter which clause IDs to run
     * @param goldenDirectory the golden files to replay, or null for properties only
     */
    public ConformanceRun(
            Implementation impl, Settings settings, Predicate<String> clauseFilter, Path goldenDirectory) {
        this.impl = impl;
        this.settings = settings;
        this.clauseFilter = clauseFilter;
        this.goldenDirectory = goldenDirectory;
    }

    /**
     * A filter from patterns such as {@code ACT-6}, {@code ACT-*} or {@code BCAST}, as users type
     * them: case does not matter, spaces around a pattern are ignored, and a comma inside one
     * argument separates patterns too. Empty or null: every clause.
     *
     * @param patterns the patterns, as given on the command line; may be null
     * @return a filter of clause IDs
     * @throws IllegalArgumentException naming the patterns that select no clause of SPEC.md: a
     *     selection that silently runs nothing would look like a pass
     */
    public static Predicate<String> clauses(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return id -> true;
        }
        List<String> normalized = patterns.stream()
                .flatMap(p -> java.util.Arrays.stream(p.split(",")))
                .map(p -> p.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(p -> !p.isEmpty())
                .toList();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException(
                    "--clauses is empty; give IDs (ACT-6), groups (ACT) or prefixes " + "(BACKPROP-*)");
        }
        List<String> ids = SpecClauses.load().all().stream().map(SpecClause::id).toList();
        List<String> unknown = normalized.stream()
                .filter(p -> ids.stream().noneMatch(id -> selects(p, id)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no clause of SPEC.md matches " + String.join(", ", unknown)
                    + "; give IDs (ACT-6), groups (ACT) or prefixes (BACKPROP-*); the groups are "
                    + ids.stream()
                            .map(id -> id.substring(0, id.lastIndexOf('-')))
                            .distinct()
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        return id -> normalized.stream().anyMatch(p -> selects(p, id));
    }

    private static boolean selects(String pattern, String id) {
        return pattern.endsWith("*")
                ? id.startsWith(pattern.substring(0, pattern.length() - 1))
                : id.equals(pattern) || id.startsWith(pattern + "-");
    }

    /**
     * Runs every selected property, then every selected golden case, and returns the complete
     * report. {@link #snapshot()} may be called meanwhile from another thread (for a report that
     * is written as the run goes, and kept when the run is interrupted).
     *
     * @param progress told about every check as it finishes
     * @return the complete report, clause by clause
     */
    public ConformanceReport run(Progress progress) {
        name = name();
        capabilities = capabilities();
        options = options();
        List<Property> properties = PropertyCatalog.all().stream()
                .filter(p -> p.clauses().stream().anyMatch(clauseFilter))
                .toList();
        List<GoldenCase> cases = goldenCases();
        int total = properties.size() + cases.size();
        int index = 0;
        for (Property p : properties) {
            Outcome o = Runner.run(impl, p, settings);
            synchronized (this) {
                outcomes.add(o);
            }
            progress.done(++index, total, String.join(",", p.clauses()) + " " + p.name(), o.status(), o.millis());
        }
        for (GoldenCase c : cases) {
            long t = System.nanoTime();
            CaseResult r = GoldenRunner.run(impl, c);
            synchronized (this) {
                golden.add(r);
            }
            progress.done(++index, total, c.file() + " " + c.id(), r.status(), (System.nanoTime() - t) / 1_000_000);
        }
        return report(true);
    }

    /**
     * The report of what has run so far, marked incomplete.
     *
     * @return the report, with the verdict {@link Verdict#INCOMPLETE}
     */
    public ConformanceReport snapshot() {
        return report(false);
    }

    private ConformanceReport report(boolean complete) {
        List<Outcome> o;
        List<CaseResult> g;
        synchronized (this) {
            o = List.copyOf(outcomes);
            g = List.copyOf(golden);
        }
        return new ConformanceReport(
                name,
                capabilities,
                options,
                settings.seed(),
                settings.examples(),
                started,
                (System.nanoTime() - startNanos) / 1_000_000,
                complete,
                clauseResults(o, g, complete));
    }

    /** The implementation's name; never null, whatever the implementation returns or throws. */
    private String name() {
        try {
            String name = impl.name();
            return name == null || name.isBlank() ? "(an implementation with no name)" : name;
        } catch (RuntimeException e) {
            return "(unreachable implementation: " + e.getMessage() + ")";
        }
    }

    private String options() {
        try {
            return impl.options().describe();
        } catch (RuntimeException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    private Set<String> capabilities() {
        Set<String> capabilities = new TreeSet<>();
        try {
            impl.capabilities().forEach(c -> capabilities.add(c.name()));
        } catch (RuntimeException e) {
            // reported through the checks that needed them
        }
        return capabilities;
    }

    private List<GoldenCase> goldenCases() {
        if (goldenDirectory == null) {
            return List.of();
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (Path f : GoldenData.files(goldenDirectory)) {
            GoldenFile.read(f).cases().stream()
                    .filter(c -> c.clauses().stream().anyMatch(clauseFilter))
                    .forEach(cases::add);
        }
        return cases;
    }

    private List<ClauseResult> clauseResults(List<Outcome> outcomes, List<CaseResult> golden, boolean complete) {
        List<ClauseResult> results = new ArrayList<>();
        for (SpecClause c : SpecClauses.load().all()) {
            if (!clauseFilter.test(c.id())) {
                continue;
            }
            // a failure blamed on another clause of the property (a wrong ReLU′ in a property over every
            // derivative) is held against that clause only
            List<Outcome> mine = outcomes.stream()
                    .filter(o -> o.clauses().contains(c.id())
                            && (o.status() == Status.PASS || o.status() == Status.NOT_IMPLEMENTED || o.counts(c.id())))
                    .toList();
            List<CaseResult> cases =
                    golden.stream().filter(g -> g.clauses().contains(c.id())).toList();
            results.add(verdict(c, mine, cases, complete));
        }
        return results;
    }

    /** Sorts a check's detail by what it says about the implementation. */
    private static void file(
            Status s, String detail, List<String> failures, List<String> errors, List<String> notImplemented) {
        switch (s) {
            case FAIL -> failures.add(detail);
            case ERROR -> errors.add(detail);
            case NOT_IMPLEMENTED -> notImplemented.add(detail);
            default -> {}
        }
    }

    /**
     * Every failing check, then every erring one, then what was not implemented: an ERROR never
     * hides a FAIL, nor one FAIL another (at most {@value #SHOWN} of each, with a count of the rest).
     */
    private static String reason(List<String> failures, List<String> errors, List<String> notImplemented) {
        List<String> parts = new ArrayList<>();
        boolean labelled = failures.size() + errors.size() > 1;
        section(parts, "FAIL", failures, labelled);
        section(parts, "ERROR", errors, labelled);
        if (parts.isEmpty()) {
            section(parts, "NOT_IMPLEMENTED", notImplemented, notImplemented.size() > 1);
        }
        return String.join("\n\n", parts);
    }

    private static void section(List<String> parts, String label, List<String> details, boolean labelled) {
        if (details.isEmpty()) {
            return;
        }
        List<String> shown = details.subList(0, Math.min(SHOWN, details.size()));
        StringBuilder b = new StringBuilder();
        for (String d : shown) {
            b.append(b.length() == 0 ? "" : "\n\n")
                    .append(labelled ? label + ": " : "")
                    .append(d);
        }
        if (details.size() > SHOWN) {
            b.append("\n\n… and ")
                    .append(details.size() - SHOWN)
                    .append(" more ")
                    .append(label)
                    .append(" checks in this clause (see properties[] and golden[])");
        }
        parts.add(b.toString());
    }

    private static ClauseResult verdict(
            SpecClause c, List<Outcome> outcomes, List<CaseResult> cases, boolean complete) {
        if (c.pending()) {
            return new ClauseResult(
                    c.id(), c.strength(), c.title(), Status.NOT_VERIFIED, 0, c.pendingReason(), outcomes, cases);
        }
        Status worst = Status.PASS;
        boolean anyPass = false;
        double margin = 0;
        List<String> failures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> notImplemented = new ArrayList<>();
        for (Outcome o : outcomes) {
            worst = worst.worst(o.status());
            anyPass |= o.status() == Status.PASS;
            margin = Math.max(margin, o.status() == Status.PASS ? o.margin() : 0);
            file(o.status(), o.property() + ": " + o.detail(), failures, errors, notImplemented);
        }
        for (CaseResult r : cases) {
            worst = worst.worst(r.status());
            anyPass |= r.status() == Status.PASS;
            margin = Math.max(margin, r.status() == Status.PASS ? r.margin() : 0);
            file(r.status(), r.detail(), failures, errors, notImplemented);
        }
        // A clause passes when every check that ran passed and at least one ran: checks of undeclared
        // options (another activation, zero initialisation) are named in the reason, not held against it.
        Status status = worst == Status.NOT_IMPLEMENTED && anyPass ? Status.PASS : worst;
        String reason;
        if (outcomes.isEmpty() && cases.isEmpty()) {
            status = Status.NOT_VERIFIED;
            reason = complete
                    ? "no property or golden case checks this clause in this run"
                    : "not reached: the run did not finish";
        } else if (status == Status.PASS) {
            List<String> texts = new ArrayList<>();
            outcomes.stream()
                    .filter(o -> o.status() == Status.PASS && o.detail().startsWith(Runner.TEXT_DIFFERS))
                    .forEach(o -> texts.add(o.property() + ": " + o.detail()));
            cases.stream()
                    .filter(r -> r.status() == Status.PASS && r.detail().startsWith(Runner.TEXT_DIFFERS))
                    .forEach(r -> texts.add(r.detail()));
            List<String> parts = new ArrayList<>();
            if (!texts.isEmpty()) {
                parts.add(TEXTS + texts.size() + " checks (the kinds are right):\n"
                        + String.join("\n", texts.subList(0, Math.min(SHOWN, texts.size())))
                        + (texts.size() > SHOWN ? "\n… and " + (texts.size() - SHOWN) + " more" : ""));
            }
            if (!notImplemented.isEmpty()) {
                parts.add("passed what was checked; not checked, as not implemented: "
                        + reason(List.of(), List.of(), notImplemented));
            }
            reason = String.join("\n\n", parts);
        } else {
            reason = reason(failures, errors, notImplemented);
        }
        return new ClauseResult(c.id(), c.strength(), c.title(), status, margin, reason, outcomes, cases);
    }
}
