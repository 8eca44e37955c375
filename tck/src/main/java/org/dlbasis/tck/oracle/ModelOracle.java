package org.dlbasis.tck.oracle;

import static org.dlbasis.tck.oracle.ArrayOracle.elementwise;
import static org.dlbasis.tck.oracle.ArrayOracle.matmul;
import static org.dlbasis.tck.oracle.ArrayOracle.rowSums;
import static org.dlbasis.tck.oracle.ArrayOracle.scale;
import static org.dlbasis.tck.oracle.ArrayOracle.tile;
import static org.dlbasis.tck.oracle.ArrayOracle.transpose;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.LogisticGradients;
import org.dlbasis.spec.api.LogisticParameters;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Tensor;

/** The models of SPEC.md (LR-*, NET-*, BACKPROP-*) computed by the oracle's loops. */
public final class ModelOracle {
    private ModelOracle() {}

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
        return costFromLogits(logits(p, x), y);
    }

    /**
     * The factor f that turns the logits z into saturated ones: f·z has +60 where |z| is largest,
     * so σ rounds to exactly 1 there (SPEC BACKPROP-8). Scaling the last layer's weights and bias
     * by f scales its logits by f.
     *
     * @param z the output logits
     * @return 60 / z at the entry of largest |z| (60 if z is all zeros)
     */
    public static double saturatingFactor(Tensor z) {
        int at = 0;
        for (int i = 1; i < z.size(); i++) {
            at = Math.abs(z.flat(i)) > Math.abs(z.flat(at)) ? i : at;
        }
        return z.size() == 0 || z.flat(at) == 0 ? 60 : 60 / z.flat(at);
    }

    /**
     * The cost from the rounded probabilities A = σ(Z), each loss as LOSS-2 defines it (only the
     * term the label selects): what an implementation that computes J from A rather than from Z
     * gives; +∞ for a confidently wrong sample once σ rounds to 0 or 1, never NaN.
     *
     * @param z the logits, shape (r, m)
     * @param y the labels, same shape
     * @return (1/m) Σ L(σ(z), y) over all entries, from 0 to +∞
     */
    public static double costFromProbabilities(Tensor z, Tensor y) {
        int m = z.shape().dim(z.rank() - 1);
        double sum = 0;
        for (int i = 0; i < z.size(); i++) {
            sum += MathOracle.loss(MathOracle.sigmoid(z.flat(i)), y.flat(i));
        }
        return sum / m;
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

    /** (1/m) Σ L(σ(z), y) over all entries of a (r, m) logit matrix. */
    static double costFromLogits(Tensor z, Tensor y) {
        double total = 0;
        for (int i = 0; i < z.size(); i++) {
            total += MathOracle.lossFromLogit(z.flat(i), y.flat(i));
        }
        return total / z.shape().dim(1);
    }

    /**
     * Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2).
     *
     * @param p the parameters W1 (nh, nx), b1 (nh, 1), W2 (ny, nh), b2 (ny, 1)
     * @param x the inputs X, shape (nx, m)
     * @param g the hidden activation
     * @return the cache Z1, A1 (nh, m) and Z2, A2 (ny, m)
     */
    public static ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
        Tensor z1 = plusColumn(matmul(p.w1(), x), p.b1());
        Tensor a1 = z1.map(z -> MathOracle.value(g, z));
        Tensor z2 = plusColumn(matmul(p.w2(), a1), p.b2());
        return new ForwardCache(z1, a1, z2, z2.map(MathOracle::sigmoid));
    }

    /**
     * J = (1/m) Σ L(A2, Y) from the oracle's own forward pass, computed from the logits Z2.
     *
     * @param p the parameters W1, b1, W2, b2
     * @param x the inputs X, shape (nx, m)
     * @param y the labels Y, shape (ny, m)
     * @param g the hidden activation
     * @return the cost J
     */
    public static double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
        return costFromLogits(forward(p, x, g).z2(), y);
    }

    /**
     * N45–N50 from the oracle's own forward pass.
     *
     * @param p the parameters W1, b1, W2, b2
     * @param x the inputs X, shape (nx, m)
     * @param y the labels Y, shape (ny, m)
     * @param g the hidden activation
     * @return dW1, db1, dW2, db2, each of its parameter's shape
     */
    public static NetworkGradients backward(NetworkParameters p, Tensor x, Tensor y, Activation g) {
        return backward(p, forward(p, x, g), x, y, g);
    }

    /**
     * N45–N50 from a given cache.
     *
     * @param p the parameters W1, b1, W2, b2
     * @param c the forward cache Z1, A1, Z2, A2 (for example the implementation's)
     * @param x the inputs X, shape (nx, m)
     * @param y the labels Y, shape (ny, m)
     * @param g the hidden activation
     * @return dW1, db1, dW2, db2, each of its parameter's shape
     */
    public static NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
        double oneOverM = 1.0 / x.shape().dim(1);
        Tensor dz2 = elementwise(c.a2(), y, (a, t) -> a - t);
        Tensor dz1 = elementwise(
                matmul(transpose(p.w2()), dz2), c.z1().map(z -> MathOracle.derivative(g, z)), (u, d) -> u * d);
        return new NetworkGradients(
                scale(matmul(dz1, transpose(x)), oneOverM), scale(rowSums(dz1), oneOverM),
                scale(matmul(dz2, transpose(c.a1())), oneOverM), scale(rowSums(dz2), oneOverM));
    }

    private static Tensor plusColumn(Tensor a, Tensor column) {
        return elementwise(a, tile(column, a.shape()), Double::sum);
    }
}
