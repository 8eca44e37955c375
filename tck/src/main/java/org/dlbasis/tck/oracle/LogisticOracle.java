package org.dlbasis.tck.oracle;

import static org.dlbasis.tck.oracle.ArrayOracle.elementwise;
import static org.dlbasis.tck.oracle.ArrayOracle.matmul;
import static org.dlbasis.tck.oracle.ArrayOracle.scale;
import static org.dlbasis.tck.oracle.ArrayOracle.transpose;

import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.tensor.Tensor;

/** Logistic regression (SPEC LR-*) computed by the oracle's loops; the networks are {@link NetworkOracle}'s. */
public final class LogisticOracle {
    private LogisticOracle() {}

    /**
     * Z = wᵀX + b.
     *
     * @param p the parameters: w (n, 1) and b
     * @param x the inputs X, shape (n, m)
     * @return the logits Z, shape (1, m)
     */
    public static Tensor logits(LogisticParameters p, Tensor x) {
        return matmul(transpose(p.w()), x).map(z -> z + p.b());
    }

    /**
     * J(w, b) from the logits.
     *
     * @param p the parameters: w (n, 1) and b
     * @param x the inputs X, shape (n, m)
     * @param y the labels Y, shape (1, m)
     * @return the cost J
     */
    public static double cost(LogisticParameters p, Tensor x, Tensor y) {
        return NetworkOracle.costFromLogits(logits(p, x), y);
    }

    /**
     * dw = (1/m) X (A − Y)ᵀ, db = (1/m) Σ (A − Y).
     *
     * @param p the parameters: w (n, 1) and b
     * @param x the inputs X, shape (n, m)
     * @param y the labels Y, shape (1, m)
     * @return dw (n, 1) and db
     */
    public static LogisticGradients backward(LogisticParameters p, Tensor x, Tensor y) {
        int m = x.shape().dim(1);
        Tensor dz = elementwise(logits(p, x).map(MathOracle::sigmoid), y, (a, t) -> a - t);
        double db = 0;
        for (int j = 0; j < m; j++) {
            db += dz.flat(j);
        }
        return new LogisticGradients(scale(matmul(x, transpose(dz)), 1.0 / m), db / m);
    }
}
