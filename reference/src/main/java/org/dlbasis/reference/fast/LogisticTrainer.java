package org.dlbasis.reference.fast;

import org.dlbasis.reference.array.MatrixProduct;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch gradient descent for logistic regression: the formulas of
 * {@link org.dlbasis.reference.model.ReferenceLogisticRegression}, computed in place (X converted
 * once, buffers allocated once) and in one pass over X per iteration.
 *
 * <pre>
 * Z  = wᵀX + b                                           (1, m)
 * dZ = σ(Z) − Y                                          (1, m)
 * dw = (1/m) X dZᵀ,  db = (1/m) Σ dZ
 * w := w − α dw,  b := b − α db
 * </pre>
 *
 * <p>X is read twice per iteration by the textbook loop: once for X dZᵀ and once for the next
 * wᵀX. For the course's 12288 × 209 X (20 MB) those reads are the cost of an iteration, so both are
 * one pass over X ({@link FirstLayerPass} with one hidden unit, W = wᵀ): for each row r of X,
 * dw_r = X[r,:]·dZ, then w_r := w_r − α·((1/m)·dw_r), then Z_next += w_r·X[r,:], while the row is
 * in cache; several threads may share the rows without changing the result.
 */
public final class LogisticTrainer {
    private final DMatrixRMaj x;
    private final double[] y;
    private final int m;
    private final double[] z;
    private final double[] dz;
    private final Threads threads;
    private final FirstLayerPass pass;

    /**
     * Sets up the data and the buffers; the caller has checked the inputs.
     *
     * @param x X (n, m), finite
     * @param y Y (1, m), labels 0 and 1
     * @param threads how many threads the pass over X may use, at least 1
     */
    public LogisticTrainer(Tensor x, Tensor y, int threads) {
        this.x = MatrixProduct.toMatrix(x);
        this.y = y.toArray();
        this.m = x.shape().dim(1);
        this.z = new double[m];
        this.dz = new double[m];
        this.threads = new Threads(threads);
        this.pass = new FirstLayerPass(this.x.data, x.shape().dim(0), m, 1, this.threads);
    }

    /**
     * k steps of gradient descent from p, and the cost before each step and after the last.
     *
     * @param p the parameters to start from, checked against X and Y
     * @param alpha the learning rate
     * @param iterations k
     * @return the parameters after k steps and the k + 1 costs
     */
    public Training<LogisticParameters> train(LogisticParameters p, double alpha, int iterations) {
        try (threads) {
            DMatrixRMaj w = MatrixProduct.toMatrix(p.w());
            double b = p.b();
            double[] costs = new double[iterations + 1];
            pass.product(w.data, z); // Z = wᵀX (before + b)
            for (int i = 0; i < iterations; i++) {
                costs[i] = costAndResidual(b);
                double db = sum(dz) / m;
                pass.stepAndProduct(w.data, dz, alpha, z);
                b -= alpha * db;
            }
            costs[iterations] = costAndResidual(b);
            return new Training<>(new LogisticParameters(MatrixProduct.toTensor(w), b), costs);
        }
    }

    /** dZ = σ(Z + b) − Y; returns J = (1/m) Σ L from the logits Z + b. */
    private double costAndResidual(double b) {
        double total = 0;
        for (int j = 0; j < m; j++) {
            double zj = z[j] + b;
            double e = Math.exp(-Math.abs(zj)); // shared by the loss and σ
            total += SharedExp.lossFromLogit(zj, y[j], e);
            dz[j] = SharedExp.sigmoid(zj, e) - y[j];
        }
        return total / m;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
