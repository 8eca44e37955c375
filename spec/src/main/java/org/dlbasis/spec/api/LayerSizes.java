package org.dlbasis.spec.api;

import org.dlbasis.spec.error.InvalidArgumentException;

/**
 * The sizes of a two-layer network (N31: the input layer is not counted).
 *
 * @param nx n[0], the number of input features
 * @param nh n[1], the number of hidden units
 * @param ny n[2], the number of output units (1 for binary classification)
 */
public record LayerSizes(int nx, int nh, int ny) {
    /**
     * Checks that every layer has at least one unit (SPEC ERR-3).
     *
     * @param nx n[0], the number of input features
     * @param nh n[1], the number of hidden units
     * @param ny n[2], the number of output units
     * @throws InvalidArgumentException if a size is below 1
     */
    public LayerSizes {
        if (nx < 1 || nh < 1 || ny < 1) {
            throw new InvalidArgumentException("layer sizes must be >= 1, found (" + nx + ", " + nh + ", " + ny + ")");
        }
    }
}
