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
    private ModelOracle() {
    }

    /** Z = wᵀX + b. */
    public static Tensor logits(LogisticParameters p, Tensor x) {
        return matmul(transpose(p.w()), x).map(z -> z + p.b());
    }

    /** J(w, b) from the logits. */
    public static double cost(LogisticParameters p, Tensor x, Tensor y) {
        return costFromLogits(logits(p, x), y);
    }

    /** dw = (1/m) X (A − Y)ᵀ, db = (1/m) Σ (A − Y). */
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
    public static double costFromLogits(Tensor z, Tensor y) {
        double total = 0;
        for (int i = 0; i < z.size(); i++) {
            total += MathOracle.lossFromLogit(z.flat(i), y.flat(i));
        }
        return total / z.shape().dim(1);
    }

    /** Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2). */
    public static ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
        Tensor z1 = plusColumn(matmul(p.w1(), x), p.b1());
        Tensor a1 = z1.map(z -> MathOracle.value(g, z));
        Tensor z2 = plusColumn(matmul(p.w2(), a1), p.b2());
        return new ForwardCache(z1, a1, z2, z2.map(MathOracle::sigmoid));
    }

    public static double cost(NetworkParameters p, Tensor x, Tensor y, Activation g) {
        return costFromLogits(forward(p, x, g).z2(), y);
    }

    /** N45–N50 from the oracle's own forward pass. */
    public static NetworkGradients backward(NetworkParameters p, Tensor x, Tensor y, Activation g) {
        return backward(p, forward(p, x, g), x, y, g);
    }

    /** N45–N50 from a given cache. */
    public static NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
        double oneOverM = 1.0 / x.shape().dim(1);
        Tensor dz2 = elementwise(c.a2(), y, (a, t) -> a - t);
        Tensor dz1 = elementwise(matmul(transpose(p.w2()), dz2), c.z1().map(z -> MathOracle.derivative(g, z)),
                (u, d) -> u * d);
        return new NetworkGradients(
                scale(matmul(dz1, transpose(x)), oneOverM), scale(rowSums(dz1), oneOverM),
                scale(matmul(dz2, transpose(c.a1())), oneOverM), scale(rowSums(dz2), oneOverM));
    }

    private static Tensor plusColumn(Tensor a, Tensor column) {
        return elementwise(a, tile(column, a.shape()), Double::sum);
    }
}
