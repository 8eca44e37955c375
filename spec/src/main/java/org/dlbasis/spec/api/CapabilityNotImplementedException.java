package org.dlbasis.spec.api;

/**
 * Thrown when a capability the implementation did not declare is used, or an operation it does
 * not provide is called. The suite reports such checks as "not implemented", never as failures.
 */
public final class CapabilityNotImplementedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /**
     * A capability the implementation did not declare is used.
     *
     * @param implementation the implementation's name
     * @param capability the capability used
     */
    public CapabilityNotImplementedException(String implementation, Capability capability) {
        super(implementation + " does not declare the capability " + capability);
    }

    /**
     * Something the implementation's {@link Options} do not declare.
     *
     * @param message what is not declared and what needed it
     */
    public CapabilityNotImplementedException(String message) {
        super(message);
    }

    /**
     * One operation of a declared capability is not provided (the protocol's per-operation
     * {@code NOT_IMPLEMENTED} answer).
     *
     * @param implementation the implementation's name
     * @param operation the operation called, e.g. {@code dot}
     * @param detail why, in the implementation's words; may be null or empty
     */
    public CapabilityNotImplementedException(String implementation, String operation, String detail) {
        super(implementation + " does not implement the operation \"" + operation + "\""
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }
}
