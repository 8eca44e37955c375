package org.dlbasis.spec.api;

import java.util.List;
import org.dlbasis.spec.error.InvalidArgumentException;
import org.dlbasis.spec.tensor.Tensor;

/**
 * Parameters of an L-layer network (N52, N57; SPEC DEEP-1): one weight matrix and one bias column
 * per layer, index 0 being layer 1.
 *
 * @param w W[1] … W[L]; W[l] has shape (n[l], n[l−1])
 * @param b b[1] … b[L]; b[l] has shape (n[l], 1)
 */
public record DeepParameters(List<Tensor> w, List<Tensor> b) {

    /**
     * Checks that there is one W and one b per layer; the shapes are checked by the network's
     * methods (SPEC DEEP-5), as for {@link NetworkParameters}.
     *
     * @param w W[1] … W[L], copied
     * @param b b[1] … b[L], copied
     * @throws InvalidArgumentException if a list is missing or holds a null, the lists differ in
     *     length, or they are empty (SPEC DEEP-1)
     */
    public DeepParameters {
        List<List<Tensor>> checked = LayerLists.check("the parameters", "W", w, "b", b);
        w = checked.get(0);
        b = checked.get(1);
    }

    /**
     * The number of layers.
     *
     * @return L ≥ 1, the input layer not counted (N31)
     */
    public int layers() {
        return w.size();
    }

    /**
     * W[l] in the note's numbering.
     *
     * @param l the layer, 1 … L
     * @return W[l]
     */
    public Tensor w(int l) {
        return w.get(l - 1);
    }

    /**
     * b[l] in the note's numbering.
     *
     * @param l the layer, 1 … L
     * @return b[l]
     */
    public Tensor b(int l) {
        return b.get(l - 1);
    }

    /**
     * The layer sizes these shapes describe (no validation: see the network's methods).
     *
     * @return n[0] from W[1]'s columns, then n[l] from W[l]'s rows, l = 1 … L; L + 1 numbers
     */
    public int[] sizes() {
        int[] n = new int[layers() + 1];
        n[0] = w(1).shape().dim(1);
        for (int l = 1; l <= layers(); l++) {
            n[l] = w(l).shape().dim(0);
        }
        return n;
    }
}
