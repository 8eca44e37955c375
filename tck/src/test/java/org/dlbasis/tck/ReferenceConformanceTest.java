package org.dlbasis.tck;

import org.dlbasis.reference.ReferenceImplementation;
import org.dlbasis.spec.api.Implementation;

/** The whole suite against the reference: the same few lines any implementation writes (README). */
class ReferenceConformanceTest extends ConformanceTests {
    @Override
    protected Implementation implementation() {
        return new ReferenceImplementation();
    }
}
