package org.dlbasis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.Clause;
import org.dlbasis.spec.api.Capability;
import org.dlbasis.spec.api.Implementation;
import org.junit.jupiter.api.Test;

/**
 * The reference against every case of every golden file (numpy-computed, shipped on the
 * classpath): the same few lines any implementation writes (README).
 */
@Clause({"ARR-2", "ARR-4", "ARR-6", "ARR-7", "BCAST-2", "BCAST-3", "ACT-1", "ACT-2", "LOSS-4", "NET-2", "GD-5"})
class ReferenceGoldenTest extends GoldenTests {
    @Override
    protected Implementation implementation() {
        return new ReferenceImplementation();
    }

    /** So no golden case can be aborted as "not implemented": each one passes or fails. */
    @Test
    void theReferenceDeclaresEveryCapability() {
        assertEquals(EnumSet.allOf(Capability.class), implementation().capabilities());
    }
}
