package com.example.activations;

import java.util.Map;

import org.dlbasis.golden.GoldenTests;
import org.dlbasis.spec.api.Implementation;

/** Every golden case of dlbasis (computed with numpy), against MyActivations. */
class MyGoldenTest extends GoldenTests {

    @Override
    protected Implementation implementation() {
        return new MyActivations();
    }

    @Override
    protected Map<String, String> skippedClauses() {
        return MyConformanceTest.SKIPPED;
    }
}
