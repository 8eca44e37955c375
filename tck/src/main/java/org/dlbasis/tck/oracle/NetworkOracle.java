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
import org.dlbasis.spec.api.AffineMap;
import org.dlbasis.spec.api.DeepCache;
import org.dlbasis.spec.api.DeepGradients;
import org.dlbasis.spec.api.DeepParameters;
import org.dlbasis.spec.api.ForwardCache;
import org.dlbasis.spec.api.NetworkGradients;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The L-layer network of SPEC NET-*, BACKPROP-*, DEEP-2 … DEEP-4 and DEEP-11, computed by the
 * oracle's loops ({@link ArrayOracle}, {@link MathOracle}), never by an implementation. The
 * two-layer network is the case L = 2 (N44 is DEEP-2 with two layers): its overloads convert
 * W1, b1, W2, b2 to and from the layer lists ({@link #layers}) and run the same loops.
 */
public final class NetworkOracle {
    private NetworkOracle() {}

    /**
     * The two-layer parameters as the layer lists of L = 2.
     *
     * @param p W1, b1, W2, b2
     * @return W[1], W[2] and b[1], b[2]
     */
    public static DeepParameters layers(NetworkParameters p) {
        return new DeepParameters(List.of(p.w1(), p.w2()), List.of(p.b1(), p.b2()));
    }

    /**
     * The layer lists of L = 2 as two-layer parameters.
     *
     * @param p W[1], W[2] and b[1], b[2]
     * @return W1, b1, W2, b2
     */
    public static NetworkParameters twoLayers(DeepParameters p) {
        return new NetworkParameters(p.w(1), p.b(1), p.w(2), p.b(2));
    }

    /**
     * The two-layer cache as the layer lists of L = 2.
     *
     * @param c Z1, A1, Z2, A2
     * @return Z[1], Z[2] and A[1], A[2]
     */
    public static DeepCache layers(ForwardCache c) {
        return new DeepCache(List.of(c.z1(), c.z2()), List.of(c.a1(), c.a2()));
    }

    /**
     * The two-layer gradients as the layer lists of L = 2.
     *
     * @param g dW1, db1, dW2, db2
     * @return dW[1], dW[2] and db[1], db[2]
     */
    public static DeepGradients layers(NetworkGradients g) {
        return new DeepGradients(List.of(g.dw1(), g.dw2()), List.of(g.db1(), g.db2()));
    }

    /**
     * Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2): {@link #forward(DeepParameters,
     * Tensor, Activation)} with L = 2.
     *
     * @param p the parameters W1 (nh, nx), b1 (nh, 1), W2 (ny, nh), b2 (ny, 1)
     * @param x the inputs X, shape (nx, m)
     * @param g the hidden activation
     * @return the cache Z1, A1 (nh, m) and Z2, A2 (ny, m)
     */
    public static ForwardCache forward(NetworkParameters p, Tensor x, Activation g) {
        DeepCache c = forward(layers(p), x, g);
        return new ForwardCache(c.z(1), c.a(1), c.z(2), c.a(2));
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
        return cost(layers(p), x, y, g);
    }

    /**
     * N45–N50 from a given cache: {@link #backward(DeepParameters, DeepCache, Tensor, Tensor,
     * Activation)} with L = 2.
     *
     * @param p the parameters W1, b1, W2, b2
     * @param c the forward cache Z1, A1, Z2, A2 (for example the implementation's)
     * @param x the inputs X, shape (nx, m)
     * @param y the labels Y, shape (ny, m)
     * @param g the hidden activation
     * @return dW1, db1, dW2, db2, each of its parameter's shape
     */
    public static NetworkGradients backward(NetworkParameters p, ForwardCache c, Tensor x, Tensor y, Activation g) {
        DeepGradients d = backward(layers(p), layers(c), x, y, g);
        return new NetworkGradients(d.dw(1), d.db(1), d.dw(2), d.db(2));
    }

    /**
     * The affine map a two-layer network with a linear hidden layer is (N42, N43; SPEC NET-4):
     * W = W2 W1, b = W2 b1 + b2.
     *
     * @param p the parameters W1 (nh, nx), b1 (nh, 1), W2 (ny, nh), b2 (ny, 1)
     * @return W (ny, nx) and b (ny, 1)
     */
    public static AffineMap collapse(NetworkParameters p) {
        return new AffineMap(matmul(p.w2(), p.w1()), elementwise(matmul(p.w2(), p.b1()), p.b2(), Double::sum));
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

    /** (1/m) Σ L(σ(z), y) over all entries of a (r, m) logit matrix. */
    static double costFromLogits(Tensor z, Tensor y) {
        double total = 0;
        for (int i = 0; i < z.size(); i++) {
            total += MathOracle.lossFromLogit(z.flat(i), y.flat(i));
        }
        return total / z.shape().dim(1);
    }

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
        return costFromLogits(c.z(c.layers()), y);
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
