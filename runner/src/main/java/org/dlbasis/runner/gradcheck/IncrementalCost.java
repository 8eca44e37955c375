package org.dlbasis.runner.gradcheck;

import java.util.Map;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.tensor.Tensor;
import org.dlbasis.tck.oracle.MathOracle;

/**
 * J(θ + δ·e) for the reference's own models, recomputing only what one coordinate affects:
 * moving W1[i][j] by δ moves row i of Z1 by δ·X[j,:], hence row i of A1, hence Z2 by
 * W2[:,i]·ΔA1[i,:] — O(m·n[2]) work instead of a whole forward pass. This is what lets a
 * 12288-7-1 network be checked coordinate by coordinate; it computes the cost of SPEC LOSS-4/5 with
 * the suite's own formulas, so it stands for the reference's cost only (to rounding).
 */
public final class IncrementalCost implements CoordinateCost {
    private final Activation g;
    private final double[] x;
    private final double[] y;
    private final double[] w2;
    private final double[] z1;
    private final double[] a1;
    private final double[] z2;
    private final int nx;
    private final int nh;
    private final int ny;
    private final int m;
    private final boolean logistic;
    private final double[] baseLoss;
    private final double baseSum;

    /**
     * For the two-layer network with parameters W1, b1, W2, b2.
     *
     * @param theta the parameters W1, b1, W2, b2 the check is done at
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, shape (n[2], m)
     * @param g the hidden activation
     * @return the coordinate cost
     */
    public static IncrementalCost network(Map<String, Tensor> theta, Tensor x, Tensor y, Activation g) {
        return new IncrementalCost(theta.get("W1"), theta.get("b1"), theta.get("W2"), theta.get("b2"), x, y, g, false);
    }

    /**
     * For logistic regression with parameters w (n, 1) and b: a network whose "hidden layer" is the input.
     *
     * @param theta the parameters w and b the check is done at
     * @param x the inputs X, shape (n, m)
     * @param y the labels Y, shape (1, m)
     * @return the coordinate cost
     */
    public static IncrementalCost logistic(Map<String, Tensor> theta, Tensor x, Tensor y) {
        Tensor w = theta.get("w");
        Tensor row = Tensor.of(org.dlbasis.spec.tensor.Shape.of(1, w.size()), w.toArray());
        Tensor b =
                Tensor.of(org.dlbasis.spec.tensor.Shape.of(1, 1), theta.get("b").item());
        return new IncrementalCost(null, null, row, b, x, y, Activation.linear(), true);
    }

    private IncrementalCost(
            Tensor w1, Tensor b1, Tensor w2, Tensor b2, Tensor x, Tensor y, Activation g, boolean logistic) {
        this.g = g;
        this.logistic = logistic;
        this.x = x.toArray();
        this.y = y.toArray();
        this.w2 = w2.toArray();
        this.nx = x.shape().dim(0);
        this.m = x.shape().dim(1);
        this.ny = w2.shape().dim(0);
        this.nh = logistic ? nx : w1.shape().dim(0);
        this.z1 = new double[nh * m];
        this.a1 = new double[nh * m];
        this.z2 = new double[ny * m];
        for (int i = 0; i < nh; i++) {
            for (int n = 0; n < m; n++) {
                double s = logistic ? this.x[i * m + n] : b1.flat(i);
                for (int j = 0; !logistic && j < nx; j++) {
                    s += w1.get(i, j) * this.x[j * m + n];
                }
                z1[i * m + n] = s;
                a1[i * m + n] = logistic ? s : MathOracle.value(g, s);
            }
        }
        for (int k = 0; k < ny; k++) {
            for (int n = 0; n < m; n++) {
                double s = b2.flat(k);
                for (int i = 0; i < nh; i++) {
                    s += this.w2[k * nh + i] * a1[i * m + n];
                }
                z2[k * m + n] = s;
            }
        }
        baseLoss = new double[ny * m];
        double sum = 0;
        for (int i = 0; i < baseLoss.length; i++) {
            baseLoss[i] = MathOracle.lossFromLogit(z2[i], this.y[i]);
            sum += baseLoss[i];
        }
        baseSum = sum;
    }

    @Override
    public double cost(String name, int flat, double delta) {
        switch (name) {
            case "W1":
                return hiddenMoved(flat / nx, flat % nx, delta);
            case "b1":
                return hiddenMoved(flat, -1, delta);
            case "W2":
                return outputMoved(flat / nh, flat % nh, delta);
            case "w":
                return outputMoved(0, flat, delta);
            default:
                return outputMoved(flat, -1, delta); // b2, b
        }
    }

    /**
     * Row i of Z1 moves by δ·X[j,:] (or δ for the bias). J is the base sum plus the change of the
     * samples whose activation moved: a ReLU unit that stays off changes nothing and costs nothing,
     * and J(θ+δ) − J(θ−δ) then cancels the base sum exactly.
     */
    private double hiddenMoved(int i, int j, double delta) {
        double change = 0;
        for (int n = 0; n < m; n++) {
            double z = z1[i * m + n] + delta * (j < 0 ? 1 : x[j * m + n]);
            double da = MathOracle.value(g, z) - a1[i * m + n];
            if (da == 0) {
                continue;
            }
            for (int k = 0; k < ny; k++) {
                int at = k * m + n;
                change += MathOracle.lossFromLogit(z2[at] + w2[k * nh + i] * da, y[at]) - baseLoss[at];
            }
        }
        return (baseSum + change) / m;
    }

    /** Row k of Z2 moves by δ·A1[i,:] (or δ for the bias); the other rows keep their loss. */
    private double outputMoved(int k, int i, double delta) {
        double change = 0;
        for (int n = 0; n < m; n++) {
            int at = k * m + n;
            change += MathOracle.lossFromLogit(z2[at] + delta * (i < 0 ? 1 : a1[i * m + n]), y[at]) - baseLoss[at];
        }
        return (baseSum + change) / m;
    }
}
