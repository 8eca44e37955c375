package org.dlbasis.reference.model;

import org.dlbasis.reference.array.ReferenceArrayOps;
import org.dlbasis.spec.tensor.Tensor;

/** One parameter's gradient-descent update (N13), shared by the two-layer and the L-layer network. */
final class GradientStep {
    private static final ReferenceArrayOps NP = new ReferenceArrayOps();

    private GradientStep() {}

    /**
     * θ − α dθ, after checking that dθ has θ's shape (SPEC GD-1, DIM-*).
     *
     * @param what the gradient's name in an error message, e.g. {@code dW1}
     * @param theta the parameter
     * @param gradient its gradient, the same shape
     * @param learningRate α
     * @return the updated parameter
     */
    static Tensor update(String what, Tensor theta, Tensor gradient, double learningRate) {
        ModelInputs.sameShape(what, gradient, theta);
        return NP.subtract(theta, NP.multiply(Tensor.scalar(learningRate), gradient));
    }
}
