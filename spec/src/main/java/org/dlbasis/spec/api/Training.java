package org.dlbasis.spec.api;

/**
 * The result of k gradient-descent iterations (SPEC GD-5).
 *
 * @param parameters the parameters after the last step
 * @param costs k + 1 values: J before the first step, then J after each step
 * @param <P> the parameter type
 */
public record Training<P>(P parameters, double[] costs) {
    /**
     * Keeps a copy of the costs.
     *
     * @param parameters the parameters after the last step
     * @param costs k + 1 values: J before the first step, then J after each step; copied
     */
    public Training {
        costs = costs.clone();
    }

    /**
     * The cost history.
     *
     * @return a copy of the k + 1 costs
     */
    @Override
    public double[] costs() {
        return costs.clone();
    }
}
