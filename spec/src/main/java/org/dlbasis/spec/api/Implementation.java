package org.dlbasis.spec.api;

import java.util.Set;


/**
 * An implementation under test: the one object a conformance run, a golden-data run or a gradient
 * check needs. Implement the accessors for the capabilities you {@link #capabilities() declare};
 * the defaults throw {@link CapabilityNotImplementedException}.
 */
public interface Implementation {

    /** A short human-readable name, shown in reports. */
    String name();

    /** The capabilities this implementation provides. */
    Set<Capability> capabilities();

    default ArrayOps arrays() {
        throw new CapabilityNotImplementedException(name(), Capability.ARRAYS);
    }

    default Activations activations() {
        throw new CapabilityNotImplementedException(name(), Capability.ACTIVATIONS);
    }

    default Loss loss() {
        throw new CapabilityNotImplementedException(name(), Capability.LOSS);
    }

    default LogisticRegression logisticRegression() {
        throw new CapabilityNotImplementedException(name(), Capability.LOGISTIC_REGRESSION);
    }

    default TwoLayerNetwork twoLayerNetwork() {
        throw new CapabilityNotImplementedException(name(), Capability.TWO_LAYER_NETWORK);
    }
}
