package org.dlbasis.runner.gradcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dlbasis.spec.tensor.Tensor;

/** J(θ + delta·e), e the unit vector of one coordinate of one parameter tensor. */
public interface CoordinateCost {

    /**
     * The cost with one coordinate moved.
     *
     * @param name the parameter tensor's name, such as {@code W1}
     * @param flat the coordinate's row-major index in that tensor
     * @param delta how far it is moved (±eps for a central difference)
     * @return J(θ + delta·e)
     */
    double cost(String name, int flat, double delta);

    /**
     * The plain way: copy θ, change one entry, and ask the implementation for the whole cost.
     *
     * @param model the model, whose parameters are θ
     * @return the coordinate cost through {@link GradcheckModel#cost}
     */
    static CoordinateCost plain(GradcheckModel model) {
        Map<String, Tensor> theta = model.parameters();
        return (name, flat, delta) -> {
            Map<String, Tensor> moved = new LinkedHashMap<>(theta);
            double[] v = theta.get(name).toArray();
            v[flat] += delta;
            moved.put(name, Tensor.of(theta.get(name).shape(), v));
            return model.cost(moved);
        };
    }
}
