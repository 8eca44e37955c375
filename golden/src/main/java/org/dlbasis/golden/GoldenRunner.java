package org.dlbasis.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.dlbasis.spec.api.CapabilityNotImplementedException;
import org.dlbasis.spec.api.Implementation;
import org.dlbasis.spec.error.SpecException;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.match.Diagnoses;
import org.dlbasis.tck.match.TensorMatchers;
import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.suite.ImplementationFailure;
import org.dlbasis.tck.suite.IsolatedImplementation;
import org.dlbasis.tck.suite.Runner;
import org.dlbasis.tck.suite.Status;
import org.dlbasis.tck.suite.Watched;
import org.dlbasis.tck.suite.WrongResultShape;
import org.dlbasis.wire.Json;
import org.dlbasis.wire.Operation;

/** Runs golden cases against any implementation and explains every mismatch. */
public final class GoldenRunner {
    private GoldenRunner() {}

    /**
     * Runs one golden case: calls its operation on {@code impl} and compares the outputs (or the
     * error) with the expected ones under the case's tolerance.
     *
     * @param impl the implementation under test
     * @param c the case to run
     * @return the verdict: PASS, FAIL, NOT_IMPLEMENTED (capability or option not declared) or ERROR
     *     (the implementation failed to answer), with what differed
     */
    public static CaseResult run(Implementation impl, GoldenCase c) {
        if (impl instanceof IsolatedImplementation isolated) {
            isolated.beginCheck();
        }
        try {
            if (!impl.capabilities().contains(Operation.of(c.op()).capability())) {
                return result(
                        c,
                        Status.NOT_IMPLEMENTED,
                        0,
                        impl.name() + " does not declare "
                                + Operation.of(c.op()).capability());
            }
        } catch (ImplementationFailure e) {
            return result(c, Status.ERROR, 0, where(c) + ": " + e.getMessage());
        }
        if (c.expectsError() && !impl.options().validation()) {
            return result(
                    c, Status.NOT_IMPLEMENTED, 0, impl.name() + " does not declare input validation (SPEC API-2)");
        }
        Map<String, Tensor> actual;
        try {
            // watched: a case that needs an undeclared option (an activation, a step, a scale) is not sent
            actual = Operation.of(c.op()).invoke(new Watched(impl), c.params(), c.inputs());
        } catch (SpecException e) {
            return c.expectsError()
                    ? checkError(c, e)
                    : result(
                            c,
                            Status.FAIL,
                            0,
                            where(c) + ": raised " + e.kind() + " \"" + e.getMessage()
                                    + "\" where outputs were expected");
        } catch (CapabilityNotImplementedException e) {
            return result(c, Status.NOT_IMPLEMENTED, 0, e.getMessage());
        } catch (ImplementationFailure e) {
            return result(c, Status.ERROR, 0, where(c) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return result(c, Status.ERROR, 0, where(c) + ": the implementation threw " + e);
        } catch (WrongResultShape e) {
            return result(c, Status.FAIL, 0, where(c) + ": " + e.getMessage());
        }
        if (c.expectsError()) {
            return result(
                    c,
                    Status.FAIL,
                    0,
                    where(c) + ": expected a " + c.errorKind() + " error"
                            + (c.errorMessage() == null ? "" : " \"" + c.errorMessage() + "\"") + ", but it returned "
                            + actual);
        }
        return compare(c, actual);
    }

    private static CaseResult checkError(GoldenCase c, SpecException e) {
        if (e.kind() != c.errorKind()) {
            return result(
                    c,
                    Status.FAIL,
                    0,
                    where(c) + ": expected a " + c.errorKind() + " error, found " + e.kind() + " \"" + e.getMessage()
                            + "\"");
        }
        if (c.errorMessage() != null && !c.errorMessage().equals(e.getMessage())) {
            // the kind is the verdict; a different text is reported, not failed (SPEC ERR-1)
            return result(
                    c,
                    Status.PASS,
                    0,
                    Runner.TEXT_DIFFERS + "1: " + where(c) + ": \"" + e.getMessage() + "\" where the spec says \""
                            + c.errorMessage() + "\"");
        }
        return result(c, Status.PASS, 0, "");
    }

    private static CaseResult compare(GoldenCase c, Map<String, Tensor> actual) {
        double margin = 0;
        for (Map.Entry<String, Tensor> e : c.expected().entrySet()) {
            Tensor got = actual.get(e.getKey());
            Tensor want = e.getValue();
            if (got == null) {
                return result(c, Status.FAIL, 0, where(c) + ": output \"" + e.getKey() + "\" is missing");
            }
            if (!got.shape().equals(want.shape())) {
                return result(
                        c,
                        Status.FAIL,
                        0,
                        where(c) + ": output \"" + e.getKey() + "\" has shape " + got.shape() + ", expected "
                                + want.shape() + "\n" + inputs(c));
            }
            int worst = TensorMatchers.worstIndex(got, want, c.tolerance());
            if (worst < 0) {
                continue;
            }
            double ratio = c.tolerance().ratio(got.flat(worst), want.flat(worst));
            if (!(ratio <= 1)) {
                return result(c, Status.FAIL, 0, mismatch(c, e.getKey(), got, want, worst, c.tolerance(), actual));
            }
            margin = Math.max(margin, ratio);
        }
        return result(c, Status.PASS, margin, "");
    }

    private static String mismatch(
            GoldenCase c, String output, Tensor got, Tensor want, int i, Tolerance t, Map<String, Tensor> actual) {
        return where(c) + ": output \"" + output + "\" at index " + TensorMatchers.multiIndex(want.shape(), i) + ": "
                + t.explain(got.flat(i), want.flat(i))
                + diagnosis(c, got, want, actual)
                        .map(d -> "\n  diagnosis: " + d)
                        .orElse("") + "\n" + inputs(c);
    }

    /** Whether the case's activation has a kink at 0 (ReLU, Leaky ReLU, ELU). */
    private static boolean kinked(GoldenCase c) {
        JsonNode activation = c.params() == null ? null : c.params().get("activation");
        String kind = activation == null ? "" : activation.asText();
        return kind.equals("relu") || kind.equals("leaky_relu") || kind.equals("elu");
    }

    /**
     * What the mismatch most likely is: of this output (at the kinks, for a derivative), else of the
     * first cost a training recorded, J(θ₀), which no step has touched yet.
     */
    private static Optional<String> diagnosis(GoldenCase c, Tensor got, Tensor want, Map<String, Tensor> actual) {
        JsonNode z = c.inputs() == null ? null : c.inputs().get("z");
        Optional<String> here = c.op().endsWith("derivative") && z != null
                ? Diagnoses.ofDerivative(got, want, Json.toTensor(z, "inputs.z"), kinked(c), c.tolerance())
                : Diagnoses.of(got, want, c.tolerance());
        Tensor costs = actual.get("costs");
        Tensor expectedCosts = c.expected().get("costs");
        if (here.isPresent()
                || costs == null
                || expectedCosts == null
                || costs.size() == 0
                || expectedCosts.size() == 0) {
            return here;
        }
        return Diagnoses.of(costs.flat(0), expectedCosts.flat(0)).map(d -> "costs[0], J(θ₀), is off too: " + d);
    }

    /** The case's inputs and parameters, abbreviated, so the failure can be rebuilt anywhere. */
    private static String inputs(GoldenCase c) {
        String in = abbreviate(c.inputs().toString());
        String params = c.params() == null || c.params().isEmpty()
                ? ""
                : ", params " + abbreviate(c.params().toString());
        return "inputs " + in + params;
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "… (see the golden file)" : s;
    }

    private static String where(GoldenCase c) {
        return c.file() + " case \"" + c.id() + "\" (" + c.op() + ")";
    }

    private static CaseResult result(GoldenCase c, Status status, double margin, String detail) {
        return new CaseResult(c.file(), c.id(), c.clauses(), status, margin, detail);
    }
}
