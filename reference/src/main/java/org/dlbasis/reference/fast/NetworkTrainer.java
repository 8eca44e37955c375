package org.dlbasis.reference.fast;

import java.util.Arrays;
import org.dlbasis.reference.activation.ScalarActivations;
import org.dlbasis.reference.array.MatrixProduct;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.NetworkParameters;
import org.dlbasis.spec.api.Training;
import org.dlbasis.spec.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Batch gradient descent for the two-layer network, the formulas of
 * {@link org.dlbasis.reference.model.ReferenceTwoLayerNetwork} (N44–N50) computed in place with
 * EJML: the data and buffers are set up once; no array is allocated inside the loop.
 *
 * <pre>
 * Z1 = W1 X + b1        (n1, m)
 * A1 = g(Z1), and g'(Z1) with it (one e^−2|z| for tanh and tanh')
 * Z2 = W2 A1 + b2;  A2 = σ(Z2), J from Z2 (one e^−|z| for both)   (n2, m)
 * dZ2 = A2 − Y
 * dW2 = (1/m) dZ2 A1ᵀ   dot products with four partial sums (ProductKernels.multiplyTransB)
 * dZ1 = W2ᵀ dZ2 * g'(Z1) multTransA(W2, dZ2, dZ1)
 * dW1 = (1/m) dZ1 Xᵀ
 * </pre>
 *
 * <p>For a wide X (at least {@value #WIDE} features, like the course's 12288 × 209) the two
 * products with X, dZ1 Xᵀ for this step and W1 X for the next iteration's forward, are one pass
 * over X ({@link FirstLayerPass}): X is the memory the loop waits for, and the textbook order
 * reads it twice. That pass may use several threads without changing the result. For a narrow X
 * they are EJML's {@code mult} and {@link ProductKernels#multiplyTransB}.
 */
public final class NetworkTrainer {
    /** From this many features on, dW1 and the next W1 X are one pass over X ({@link FirstLayerPass}). */
    static final int WIDE = 64;

    private final DMatrixRMaj x;
    private final double[] y;
    private final Activation g;
    private final int m;
    private final DMatrixRMaj z1;
    private final DMatrixRMaj a1;
    /** g′(Z1), computed in the forward pass with A1. */
    private final DMatrixRMaj gd;

    private final DMatrixRMaj z2;
    private final DMatrixRMaj dz2;
    private final DMatrixRMaj dz1;
    private final DMatrixRMaj dw1;
    private final DMatrixRMaj dw2;
    private final double[] ones;
    private final Threads threads;
    private final FirstLayerPass pass;

    /**
     * Sets up the data and the buffers; the caller has checked the inputs.
     *
     * @param x X (n[0], m), finite
     * @param y Y (n[2], m), labels 0 and 1
     * @param g the hidden activation
     * @param nh n[1], the hidden units
     * @param threads how many threads the wide pass may use, at least 1
     */
    public NetworkTrainer(Tensor x, Tensor y, Activation g, int nh, int threads) {
        this.x = MatrixProduct.toMatrix(x);
        this.threads = new Threads(threads);
        int nx = x.shape().dim(0);
        this.pass = nx >= WIDE ? new FirstLayerPass(this.x.data, nx, x.shape().dim(1), nh, this.threads) : null;
        this.y = y.toArray();
        this.g = g;
        this.m = x.shape().dim(1);
        int ny = y.shape().dim(0);
        this.z1 = new DMatrixRMaj(nh, m);
        this.a1 = new DMatrixRMaj(nh, m);
        this.gd = new DMatrixRMaj(nh, m);
        this.z2 = new DMatrixRMaj(ny, m);
        this.dz2 = new DMatrixRMaj(ny, m);
        this.dz1 = new DMatrixRMaj(nh, m);
        this.dw1 = pass == null ? new DMatrixRMaj(nh, nx) : null;
        this.dw2 = new DMatrixRMaj(ny, nh);
        this.ones = new double[m];
        Arrays.fill(ones, 1.0);
    }

    /**
     * k steps of gradient descent from p, and the cost before each step and after the last.
     *
     * @param p the parameters to start from, checked against X and Y
     * @param alpha the learning rate
     * @param iterations k
     * @return the parameters after k steps and the k + 1 costs
     */
    public Training<NetworkParameters> train(NetworkParameters p, double alpha, int iterations) {
        try (threads) {
            return run(p, alpha, iterations);
        }
    }

    private Training<NetworkParameters> run(NetworkParameters p, double alpha, int iterations) {
        DMatrixRMaj w1 = MatrixProduct.toMatrix(p.w1());
        DMatrixRMaj b1 = MatrixProduct.toMatrix(p.b1());
        DMatrixRMaj w2 = MatrixProduct.toMatrix(p.w2());
        DMatrixRMaj b2 = MatrixProduct.toMatrix(p.b2());
        double[] costs = new double[iterations + 1];
        w1TimesX(w1);
        for (int i = 0; i < iterations; i++) {
            costs[i] = forward(b1, w2, b2);
            ProductKernels.multiplyTransB(dz2.data, a1.data, dw2.data, dz2.numRows, a1.numRows, m); // dZ2 A1ᵀ
            CommonOps_DDRM.multTransA(w2, dz2, dz1); // W2ᵀ dZ2
            for (int k = 0; k < dz1.data.length; k++) {
                dz1.data[k] *= gd.data[k]; // * g'(Z1), computed with A1
            }
            if (pass != null) {
                pass.stepAndProduct(w1.data, dz1.data, alpha, z1.data); // W1 step, next W1 X: one pass
            } else {
                ProductKernels.multiplyTransB(dz1.data, x.data, dw1.data, dz1.numRows, x.numRows, m); // dZ1 Xᵀ
                descend(w1, dw1, alpha);
            }
            descendBias(b1, dz1, alpha);
            descend(w2, dw2, alpha);
            descendBias(b2, dz2, alpha);
            if (pass == null) {
                w1TimesX(w1);
            }
        }
        costs[iterations] = forward(b1, w2, b2);
        return new Training<>(
                new NetworkParameters(
                        MatrixProduct.toTensor(w1),
                        MatrixProduct.toTensor(b1),
                        MatrixProduct.toTensor(w2),
                        MatrixProduct.toTensor(b2)),
                costs);
    }

    /** Z1 (before + b1) = W1 X: the pass for wide X, EJML for narrow X. */
    private void w1TimesX(DMatrixRMaj w1) {
        if (pass != null) {
            pass.product(w1.data, z1.data);
        } else {
            CommonOps_DDRM.mult(w1, x, z1);
        }
    }

    /** From Z1 = W1 X (before + b1): Z1, A1, Z2 and dZ2 = σ(Z2) − Y; returns J from the logits Z2. */
    private double forward(DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2) {
        boolean tanh = g.kind() == Activation.Kind.TANH;
        for (int r = 0; r < z1.numRows; r++) {
            for (int k = r * m; k < (r + 1) * m; k++) {
                double z = z1.data[k] + b1.data[r];
                z1.data[k] = z;
                if (tanh) { // one e^−2|z| for tanh and tanh′
                    a1.data[k] = SharedExp.tanhWithDerivative(z, gd.data, k);
                } else {
                    a1.data[k] = ScalarActivations.value(g, z);
                    gd.data[k] = ScalarActivations.derivative(g, z);
                }
            }
        }
        CommonOps_DDRM.mult(w2, a1, z2);
        double total = 0;
        for (int r = 0; r < z2.numRows; r++) {
            for (int k = r * m; k < (r + 1) * m; k++) {
                double z = z2.data[k] + b2.data[r];
                z2.data[k] = z;
                double e = Math.exp(-Math.abs(z)); // shared by the loss and σ
                total += SharedExp.lossFromLogit(z, y[k], e);
                dz2.data[k] = SharedExp.sigmoid(z, e) - y[k];
            }
        }
        return total / m;
    }

    /**
     * θ := θ − α·((1/m)·dθ), entry by entry, as
     * {@link org.dlbasis.reference.model.ReferenceTwoLayerNetwork#step} computes it.
     */
    private void descend(DMatrixRMaj theta, DMatrixRMaj unscaled, double alpha) {
        for (int k = 0; k < theta.data.length; k++) {
            theta.data[k] -= alpha * ((1.0 / m) * unscaled.data[k]);
        }
    }

    /** b := b − α·((1/m)·Σ over the columns of dZ). */
    private void descendBias(DMatrixRMaj b, DMatrixRMaj dz, double alpha) {
        for (int r = 0; r < b.data.length; r++) {
            b.data[r] -= alpha * ((1.0 / m) * ProductKernels.dot(dz.data, r * m, ones, 0, m));
        }
    }
}
