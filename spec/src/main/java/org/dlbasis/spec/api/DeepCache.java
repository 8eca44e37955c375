package org.dlbasis.spec.api;

import java.util.List;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * The intermediate values of an L-layer forward pass that back propagation needs (SPEC DEEP-2),
 * index 0 being layer 1. A[0] = X is not repeated.
 *
 * @param z Z[1] … Z[L]; Z[l] = W[l] A[l−1] + b[l], shape (n[l], m)
 * @param a A[1] … A[L]; A[l] = g(Z[l]) for l &lt; L, A[L] = σ(Z[L]), shape (n[l], m)
 */
public record DeepCache(List<Tensor> z, List<Tensor> a) {

    /**
     * Checks that there is one Z and one A per layer; their shapes are checked by
     * {@link DeepNetwork#backward} (SPEC DEEP-5).
     *
     * @param z Z[1] … Z[L], copied
     * @param a A[1] … A[L], copied
     * @throws InvalidArgumentException if a list is missing or holds a null, the lists differ in
     *     length, or they are empty
     */
    public DeepCache {
        List<List<Tensor>> checked = LayerLists.check("the cache", "Z", z, "A", a);
        z = checked.get(0);
        a = checked.get(1);
    }

    /**
     * The number of layers.
     *
     * @return L ≥ 1
     */
    public int layers() {
        return z.size();
    }

    /**
     * Z[l] in the note's numbering.
     *
     * @param l the layer, 1 … L
     * @return Z[l]
     */
    public Tensor z(int l) {
        return z.get(l - 1);
    }

    /**
     * A[l] in the note's numbering.
     *
     * @param l the layer, 1 … L
     * @return A[l]; A[L] is the prediction
     */
    public Tensor a(int l) {
        return a.get(l - 1);
    }
}
