package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.dlbasis.tck.suite.Property;
import org.junit.jupiter.api.Test;

/**
 * Keeps SPEC.md and the tests in step (issue: "spec and tests kept in step by the build"): every
 * clause is named by a test or listed as pending, every {@code @Clause} names a clause that
 * exists, no pending clause is also tested, and every property's strength matches its clause's.
 */
class SpecClauseCoverageTest {
    private static final Pattern CLAUSE_ANNOTATION = Pattern.compile("@Clause\\(\\{?([^)]*?)\\}?\\)");
    private static final Pattern ID = Pattern.compile("\"([A-Z0-9]+-\\d+)\"");

    private final SpecClauses spec = SpecClauses.load();

    /** Clause ID → the source files that name it, over every module's sources. */
    private static Map<String, Set<String>> namedInSources() {
        Path root = GoldenData.projectRoot();
        Map<String, Set<String>> named = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .forEach(p -> collect(p, named));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }

    private static void collect(Path file, Map<String, Set<String>> named) {
        try {
            Matcher annotation = CLAUSE_ANNOTATION.matcher(Files.readString(file));
            while (annotation.find()) {
                Matcher id = ID.matcher(annotation.group(1));
                while (id.find()) {
                    named.computeIfAbsent(id.group(1), k -> new TreeSet<>())
                            .add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyNamedClauseExistsInSpec() {
        Set<String> unknown = new TreeSet<>();
        namedInSources().forEach((id, files) -> {
            if (!spec.contains(id)) {
                unknown.add(id + " in " + files);
            }
        });
        assertEquals(Set.of(), unknown, "tests name clauses that SPEC.md does not define");
    }

    @Test
    void everyClauseIsTestedOrPending() {
        Map<String, Set<String>> named = namedInSources();
        Set<String> untested = new TreeSet<>();
        Set<String> pendingButTested = new TreeSet<>();
        for (SpecClause c : spec.all()) {
            if (!c.pending() && !named.containsKey(c.id())) {
                untested.add(c.id());
            }
            if (c.pending() && named.containsKey(c.id())) {
                pendingButTested.add(c.id() + " in " + named.get(c.id()));
            }
        }
        assertEquals(Set.of(), untested, "clauses no test names and SPEC.md does not list as pending");
        assertEquals(Set.of(), pendingButTested, "clauses listed as pending but tested: remove them from the list");
    }

    @Test
    void everyClauseHasAPropertyInTheSuiteOrIsPending() {
        Set<String> inSuite = new TreeSet<>();
        PropertyCatalog.all().forEach(p -> inSuite.addAll(p.clauses()));
        Set<String> missing = new TreeSet<>();
        for (SpecClause c : spec.all()) {
            if (!c.pending() && !inSuite.contains(c.id())) {
                missing.add(c.id());
            }
        }
        assertEquals(Set.of(), missing, "clauses with no property in the conformance suite");
    }

    @Test
    void propertyNamesCarryTheStrengthOfTheirFirstClause() {
        Set<String> wrong = new TreeSet<>();
        for (Property p : PropertyCatalog.all()) {
            SpecClause first = spec.get(p.clauses().get(0));
            if (first != null && !first.strength().equals(p.strength())) {
                wrong.add(p.name() + " is " + p.strength() + " but " + first.id() + " is " + first.strength());
            }
        }
        assertEquals(Set.of(), wrong);
    }

    @Test
    void everyGoldenCaseNamesClausesThatExist() {
        Set<String> unknown = new TreeSet<>();
        for (Path file : GoldenData.files(GoldenData.directory())) {
            for (GoldenCase c : GoldenFile.read(file).cases()) {
                c.clauses().stream()
                        .filter(id -> !spec.contains(id))
                        .forEach(id -> unknown.add(id + " in " + c.file() + " case " + c.id()));
            }
        }
        assertEquals(Set.of(), unknown, "golden cases name clauses that SPEC.md does not define");
    }

    @Test
    void everyClauseCitesTheNote() {
        Set<String> uncited = new TreeSet<>();
        for (SpecClause c : spec.all()) {
            if (c.cites().isEmpty()) {
                uncited.add(c.id());
            }
        }
        assertEquals(Set.of(), uncited, "clauses whose Cites: line names no claim N…");
        assertTrue(spec.all().size() > 50);
    }
}
