package org.dlbasis.runner.gradcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.oracle.MathOracle;

/**
 * J(θ + δ·e) for the reference's own models, recomputing only what one coordinate affects
 * ({@link DeepColumns}): the samples whose column moves, and in them only the layers from the
 * moved one down. Every model is an L-layer network here: the two-layer network is L = 2, and
 * logistic regression is L = 1 with W1 = wᵀ (1, n) and b1 = b. Moving W1[i][j] of the 12288-7-1
 * network moves row i of Z1 by δ·X[j,:], hence row i of A1, hence Z2 by W2[:,i]·ΔA1[i,:]: O(m·n[2])
 * work instead of a whole forward pass, which is what lets the course's networks (12288-7-1,
 * 12288-20-7-5-1) be checked coordinate by coordinate. It computes the cost of SPEC LOSS-4/5 with
 * the suite's own formulas, so it stands for the reference's cost only (to rounding).
 */
public final class IncrementalCost implements CoordinateCost {
    private final DeepColumns columns;
    private final double[] y;
    private final double[] baseLoss;
    private final double baseSum;
    private final double[] outputChange;

    private IncrementalCost(DeepColumns columns, Tensor y) {
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
     * For any of the three models, by the names of its parameters: W1, b1, …, WL, bL (the
     * networks), or w (n, 1) and b (logistic regression).
     *
     * @param theta the parameters the check is done at, by name
     * @param x the data X (n[0], m)
     * @param y the labels Y (n[L], m)
     * @param g the hidden activation (not used by logistic regression, which has no hidden layer)
     * @return the incremental cost
     */
    public static IncrementalCost of(Map<String, Tensor> theta, Tensor x, Tensor y, Activation g) {
        return new IncrementalCost(new DeepColumns(layers(theta), x, g), y);
    }

    /** The parameters as layers: logistic regression's w and b become W1 = wᵀ and b1 = b (the same flat order). */
    private static Map<String, Tensor> layers(Map<String, Tensor> theta) {
        if (!theta.containsKey("w")) {
            return theta;
        }
        Map<String, Tensor> one = new LinkedHashMap<>();
        Tensor w = theta.get("w");
        one.put("W1", Tensor.of(Shape.of(1, w.size()), w.toArray()));
        one.put("b1", Tensor.of(Shape.of(1, 1), theta.get("b").item()));
        return one;
    }

    /** The base sum of the losses plus the change of every output of every sample whose column moved, over m. */
    @Override
    public double cost(String name, int flat, double delta) {
        String layerName = switch (name) {
            case "w" -> "W1";
            case "b" -> "b1";
            default -> name;
        };
        int layer = DeepColumns.layerOf(layerName);
        boolean weight = layerName.startsWith("W");
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
