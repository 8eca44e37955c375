package org.dlbasis.golden;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.dlbasis.tck.suite.Status;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Implementation;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The reference against every case of every golden file (numpy-computed, golden-data/). */
class GoldenDataTest {
    private final Implementation reference = new ReferenceImplementation();

    @TestFactory
    @Clause({"ARR-2", "ARR-4", "ARR-6", "ARR-7", "BCAST-2", "BCAST-3", "ACT-1", "ACT-2", "LOSS-4", "NET-2", "GD-5"})
    Stream<DynamicNode> referenceMatchesEveryGoldenCase() {
        return GoldenData.files(GoldenData.directory()).stream().map(this::file);
    }

    private DynamicNode file(Path path) {
        GoldenFile f = GoldenFile.read(path);
        return dynamicContainer(f.name(), f.cases().stream().map(c -> dynamicTest(c.id(), () -> {
            CaseResult r = GoldenRunner.run(reference, c);
            if (r.status() != Status.PASS) {
                throw new AssertionError(r.status() + " " + r.clauses() + ": " + r.detail());
            }
        })));
    }
}
