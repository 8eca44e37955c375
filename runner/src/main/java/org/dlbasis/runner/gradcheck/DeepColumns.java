package org.dlbasis.runner.gradcheck;

import java.util.Map;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.oracle.MathOracle;

/**
 * The L-layer network's forward pass computed here once, and what moving one parameter does to one
 * sample (one column): moving W[l][i][j] by δ moves Z[l][i, n] by δ·A[l−1][j, n] (b[l][i]: by δ),
 * hence A[l][i, n], hence the whole column n of Z[l+1], A[l+1], …, Z[L]; every other column stays as
 * it was. That is O(Σ n[k]·n[k−1]) work per sample, instead of a forward pass over all m samples,
 * and no work at all for a sample where the moved unit's activation does not change (a ReLU unit
 * that stays off). The suite's own formulas ({@link MathOracle}), not an implementation's.
 */
final class DeepColumns {
    /** Sees each hidden pre-activation a move reaches: its value before, and how far the move takes it. */
    interface HiddenWatch {
        void see(double before, double change);
    }

    final int layers;
    final int[] n;
    final int m;
    private final Activation g;
    /** w[l], l = 1 … L: W[l] row-major, (n[l], n[l−1]); w[0] is unused. */
    final double[][] w;
    /** z[l], l = 1 … L: Z[l] row-major, (n[l], m). */
    final double[][] z;
    /** a[l], l = 0 … L − 1: A[l] row-major, (n[l], m); a[0] = X (the output's A[L] is not needed). */
    final double[][] a;
    /** Scratch per layer: the change of Z[l] and of A[l] in the column being followed. */
    private final double[][] dz;

    private final double[][] da;

    /** From parameters named W1, b1, …, WL, bL and the data X. */
    DeepColumns(Map<String, Tensor> theta, Tensor x, Activation g) {
        this.g = g;
        this.layers = theta.size() / 2;
        this.m = x.shape().dim(1);
        this.n = new int[layers + 1];
        this.w = new double[layers + 1][];
        this.z = new double[layers + 1][];
        this.a = new double[layers][];
        this.dz = new double[layers + 1][];
        this.da = new double[layers + 1][];
        n[0] = x.shape().dim(0);
        a[0] = x.toArray();
        for (int l = 1; l <= layers; l++) {
            w[l] = theta.get("W" + l).toArray();
            double[] b = theta.get("b" + l).toArray();
            n[l] = b.length;
            z[l] = new double[n[l] * m];
            for (int i = 0; i < n[l]; i++) {
                for (int j = 0; j < n[l - 1]; j++) {
                    double weight = w[l][i * n[l - 1] + j];
                    for (int s = 0; s < m; s++) {
                        z[l][i * m + s] += weight * a[l - 1][j * m + s]; // W[l] A[l−1]
                    }
                }
                for (int s = 0; s < m; s++) {
                    z[l][i * m + s] += b[i]; // + b[l]
                }
            }
            if (l < layers) {
                a[l] = new double[n[l] * m];
                for (int k = 0; k < a[l].length; k++) {
                    a[l][k] = MathOracle.value(g, z[l][k]); // A[l] = g(Z[l])
                }
            }
            dz[l] = new double[n[l]];
            da[l] = new double[n[l]];
        }
    }

    /** The layer of a parameter name: 3 for W3 or b3. */
    static int layerOf(String name) {
        return Integer.parseInt(name.substring(1));
    }

    /**
     * Moves W[layer][unit][input] by {@code delta} ({@code input} &lt; 0: b[layer][unit]) and follows
     * column {@code sample} down to the output: writes the change of Z[L][:, sample] to
     * {@code outputChange} (n[L] values) and returns true, or returns false when nothing below the
     * moved unit changes. {@code watch}, if not null, sees every hidden pre-activation reached.
     */
    boolean move(int layer, int unit, int input, double delta, int sample, double[] outputChange, HiddenWatch watch) {
        double change = delta * (input < 0 ? 1 : a[layer - 1][input * m + sample]);
        if (layer == layers) {
            java.util.Arrays.fill(outputChange, 0);
            outputChange[unit] = change;
            return true;
        }
        double before = z[layer][unit * m + sample];
        if (watch != null) {
            watch.see(before, change);
        }
        double moved = MathOracle.value(g, before + change) - a[layer][unit * m + sample];
        if (moved == 0) {
            return false;
        }
        double[] next = dz[layer + 1];
        for (int k = 0; k < n[layer + 1]; k++) {
            next[k] = w[layer + 1][k * n[layer] + unit] * moved; // Z[l+1] moves by W[l+1][:, i]·ΔA
        }
        for (int l = layer + 1; l < layers; l++) {
            double[] changes = da[l];
            boolean any = false;
            for (int k = 0; k < n[l]; k++) {
                double zk = z[l][k * m + sample];
                if (watch != null) {
                    watch.see(zk, dz[l][k]);
                }
                changes[k] = MathOracle.value(g, zk + dz[l][k]) - a[l][k * m + sample];
                any |= changes[k] != 0;
            }
            if (!any) {
                return false;
            }
            for (int r = 0; r < n[l + 1]; r++) {
                double s = 0;
                for (int k = 0; k < n[l]; k++) {
                    s += w[l + 1][r * n[l] + k] * changes[k]; // ΔZ[l+1] = W[l+1] ΔA[l]
                }
                dz[l + 1][r] = s;
            }
        }
        System.arraycopy(dz[layers], 0, outputChange, 0, n[layers]);
        return true;
    }
}
