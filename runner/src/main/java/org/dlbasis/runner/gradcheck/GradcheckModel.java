package org.dlbasis.runner.gradcheck;

import java.util.List;
import java.util.Map;

import org.dlbasis.spec.tensor.Tensor;

/**
 * A model whose backward pass is checked: named parameter tensors, its cost J(θ), and the
 * gradients its implementation computes. θ is passed as a map from parameter name to tensor.
 */
public interface GradcheckModel {

    /** Parameter names in report order, e.g. W1, b1, W2, b2 (W1, b1, …, WL, bL for the deep network). */
    List<String> names();

    /** The parameters the check is done at. */
    Map<String, Tensor> parameters();

    /** J(θ), as the implementation computes it. */
    double cost(Map<String, Tensor> theta);

    /** The implementation's gradients at {@link #parameters()}, by parameter name. */
    Map<String, Tensor> gradients();

    /** Where the hidden pre-activations are, when the hidden activation has kinks (to skip probes near them), else null. */
    KinkProbe kinks();

    /** Where the hidden pre-activations sit relative to a kink at 0. */
    interface KinkProbe {
        /** True if moving {@code name}[flat] by ±eps can move a hidden pre-activation (Z[1], …, Z[L−1]) across 0. */
        boolean nearKink(String name, int flat, double eps);
    }
}
