package org.dlbasis.tck.match;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.dlbasis.spec.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each diagnosis names its cause, and none is given where the numbers do not fit it. */
class DiagnosesTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static String text(Optional<String> d) {
        return d.orElseThrow(() -> new AssertionError("no diagnosis"));
    }

    @Test
    void aConstantFactorIsNamed() {
        assertThat(text(Diagnoses.of(0.5, 1.0)), containsString("1/2 × the expected"));
        assertThat(text(Diagnoses.of(3.0, 1.0)), containsString("3 × the expected: a missing 1/3?"));
        assertThat(text(Diagnoses.of(-2.5, 2.5)), containsString("flipped sign"));
        assertThat(
                text(Diagnoses.of(Tensor.vector(1, 2, 0), Tensor.vector(2, 4, 0))),
                containsString("1/2 × the expected"));
    }

    @Test
    void aClampedLogIsNamedInAScalarAndInATensor() {
        assertThat(text(Diagnoses.of(100.0, INF)), containsString("clamped at −100"));
        assertThat(
                text(Diagnoses.of(Tensor.vector(0.25, 100), Tensor.vector(0.25, INF))),
                containsString("clamped at −100"));
    }

    @Test
    void elementsWithinTheToleranceAreNotTheCause() {
        Tensor expected = Tensor.vector(0, 690.8, INF);
        Tensor actual = Tensor.vector(1e-300, 100, 100);
        assertEquals(Optional.empty(), Diagnoses.of(actual, expected), "1e-300 for 0 is no clamp");
        assertThat(
                text(Diagnoses.of(actual, expected, new Tolerance("LOSS", 1e-15, 1e-15))),
                containsString("clamped at −100"));
    }

    @Test
    void aNumberWhereNanIsDueIsAMask() {
        assertThat(text(Diagnoses.of(1.0, NAN)), containsString("mask"));
        assertThat(text(Diagnoses.of(Tensor.vector(1, 0, 1), Tensor.vector(1, 0, NAN))), containsString("mask"));
        Tensor z = Tensor.vector(NAN);
        assertThat(
                text(Diagnoses.ofDerivative(Tensor.vector(1), Tensor.vector(NAN), z, true, Tolerance.EXACT)),
                containsString("NaN in gives a number out"));
    }

    @Test
    void nanWhereANumberIsDueNamesTheSaturationSlips() {
        assertThat(text(Diagnoses.of(NAN, 20.6)), containsString("0·log 0"));
    }

    @Test
    void anAbsoluteErrorNearOneInATinyValueIsACancellation() {
        assertThat(text(Diagnoses.of(0.0, 3.9e-304)), containsString("1 − tanh²(z)"));
        assertTrue(Diagnoses.of(0.0, 1e-3).isEmpty(), "0 for 1e-3 is no rounding near 1");
    }

    @Test
    void aDerivativeNamesTheKinkAndTheNanTogether() {
        Tensor z = Tensor.vector(0, 1, NAN);
        String d = text(
                Diagnoses.ofDerivative(Tensor.vector(0.5, 1, 1), Tensor.vector(1, 1, NAN), z, true, Tolerance.EXACT));
        assertThat(d, containsString("g′(0) = 0.5 is the other convention at the kink; the spec fixes 1.0"));
        assertThat(d, containsString("mask"));
    }

    @Test
    void noKinkWhereTheFunctionHasNoneAndNoMaskWhereNoNanWentIn() {
        Tensor z = Tensor.vector(0, 1);
        assertEquals(
                Optional.empty(),
                Diagnoses.ofDerivative(Tensor.vector(0.3, 0.5), Tensor.vector(0.25, 0.5), z, false, Tolerance.EXACT));
        assertThat(
                text(Diagnoses.of(Tensor.vector(0), Tensor.vector(NAN))), containsString("a number where NaN is due"));
    }

    @Test
    void aFactorOrASignOfATinyValueIsNoCancellation() {
        assertThat(text(Diagnoses.of(-1e-20, 1e-20)), containsString("flipped sign"));
        assertThat(text(Diagnoses.of(2e-20, 1e-20)), containsString("2 × the expected"));
    }

    @Test
    void aSingleNumberGetsNoArbitraryFactor() {
        assertEquals(Optional.empty(), Diagnoses.of(1.000002, 1.0));
        assertEquals(Optional.empty(), Diagnoses.of(1e20, 1.0));
    }

    @Test
    void noDiagnosisWhenTheDifferencesDoNotFitOneCause() {
        assertEquals(Optional.empty(), Diagnoses.of(Tensor.vector(1, 3), Tensor.vector(2, 4)));
        assertEquals(Optional.empty(), Diagnoses.of(Tensor.vector(1, 100), Tensor.vector(2, INF)));
        assertEquals(Optional.empty(), Diagnoses.of(1.0 + 1e-9, 1.0));
    }

    @Test
    void aTransposeIsNamed() {
        assertThat(
                text(Diagnoses.of(Tensor.matrix(new double[] {1, 2}), Tensor.column(1, 2))),
                containsString("transpose"));
    }
}
