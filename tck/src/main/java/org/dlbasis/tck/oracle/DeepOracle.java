package org.dlbasis.tck.oracle;

import static org.dlbasis.tck.oracle.ArrayOracle.elementwise;
import static org.dlbasis.tck.oracle.ArrayOracle.matmul;
import static org.dlbasis.tck.oracle.ArrayOracle.rowSums;
import static org.dlbasis.tck.oracle.ArrayOracle.scale;
import static org.dlbasis.tck.oracle.ArrayOracle.tile;
import static org.dlbasis.tck.oracle.ArrayOracle.transpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The L-layer network of SPEC DEEP-2 … DEEP-4 and DEEP-11, computed by the oracle's loops
 * ({@link ArrayOracle}, {@link MathOracle}), never by an implementation.
 */
public final class DeepOracle {
    private DeepOracle() {}

    /**
     * A[0] = X; Z[l] = W[l] A[l−1] + b[l]; A[l] = g(Z[l]) for l &lt; L, A[L] = σ(Z[L]).
     *
     * @param p the parameters W[l] (n[l], n[l−1]) and b[l] (n[l], 1), l = 1 … L
     * @param x the inputs X, shape (n[0], m)
     * @param g the activation of every hidden layer
     * @return the cache Z[l], A[l] (n[l], m) for l = 1 … L
     */
    public static DeepCache forward(DeepParameters p, Tensor x, Activation g) {
        int layers = p.layers();
        List<Tensor> z = new ArrayList<>();
        List<Tensor> a = new ArrayList<>();
        Tensor previous = x;
        for (int l = 1; l <= layers; l++) {
            Tensor product = matmul(p.w(l), previous);
            Tensor zl = elementwise(product, tile(p.b(l), product.shape()), Double::sum);
            Tensor al = l < layers ? zl.map(v -> MathOracle.value(g, v)) : zl.map(MathOracle::sigmoid);
            z.add(zl);
            a.add(al);
            previous = al;
        }
        return new DeepCache(z, a);
    }

    /**
     * J = (1/m) Σ L(σ(Z[L]), Y), from the oracle's own forward pass.
     *
     * @param p the parameters W[l], b[l], l = 1 … L
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m)
     * @param g the activation of every hidden layer
     * @return the cost J
     */
    public static double cost(DeepParameters p, Tensor x, Tensor y, Activation g) {
        DeepCache c = forward(p, x, g);
        return ModelOracle.costFromLogits(c.z(c.layers()), y);
    }

    /**
     * DEEP-4 from the oracle's own forward pass.
     *
     * @param p the parameters W[l], b[l], l = 1 … L
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m)
     * @param g the activation of every hidden layer
     * @return dW[l] and db[l], each of its parameter's shape
     */
    public static DeepGradients backward(DeepParameters p, Tensor x, Tensor y, Activation g) {
        return backward(p, forward(p, x, g), x, y, g);
    }

    /**
     * DEEP-4 from a given cache: dZ[L] = A[L] − Y; dW[l] = (1/m) dZ[l] A[l−1]ᵀ,
     * db[l] = (1/m) Σ dZ[l]; dZ[l−1] = W[l]ᵀ dZ[l] * g'(Z[l−1]).
     *
     * @param p the parameters W[l], b[l], l = 1 … L
     * @param c the forward cache Z[l], A[l] (for example the implementation's)
     * @param x the inputs X, shape (n[0], m)
     * @param y the labels Y, shape (n[L], m)
     * @param g the activation of every hidden layer
     * @return dW[l] and db[l], each of its parameter's shape
     */
    public static DeepGradients backward(DeepParameters p, DeepCache c, Tensor x, Tensor y, Activation g) {
        int layers = p.layers();
        double oneOverM = 1.0 / x.shape().dim(1);
        Tensor[] dw = new Tensor[layers];
        Tensor[] db = new Tensor[layers];
        Tensor dz = elementwise(c.a(layers), y, (a, t) -> a - t);
        for (int l = layers; l >= 1; l--) {
            Tensor previous = l > 1 ? c.a(l - 1) : x;
            dw[l - 1] = scale(matmul(dz, transpose(previous)), oneOverM);
            db[l - 1] = scale(rowSums(dz), oneOverM);
            if (l > 1) {
                dz = elementwise(
                        matmul(transpose(p.w(l)), dz),
                        c.z(l - 1).map(v -> MathOracle.derivative(g, v)),
                        (u, d) -> u * d);
            }
        }
        return new DeepGradients(Arrays.asList(dw), Arrays.asList(db));
    }

    /**
     * θ − α·dθ for every W[l] and b[l].
     *
     * @param p the parameters θ
     * @param d the gradients dθ, of the same shapes
     * @param alpha the learning rate α
     * @return the updated parameters
     */
    public static DeepParameters step(DeepParameters p, DeepGradients d, double alpha) {
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; l <= p.layers(); l++) {
            w.add(elementwise(p.w(l), d.dw(l), (t, g) -> t - alpha * g));
            b.add(elementwise(p.b(l), d.db(l), (t, g) -> t - alpha * g));
        }
        return new DeepParameters(w, b);
    }
}
