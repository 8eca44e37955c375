package org.dlbasis.spec.api;

/**
 * Thrown when a capability the implementation did not declare is used, or an operation it does
 * not provide is called. The suite reports such checks as "not implemented", never as failures.
 */
public final class CapabilityNotImplementedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public CapabilityNotImplementedException(String implementation, Capability capability) {
        super(implementation + " does not declare the capability " + capability);
    }

    /**
     * One operation of a declared capability is not provided (the protocol's per-operation
     * {@code NOT_IMPLEMENTED} answer).
     */
    public CapabilityNotImplementedException(String implementation, String operation, String detail) {
        super(implementation + " does not implement the operation \"" + operation + "\""
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }
}
