package org.dlbasis.spec.clause;

/**
 * How binding a clause is, and the prefix of the properties that check it (the Reactive Streams
 * TCK's habit: a test's name says its strength).
 */
public enum Strength {
    /** Required: a failure means the implementation does not conform. */
    MUST("required_"),
    /** Recommended: a failure is a warning; the implementation still conforms. */
    SHOULD("optional_"),
    /** Follows from the others (a consequence worth checking): a failure breaks conformance like MUST. */
    INFORMATIVE("informative_");

    private final String prefix;

    Strength(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The method-name prefix of the properties of this strength.
     *
     * @return {@code required_}, {@code optional_} or {@code informative_}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Whether a FAIL or ERROR of a clause of this strength makes the implementation non-conforming.
     *
     * @return true for MUST and INFORMATIVE, false for SHOULD (a warning)
     */
    public boolean breaksConformance() {
        return this != SHOULD;
    }

    /**
     * The strength a property's method name declares by its prefix.
     *
     * @param methodName e.g. {@code required_BCAST3_incompatibleShapesRaise}
     * @return its strength
     * @throws IllegalArgumentException if the name has none of the three prefixes
     */
    public static Strength ofProperty(String methodName) {
        for (Strength s : values()) {
            if (methodName.startsWith(s.prefix)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "property " + methodName + " must start with required_, optional_ or " + "informative_");
    }
}
