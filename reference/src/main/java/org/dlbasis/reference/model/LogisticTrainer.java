package org.dlbasis.reference.model;

import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.array.MatrixProduct;
import org.dlbasis.reference.array.ProductKernels;
import org.dlbasis.reference.loss.CrossEntropy;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Batch gradient descent for logistic regression: the formulas of
 * {@link ReferenceLogisticRegression}, computed in place (X converted once, buffers allocated
 * once) and in one pass over X per iteration.
 *
 * <pre>
 * Z  = wᵀX + b                                           (1, m)
 * dZ = σ(Z) − Y                                          (1, m)
 * dw = (1/m) X dZᵀ,  db = (1/m) Σ dZ
 * w := w − α dw,  b := b − α db
 * </pre>
 *
 * <p>X is read twice per iteration by the textbook loop: once for X dZᵀ and once for the next
 * wᵀX. For the course's 12288 × 209 X (20 MB) those reads are the cost of an iteration, so
 * {@link #stepAndNextLogits} does both with each row of X while it is in cache: for feature r,
 * dw_r = X[r,:]·dZ, then w_r := w_r − α·(1/m)·dw_r, then Z_next += w_r·X[r,:]. Z_next is summed
 * in the order wᵀX sums it; dw_r with four partial sums, so that four additions are in flight
 * instead of one dependent chain (a different order of the same sum, within SUM(m)).
 */
final class LogisticTrainer {
    private final DMatrixRMaj x;
    private final double[] y;
    private final int n;
    private final int m;
    private final double[] z;
    private final double[] dz;

    LogisticTrainer(Tensor x, Tensor y) {
        this.x = MatrixProduct.toMatrix(x);
        this.y = y.toArray();
        this.n = x.shape().dim(0);
        this.m = x.shape().dim(1);
        this.z = new double[m];
        this.dz = new double[m];
    }

    Training<LogisticParameters> train(LogisticParameters p, double alpha, int iterations) {
        DMatrixRMaj w = MatrixProduct.toMatrix(p.w());
        double b = p.b();
        double[] costs = new double[iterations + 1];
        DMatrixRMaj logits = new DMatrixRMaj(1, m, true, z);
        CommonOps_DDRM.multTransA(w, x, logits); // Z = wᵀX (before + b)
        System.arraycopy(logits.data, 0, z, 0, m);
        for (int i = 0; i < iterations; i++) {
            costs[i] = costAndResidual(b);
            double db = sum(dz) / m;
            stepAndNextLogits(w.data, alpha);
            b -= alpha * db;
        }
        costs[iterations] = costAndResidual(b);
        return new Training<>(new LogisticParameters(MatrixProduct.toTensor(w), b), costs);
    }

    /** dZ = σ(Z + b) − Y; returns J = (1/m) Σ L from the logits Z + b. */
    private double costAndResidual(double b) {
        double total = 0;
        for (int j = 0; j < m; j++) {
            double zj = z[j] + b;
            total += CrossEntropy.lossFromLogit(zj, y[j]);
            dz[j] = ScalarActivations.sigmoid(zj) - y[j];
        }
        return total / m;
    }

    /** For each feature r: dw_r = X[r,:]·dZ (four partial sums: {@link ProductKernels#dot}); w_r := w_r − α·((1/m)·dw_r); then Z = Σ_r w_r X[r,:]. */
    private void stepAndNextLogits(double[] w, double alpha) {
        double[] xs = x.data;
        java.util.Arrays.fill(z, 0.0);
        for (int r = 0; r < n; r++) {
            int row = r * m;
            w[r] -= alpha * ((1.0 / m) * ProductKernels.dot(xs, row, dz, 0, m));
            double wr = w[r];
            for (int j = 0; j < m; j++) {
                z[j] += wr * xs[row + j];
            }
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
