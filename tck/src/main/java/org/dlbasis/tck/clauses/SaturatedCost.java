package org.dlbasis.tck.clauses;

import org.dlbasis.tck.match.Tolerance;
import org.dlbasis.tck.suite.Context;

/**
 * SPEC BACKPROP-8's rule for the cost of saturated outputs: finite and equal to the cost from the
 * logits, or +∞ exactly where LOSS-2 gives +∞ for the rounded probabilities (an implementation
 * that computes J from A = σ(Z) and evaluates only the term the label selects); never NaN, which
 * is 0·log 0 evaluated.
 */
final class SaturatedCost {
    private SaturatedCost() {}

    /**
     * Checks one saturated cost.
     *
     * @param ctx the run's context
     * @param cost the implementation's J
     * @param fromLogits J from the logits (finite)
     * @param fromProbabilities J from the rounded σ of the logits, LOSS-2's way (may be +∞)
     * @param logits how the logits are named in messages ({@code Z2}, {@code z})
     */
    static void check(Context ctx, double cost, double fromLogits, double fromProbabilities, String logits) {
        ctx.require(
                !Double.isNaN(cost),
                "J = NaN with saturated outputs: 0·log 0 was evaluated; only the term the "
                        + "label selects is (LOSS-2), and from " + logits + " the cost is finite");
        if (Double.isInfinite(cost)) {
            ctx.require(
                    cost == fromProbabilities,
                    "J = " + cost + " with saturated outputs, but σ(" + logits
                            + ") gives J = " + fromProbabilities + " as LOSS-2 defines it (and " + fromLogits + " from "
                            + logits + ")");
        } else if (Double.isInfinite(fromProbabilities)
                || Math.abs(cost - fromLogits) <= Tolerance.MODEL.allowed(fromLogits)) {
            ctx.assertClose("J with saturated outputs", cost, fromLogits, Tolerance.MODEL);
        } else {
            ctx.assertClose(
                    "J with saturated outputs, from σ(" + logits + ")", cost, fromProbabilities, Tolerance.MODEL);
        }
    }
}
