package org.dlbasis.tck.gen;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.dlbasis.spec.api.Activation;
import org.dlbasis.spec.api.DeepParameters;

/**
 * An L-layer network to check: its data, its parameters and its hidden activation.
 *
 * @param data X (n[0], m) and Y (n[L], m)
 * @param parameters W[l], b[l] for l = 1 … L
 * @param activation the activation of every hidden layer
 */
public record DeepCase(Dataset data, DeepParameters parameters, Activation activation) {

    /**
     * The layer sizes n[0], …, n[L].
     *
     * @return the sizes, L + 1 of them
     */
    public int[] sizes() {
        return parameters.sizes();
    }

    /** {@code L = 3, sizes 3-4-2-1, tanh, m = 5}, then the inputs by name with their shapes. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("L = " + parameters.layers() + ", sizes "
                + Arrays.stream(sizes()).mapToObj(Integer::toString).collect(Collectors.joining("-")) + ", "
                + activation + ", m = " + data.m() + ": X = " + data.x() + ", Y = " + data.y());
        for (int l = 1; l <= parameters.layers(); l++) {
            s.append(", W")
                    .append(l)
                    .append(" = ")
                    .append(parameters.w(l))
                    .append(", b")
                    .append(l)
                    .append(" = ")
                    .append(parameters.b(l));
        }
        return s.toString();
    }
}
