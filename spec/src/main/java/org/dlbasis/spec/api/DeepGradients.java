package org.dlbasis.spec.api;

import java.util.List;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Gradients of J with respect to every parameter of an L-layer network (SPEC DEEP-4), index 0
 * being layer 1. Each has the shape of its parameter (SPEC DEEP-5).
 *
 * @param dw dW[1] … dW[L]; dW[l] = (1/m) dZ[l] A[l−1]ᵀ, shape (n[l], n[l−1])
 * @param db db[1] … db[L]; db[l] = (1/m) Σ_columns dZ[l], shape (n[l], 1)
 */
public record DeepGradients(List<Tensor> dw, List<Tensor> db) {

    /**
     * Checks that there is one dW and one db per layer; their shapes are checked by
     * {@link DeepNetwork#step} (SPEC DEEP-11).
     *
     * @param dw dW[1] … dW[L], copied
     * @param db db[1] … db[L], copied
     * @throws InvalidArgumentException if a list is missing or holds a null, the lists differ in
     *     length, or they are empty
     */
    public DeepGradients {
        List<List<Tensor>> checked = LayerLists.check("the gradients", "dW", dw, "db", db);
        dw = checked.get(0);
        db = checked.get(1);
    }

    /**
     * The number of layers.
     *
     * @return L ≥ 1
     */
    public int layers() {
        return dw.size();
    }

    /**
     * dW[l] in the note's numbering.
     *
     * @param l the layer, 1 … L
     * @return dW[l]
     */
    public Tensor dw(int l) {
        return dw.get(l - 1);
    }

    /**
     * db[l] in the note's numbering.
     *
     * @param l the layer, 1 … L
     * @return db[l]
     */
    public Tensor db(int l) {
        return db.get(l - 1);
    }
}
