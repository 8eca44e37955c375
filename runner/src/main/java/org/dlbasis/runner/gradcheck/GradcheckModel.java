package org.dlbasis.runner.gradcheck;

import java.util.List;
import java.util.Map;
import org.dlbasis.spec.tensor.Tensor;

/**
 * A model whose backward pass is checked: named parameter tensors, its cost J(θ), and the
 * gradients its implementation computes. θ is passed as a map from parameter name to tensor.
 */
public interface GradcheckModel {

    /**
     * Parameter names in report order, e.g. W1, b1, W2, b2 (W1, b1, …, WL, bL for the deep network).
     *
     * @return the names
     */
    List<String> names();

    /**
     * The parameters the check is done at.
     *
     * @return θ, by parameter name
     */
    Map<String, Tensor> parameters();

    /**
     * J(θ), as the implementation computes it.
     *
     * @param theta the parameters, by name, of the shapes of {@link #parameters()}
     * @return the cost
     */
    double cost(Map<String, Tensor> theta);

    /**
     * The implementation's gradients at {@link #parameters()}, by parameter name.
     *
     * @return the backward pass's gradient of every parameter
     */
    Map<String, Tensor> gradients();

    /**
     * Where the hidden pre-activations are, when the hidden activation has kinks (to skip probes near them), else null.
     *
     * @return the probe, or null
     */
    KinkProbe kinks();

    /** Where the hidden pre-activations sit relative to a kink at 0. */
    interface KinkProbe {
        /**
         * True if moving {@code name}[flat] by ±eps can move a hidden pre-activation (Z[1], …, Z[L−1]) across 0.
         *
         * @param name the parameter tensor's name
         * @param flat the coordinate's row-major index in that tensor
         * @param eps the central-difference step
         * @return whether the coordinate's probes may cross a kink
         */
        boolean nearKink(String name, int flat, double eps);
    }
}
