package org.dlbasis.reference.activation;

import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.Activations;
import org.dlbasis.spec.error.EmptyInputException;
import org.dlbasis.spec.tensor.Shape;
import org.dlbasis.spec.tensor.Tensor;

/** Element-wise activations and Maxout over tensors (SPEC ACT-*). */
public final class ReferenceActivations implements Activations {

    @Override
    public Tensor apply(Activation g, Tensor z) {
        return z.map(v -> ScalarActivations.value(g, v));
    }

    @Override
    public Tensor derivative(Activation g, Tensor z) {
        return z.map(v -> ScalarActivations.derivative(g, v));
    }

    /** out[j] = max_i pieces[i, j] over the k pieces on axis 0; NaN if any piece is NaN there. */
    @Override
    public Tensor maxout(Tensor pieces) {
        int k = pieceCount(pieces);
        int n = pieces.size() / k;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = pieces.flat(winner(pieces, k, n, j) * n + j);
        }
        return Tensor.of(positionShape(pieces), out);
    }

    /** One-hot along axis 0 at the first maximal piece; all NaN where a piece is NaN. */
    @Override
    public Tensor maxoutDerivative(Tensor pieces) {
        int k = pieceCount(pieces);
        int n = pieces.size() / k;
        double[] out = new double[pieces.size()];
        for (int j = 0; j < n; j++) {
            int w = winner(pieces, k, n, j);
            boolean nan = Double.isNaN(pieces.flat(w * n + j));
            for (int i = 0; i < k; i++) {
                out[i * n + j] = nan ? Double.NaN : (i == w ? 1.0 : 0.0);
            }
        }
        return Tensor.of(pieces.shape(), out);
    }

    /** Index of the first maximal piece at position j, or of the first NaN piece if there is one. */
    private static int winner(Tensor pieces, int k, int n, int j) {
        int best = 0;
        for (int i = 0; i < k; i++) {
            double v = pieces.flat(i * n + j);
            if (Double.isNaN(v)) {
                return i;
            }
            if (v > pieces.flat(best * n + j)) {
                best = i;
            }
        }
        return best;
    }

    private static int pieceCount(Tensor pieces) {
        if (pieces.rank() == 0 || pieces.shape().dim(0) == 0) {
            throw new EmptyInputException("maxout needs k >= 1 pieces along axis 0, found shape " + pieces.shape());
        }
        return pieces.shape().dim(0);
    }

    private static Shape positionShape(Tensor pieces) {
        int[] dims = pieces.shape().dims();
        return Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length));
    }
}
