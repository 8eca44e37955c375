package org.dlbasis.tck.suite;

/** The verdict of one property, and of one clause (the worst of its properties). */
public enum Status {
    /** Every example held; the outcome carries the margin. */
    PASS,
    /** Not checked: the clause is pending in SPEC.md. */
    NOT_VERIFIED,
    /** The implementation does not declare the capability the property needs. */
    NOT_IMPLEMENTED,
    /** The implementation crashed, timed out or answered nonsense. */
    ERROR,
    /** A counterexample was found: the worst, so that a crash elsewhere in a clause never hides it. */
    FAIL;

    /**
     * The worse of two statuses, for combining the properties of one clause.
     *
     * @param other the other status
     * @return the later of the two in the order PASS, NOT_VERIFIED, NOT_IMPLEMENTED, ERROR, FAIL
     */
    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
