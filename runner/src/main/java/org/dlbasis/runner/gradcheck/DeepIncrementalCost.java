package org.dlbasis.runner.gradcheck;

import java.util.Map;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.oracle.MathOracle;

/**
 * J(θ + δ·e) for the reference's L-layer network, recomputing only what one coordinate affects
 * ({@link DeepColumns}): the samples whose column moves, and in them only the layers from the
 * moved one down. This is what lets the course's 12288-20-7-5-1 network be checked coordinate by
 * coordinate. Like {@link IncrementalCost}, it computes the cost of SPEC LOSS-4/5 with the suite's
 * own formulas, so it stands for the reference's cost only (to rounding).
 */
public final class DeepIncrementalCost implements CoordinateCost {
    private final DeepColumns columns;
    private final double[] y;
    private final double[] baseLoss;
    private final double baseSum;
    private final double[] outputChange;

    private DeepIncrementalCost(DeepColumns columns, Tensor y) {
        this.columns = columns;
        this.y = y.toArray();
        double[] logits = columns.z[columns.layers];
        this.baseLoss = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            baseLoss[k] = MathOracle.lossFromLogit(logits[k], this.y[k]);
            sum += baseLoss[k];
        }
        this.baseSum = sum;
        this.outputChange = new double[columns.n[columns.layers]];
    }

    /**
     * For the deep network with parameters W1, b1, …, WL, bL.
     *
     * @param theta the parameters, by name
     * @param x the data X (n[0], m)
     * @param y the labels Y (n[L], m)
     * @param g the hidden activation
     * @return the incremental cost
     */
    public static DeepIncrementalCost of(Map<String, Tensor> theta, Tensor x, Tensor y, Activation g) {
        return new DeepIncrementalCost(new DeepColumns(theta, x, g), y);
    }

    /** The base sum of the losses plus the change of every output of every sample whose column moved, over m. */
    @Override
    public double cost(String name, int flat, double delta) {
        int layer = DeepColumns.layerOf(name);
        boolean weight = name.startsWith("W");
        int inputs = columns.n[layer - 1];
        int unit = weight ? flat / inputs : flat;
        int input = weight ? flat % inputs : -1;
        int m = columns.m;
        double[] logits = columns.z[columns.layers];
        double change = 0;
        for (int sample = 0; sample < m; sample++) {
            if (!columns.move(layer, unit, input, delta, sample, outputChange, null)) {
                continue;
            }
            for (int k = 0; k < outputChange.length; k++) {
                if (outputChange[k] != 0) {
                    int at = k * m + sample;
                    change += MathOracle.lossFromLogit(logits[at] + outputChange[k], y[at]) - baseLoss[at];
                }
            }
        }
        return (baseSum + change) / m;
    }
}
