package com.example.activations;

import java.util.Map;

import org.dlbasis.spec.api.Implementation;
import org.dlbasis.tck.ConformanceTests;

/** Every property of the dlbasis conformance suite, against MyActivations. */
class MyConformanceTest extends ConformanceTests {

    /** The clauses we knowingly do not meet, and why; GoldenTests takes the same. */
    static final Map<String, String> SKIPPED = Map.of("ACT-11", "Maxout is not written yet");

    @Override
    protected Implementation implementation() {
        return new MyActivations();
    }

    @Override
    protected Map<String, String> skippedClauses() {
        return SKIPPED;
    }
}
