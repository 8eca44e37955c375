package org.dlbasis.spec.api;

import java.util.Set;

/**
 * An implementation under test: the one object a conformance run, a golden-data run or a gradient
 * check needs. Implement the accessors for the capabilities you {@link #capabilities() declare};
 * the defaults throw {@link CapabilityNotImplementedException}.
 */
public interface Implementation {

    /**
     * A short human-readable name, shown in reports.
     *
     * @return the name, not empty
     */
    String name();

    /**
     * The capabilities this implementation provides (SPEC API-1).
     *
     * @return the declared capabilities; the suite checks only their clauses
     */
    Set<Capability> capabilities();

    /**
     * What the implementation provides inside its capabilities, for APIs narrower than the
     * spec's (course code with one hidden activation, a fixed initialisation scale, no input
     * validation): the suite draws only what is declared and reports the rest as not implemented.
     *
     * @return the declared options; by default everything ({@link Options#all()})
     */
    default Options options() {
        return Options.all();
    }

    /**
     * The array operations, if {@link Capability#ARRAYS} is declared.
     *
     * @return the array operations
     * @throws CapabilityNotImplementedException unless overridden
     */
    default ArrayOps arrays() {
        throw new CapabilityNotImplementedException(name(), Capability.ARRAYS);
    }

    /**
     * The activation functions, if {@link Capability#ACTIVATIONS} is declared.
     *
     * @return the activation functions
     * @throws CapabilityNotImplementedException unless overridden
     */
    default Activations activations() {
        throw new CapabilityNotImplementedException(name(), Capability.ACTIVATIONS);
    }

    /**
     * The loss and cost, if {@link Capability#LOSS} is declared.
     *
     * @return the loss and cost
     * @throws CapabilityNotImplementedException unless overridden
     */
    default Loss loss() {
        throw new CapabilityNotImplementedException(name(), Capability.LOSS);
    }

    /**
     * Logistic regression, if {@link Capability#LOGISTIC_REGRESSION} is declared.
     *
     * @return logistic regression
     * @throws CapabilityNotImplementedException unless overridden
     */
    default LogisticRegression logisticRegression() {
        throw new CapabilityNotImplementedException(name(), Capability.LOGISTIC_REGRESSION);
    }

    /**
     * The two-layer network, if {@link Capability#TWO_LAYER_NETWORK} is declared.
     *
     * @return the two-layer network
     * @throws CapabilityNotImplementedException unless overridden
     */
    default TwoLayerNetwork twoLayerNetwork() {
        throw new CapabilityNotImplementedException(name(), Capability.TWO_LAYER_NETWORK);
    }

    /**
     * The L-layer network, if {@link Capability#DEEP_NETWORK} is declared.
     *
     * @return the deep network
     * @throws CapabilityNotImplementedException unless overridden
     */
    default DeepNetwork deepNetwork() {
        throw new CapabilityNotImplementedException(name(), Capability.DEEP_NETWORK);
    }
}
