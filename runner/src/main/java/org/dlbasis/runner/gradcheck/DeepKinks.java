package org.dlbasis.runner.gradcheck;

import java.util.Map;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Which probes of the L-layer network can cross a kink of the hidden activation (SPEC DEEP-6): a
 * probe ±eps of one coordinate is near a kink when some hidden pre-activation it reaches — in the
 * moved layer or any hidden layer below it, in any sample — lies within its change of 0
 * (|Z| ≤ 1.01·|ΔZ|, as {@link ModelFactory}'s two-layer probe). The output layer has no kink (σ).
 *
 * <p>Most samples are cleared without following them: a move of size Δ at layer l changes Z[l+1]
 * by at most Lip(g)·Δ·max|W[l+1][:, i]| and each later Z[k+1] by at most Lip(g)·‖W[k+1]‖∞ times
 * the bound before; a sample whose smallest |Z[k]| in every reached layer exceeds these bounds
 * cannot be near a kink. The others are followed exactly ({@link DeepColumns#move}), so the
 * answer is the same as following every sample.
 */
final class DeepKinks implements GradcheckModel.KinkProbe {
    /** Rounding slack on the bounds (they are computed in floating point too). */
    private static final double SLACK = 1.001;

    private final DeepColumns columns;
    private final double lipschitz;
    /** minAbsZ[k][s]: the smallest |Z[k][:, s]| of hidden layer k (1 ≤ k &lt; L). */
    private final double[][] minAbsZ;
    /** rowNorm[k]: ‖W[k]‖∞ = max over rows of Σ|W[k][r, :]|. */
    private final double[] rowNorm;

    private final double[] outputChange;
    private boolean near;

    DeepKinks(Map<String, Tensor> theta, Tensor x, Activation g) {
        this.columns = new DeepColumns(theta, x, g);
        this.lipschitz = g.kind() == Activation.Kind.ELU ? Math.max(1, g.parameter()) : 1; // ReLU, Leaky ReLU: 1
        int layers = columns.layers;
        int m = columns.m;
        this.minAbsZ = new double[layers][];
        this.rowNorm = new double[layers + 1];
        for (int k = 1; k <= layers; k++) {
            if (k < layers) {
                minAbsZ[k] = new double[m];
                java.util.Arrays.fill(minAbsZ[k], Double.POSITIVE_INFINITY);
                for (int u = 0; u < columns.n[k]; u++) {
                    for (int s = 0; s < m; s++) {
                        minAbsZ[k][s] = Math.min(minAbsZ[k][s], Math.abs(columns.z[k][u * m + s]));
                    }
                }
            }
            for (int r = 0; r < columns.n[k]; r++) {
                double sum = 0;
                for (int c = 0; c < columns.n[k - 1]; c++) {
                    sum += Math.abs(columns.w[k][r * columns.n[k - 1] + c]);
                }
                rowNorm[k] = Math.max(rowNorm[k], sum);
            }
        }
        this.outputChange = new double[columns.n[layers]];
    }

    @Override
    public boolean nearKink(String name, int flat, double eps) {
        int layer = DeepColumns.layerOf(name);
        if (layer == columns.layers) {
            return false;
        }
        boolean weight = name.startsWith("W");
        int inputs = columns.n[layer - 1];
        int unit = weight ? flat / inputs : flat;
        int input = weight ? flat % inputs : -1;
        double column = columnMax(layer + 1, unit);
        near = false;
        DeepColumns.HiddenWatch watch =
                (before, change) -> near |= change != 0 && Math.abs(before) <= 1.01 * Math.abs(change);
        for (int s = 0; s < columns.m && !near; s++) {
            double reach = Math.abs(eps) * (input < 0 ? 1 : Math.abs(columns.a[layer - 1][input * columns.m + s]));
            if (mayReachAKink(layer, unit, s, reach, column)) {
                columns.move(layer, unit, input, eps, s, outputChange, watch);
                columns.move(layer, unit, input, -eps, s, outputChange, watch);
            }
        }
        return near;
    }

    /** False if no pre-activation a move of {@code reach} at (layer, unit) can reach in sample s is near 0. */
    private boolean mayReachAKink(int layer, int unit, int s, double reach, double column) {
        if (reach == 0) {
            return false;
        }
        if (Math.abs(columns.z[layer][unit * columns.m + s]) <= 1.01 * reach * SLACK) {
            return true;
        }
        double bound = lipschitz * reach * column * SLACK;
        for (int k = layer + 1; k < columns.layers; k++) {
            if (minAbsZ[k][s] <= 1.01 * bound) {
                return true;
            }
            bound *= lipschitz * rowNorm[k + 1] * SLACK;
        }
        return false;
    }

    /** max over rows r of |W[k][r, unit]|: how much a unit of layer k − 1 can move each unit of layer k. */
    private double columnMax(int k, int unit) {
        if (k > columns.layers) {
            return 0;
        }
        double max = 0;
        for (int r = 0; r < columns.n[k]; r++) {
            max = Math.max(max, Math.abs(columns.w[k][r * columns.n[k - 1] + unit]));
        }
        return max;
    }
}
