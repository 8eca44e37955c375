package org.dlbasis.reference.model;

import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.array.MatrixProduct;
import org.dlbasis.reference.loss.CrossEntropy;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Batch gradient descent for logistic regression, the same formulas as
 * {@link ReferenceLogisticRegression} computed in place: X is converted once, the buffers are
 * allocated once, and the two products use EJML's transposed-operand kernels so no transpose is
 * materialised.
 *
 * <pre>
 * Z  = wᵀX + b            multTransA(w, X, z)     (1, m)
 * dZ = σ(Z) − Y                                   (1, m)
 * dw = (1/m) X dZᵀ        multTransB(X, dz, dw)   (n, 1)
 * db = (1/m) Σ dZ
 * w := w − α dw,  b := b − α db
 * </pre>
 */
final class LogisticTrainer {
    private final DMatrixRMaj x;
    private final double[] y;
    private final int m;
    private final DMatrixRMaj z;
    private final DMatrixRMaj dz;
    private final DMatrixRMaj dw;

    LogisticTrainer(Tensor x, Tensor y) {
        this.x = MatrixProduct.toMatrix(x);
        this.y = y.toArray();
        this.m = x.shape().dim(1);
        this.z = new DMatrixRMaj(1, m);
        this.dz = new DMatrixRMaj(1, m);
        this.dw = new DMatrixRMaj(x.shape().dim(0), 1);
    }

    Training<LogisticParameters> train(LogisticParameters p, double alpha, int iterations) {
        DMatrixRMaj w = MatrixProduct.toMatrix(p.w());
        double b = p.b();
        double[] costs = new double[iterations + 1];
        for (int i = 0; i < iterations; i++) {
            costs[i] = forwardAndResidual(w, b);
            CommonOps_DDRM.multTransB(x, dz, dw);
            double db = sum(dz.data) / m;
            for (int k = 0; k < w.data.length; k++) {
                w.data[k] -= alpha * ((1.0 / m) * dw.data[k]);
            }
            b -= alpha * db;
        }
        costs[iterations] = forwardAndResidual(w, b);
        return new Training<>(new LogisticParameters(MatrixProduct.toTensor(w), b), costs);
    }

    /** Z = wᵀX + b; fills dZ = σ(Z) − Y and returns J = (1/m) Σ L from the logits. */
    private double forwardAndResidual(DMatrixRMaj w, double b) {
        CommonOps_DDRM.multTransA(w, x, z);
        double total = 0;
        for (int j = 0; j < m; j++) {
            double zj = z.data[j] + b;
            total += CrossEntropy.lossFromLogit(zj, y[j]);
            dz.data[j] = ScalarActivations.sigmoid(zj) - y[j];
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
