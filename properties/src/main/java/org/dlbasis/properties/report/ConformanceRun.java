package org.dlbasis.properties.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.dlbasis.properties.golden.CaseResult;
import org.dlbasis.properties.golden.GoldenCase;
import org.dlbasis.properties.golden.GoldenData;
import org.dlbasis.properties.golden.GoldenFile;
import org.dlbasis.properties.golden.GoldenRunner;
import org.dlbasis.properties.suite.Outcome;
import org.dlbasis.properties.suite.Property;
import org.dlbasis.properties.suite.PropertyCatalog;
import org.dlbasis.properties.suite.Runner;
import org.dlbasis.properties.suite.Settings;
import org.dlbasis.properties.suite.Status;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;

/** Runs the properties (and optionally the golden files) against an implementation, clause by clause. */
public final class ConformanceRun {

    /** Told about every check as it finishes, for progress output. */
    public interface Progress {
        void done(int index, int total, String what, Status status, long millis);
    }

    private final Implementation impl;
    private final Settings settings;
    private final Predicate<String> clauseFilter;
    private final Path goldenDirectory;

    /**
     * @param clauseFilter which clause IDs to run
     * @param goldenDirectory the golden files to replay, or null for properties only
     */
    public ConformanceRun(Implementation impl, Settings settings, Predicate<String> clauseFilter, Path goldenDirectory) {
        this.impl = impl;
        this.settings = settings;
        this.clauseFilter = clauseFilter;
        this.goldenDirectory = goldenDirectory;
    }

    /** A filter from patterns such as {@code ACT-6}, {@code ACT-*} or {@code BCAST}; empty = all. */
    public static Predicate<String> clauses(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return id -> true;
        }
        return id -> patterns.stream().anyMatch(p -> p.endsWith("*") ? id.startsWith(p.substring(0, p.length() - 1))
                : id.equals(p) || id.startsWith(p + "-"));
    }

    public ConformanceReport run(Progress progress) {
        long start = System.nanoTime();
        String started = Instant.now().toString();
        List<Property> properties = PropertyCatalog.all().stream()
                .filter(p -> p.clauses().stream().anyMatch(clauseFilter)).toList();
        List<GoldenCase> cases = goldenCases();
        int total = properties.size() + cases.size();
        int index = 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (Property p : properties) {
            Outcome o = Runner.run(impl, p, settings);
            outcomes.add(o);
            progress.done(++index, total, String.join(",", p.clauses()) + " " + p.name(), o.status(), o.millis());
        }
        List<CaseResult> golden = new ArrayList<>();
        for (GoldenCase c : cases) {
            long t = System.nanoTime();
            CaseResult r = GoldenRunner.run(impl, c);
            golden.add(r);
            progress.done(++index, total, c.file() + " " + c.id(), r.status(), (System.nanoTime() - t) / 1_000_000);
        }
        String name;
        java.util.Set<String> capabilities = new TreeSet<>();
        try {
            name = impl.name();
            impl.capabilities().forEach(c -> capabilities.add(c.name()));
        } catch (RuntimeException e) {
            name = "(unreachable implementation: " + e.getMessage() + ")";
        }
        return new ConformanceReport(name, capabilities, settings.seed(), settings.examples(), started,
                (System.nanoTime() - start) / 1_000_000, clauseResults(outcomes, golden));
    }

    private List<GoldenCase> goldenCases() {
        if (goldenDirectory == null) {
            return List.of();
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (Path f : GoldenData.files(goldenDirectory)) {
            GoldenFile.read(f).cases().stream().filter(c -> c.clauses().stream().anyMatch(clauseFilter))
                    .forEach(cases::add);
        }
        return cases;
    }

    private List<ClauseResult> clauseResults(List<Outcome> outcomes, List<CaseResult> golden) {
        List<ClauseResult> results = new ArrayList<>();
        for (SpecClause c : SpecClauses.load().all()) {
            if (!clauseFilter.test(c.id())) {
                continue;
            }
            List<Outcome> mine = outcomes.stream().filter(o -> o.clauses().contains(c.id())).toList();
            List<CaseResult> cases = golden.stream().filter(g -> g.clauses().contains(c.id())).toList();
            results.add(verdict(c, mine, cases));
        }
        return results;
    }

    private static ClauseResult verdict(SpecClause c, List<Outcome> outcomes, List<CaseResult> cases) {
        if (c.pending()) {
            return new ClauseResult(c.id(), c.strength(), c.title(), Status.NOT_VERIFIED, 0, c.pendingReason(),
                    outcomes, cases);
        }
        Map<Status, String> firstDetail = new LinkedHashMap<>();
        Status status = Status.PASS;
        double margin = 0;
        for (Outcome o : outcomes) {
            status = status.worst(o.status());
            margin = Math.max(margin, o.status() == Status.PASS ? o.margin() : 0);
            firstDetail.putIfAbsent(o.status(), o.property() + ": " + o.detail());
        }
        for (CaseResult r : cases) {
            status = status.worst(r.status());
            margin = Math.max(margin, r.status() == Status.PASS ? r.margin() : 0);
            firstDetail.putIfAbsent(r.status(), r.detail());
        }
        if (outcomes.isEmpty() && cases.isEmpty()) {
            status = Status.NOT_VERIFIED;
            firstDetail.put(status, "no property or golden case checks this clause in this run");
        }
        String reason = status == Status.PASS ? "" : firstDetail.getOrDefault(status, "");
        return new ClauseResult(c.id(), c.strength(), c.title(), status, margin, reason, outcomes, cases);
    }
}
