package org.dlbasis.spec.api;

/**
 * Thrown when a capability the implementation did not declare is used. The suite reports such
 * clauses as "not implemented", never as failures.
 */
public final class CapabilityNotImplementedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public CapabilityNotImplementedException(String implementation, Capability capability) {
        super(implementation + " does not declare the capability " + capability);
    }
}
