package org.dlbasis.tck.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.clause.SpecClause;
import org.dlbasis.spec.clause.SpecClauses;
import org.dlbasis.tck.clauses.PropertyCatalog;
import org.junit.jupiter.api.Test;

/** What {@link Property#of} checks when the catalog is built: IDs of SPEC.md, the name against {@code @Clause}, blames. */
class PropertyTest {

    /** Property groups the catalog must refuse, one mistake each. */
    static final class BlamesAClauseItDoesNotName {
        @Clause({"NET-2", "BACKPROP-5"})
        public void required_NET2_wideInputs(Context ctx) {
            ctx.blame(ClauseId.NET_2);
            List.of(1).forEach(i -> List.of(2).forEach(k -> ctx.blame(ClauseId.BACKPROP_6))); // a nested lambda
        }
    }

    static final class BlamesThroughAHelper {
        @Clause({"ACT-2", "ACT-4"})
        public void required_ACT2_ACT4_derivatives(Context ctx) {
            ctx.blame(pick(1));
        }

        private static ClauseId pick(int kind) {
            return kind == 0 ? ClauseId.ACT_2 : ClauseId.ACT_6;
        }
    }

    static final class BlamesWhatItNames {
        @Clause({"ACT-2", "ACT-4"})
        public void required_ACT2_ACT4_derivatives(Context ctx) {
            ctx.blame(pick(1));
            ctx.blame();
        }

        private static ClauseId pick(int kind) {
            return kind == 0 ? ClauseId.ACT_2 : ClauseId.ACT_4;
        }
    }

    static final class NameAndClauseDisagree {
        @Clause("NET-2")
        public void required_NET3_forward(Context ctx) {}
    }

    /** Not in an {@code @Clause} literal, so that the coverage test of the sources does not count it as named. */
    static final String NOT_A_CLAUSE = "NET-42";

    static final class NotAClause {
        @Clause(NOT_A_CLAUSE)
        public void required_NET42_forward(Context ctx) {}
    }

    private static Method method(Class<?> group) {
        return java.util.Arrays.stream(group.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Clause.class))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aBlameOfAClauseThePropertyDoesNotNameFailsTheCatalog() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> PropertyCatalog.of(BlamesAClauseItDoesNotName.class));
        assertEquals(
                "BlamesAClauseItDoesNotName.required_NET2_wideInputs blames [BACKPROP-6], which its @Clause"
                        + " [NET-2, BACKPROP-5] does not name: a failure blamed on them would count against no clause",
                e.getMessage());
    }

    @Test
    void aBlameChosenByAHelperIsFoundToo() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Property.of(method(BlamesThroughAHelper.class)));
        assertTrue(e.getMessage().contains("blames [ACT-6]"), e.getMessage());
        assertEquals(
                Set.of(ClauseId.ACT_2, ClauseId.ACT_4),
                BlameScan.of(BlamesWhatItNames.class, "required_ACT2_ACT4_derivatives"));
        assertEquals(
                List.of("ACT-2", "ACT-4"),
                Property.of(method(BlamesWhatItNames.class)).clauses());
    }

    @Test
    void theNameAndTheClauseAreCheckedAsAWhole() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Property.of(method(NameAndClauseDisagree.class)));
        assertEquals(
                "NameAndClauseDisagree.required_NET3_forward: the name says [NET-3], but @Clause says [NET-2]"
                        + " (the name's IDs must be among them, its first first)",
                e.getMessage());
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> Property.of(method(NotAClause.class)));
        assertEquals(
                "NotAClause.required_NET42_forward: @Clause \"NET-42\" is not a clause of SPEC.md",
                unknown.getMessage());
    }

    @Test
    void namesSpellTheirClauses() {
        assertEquals(
                List.of("BACKPROP-1", "BACKPROP-3"),
                Property.idsInName("BACKPROP1_3_db2", List.of("BACKPROP-1", "BACKPROP-3")));
        assertEquals(List.of("RANK1-1", "RANK1-2"), Property.idsInName("RANK1_1_2_dot", List.of("RANK1-1", "RANK1-2")));
        assertEquals(List.of("ACT-2", "ACT-10"), Property.idsInName("ACT2_ACT10_x", List.of("ACT-2", "ACT-10")));
    }

    @Test
    void theWholeCatalogIsBuilt() {
        assertTrue(PropertyCatalog.all().size() > 100);
    }

    @Test
    void theClauseIdsAreTheClausesOfTheSpec() {
        assertEquals(
                SpecClauses.load().all().stream().map(SpecClause::id).toList(),
                java.util.Arrays.stream(ClauseId.values()).map(ClauseId::id).toList());
        assertEquals(ClauseId.BACKPROP_7, ClauseId.of("BACKPROP-7"));
        assertEquals(
                "\"BACKPROP-9\" is not a clause of SPEC.md",
                assertThrows(IllegalArgumentException.class, () -> ClauseId.of("BACKPROP-9"))
                        .getMessage());
        assertEquals(
                Set.of(),
                PropertyCatalog.all().stream()
                        .flatMap(p -> p.clauses().stream())
                        .filter(id -> !SpecClauses.load().contains(id))
                        .collect(Collectors.toSet()));
    }
}
