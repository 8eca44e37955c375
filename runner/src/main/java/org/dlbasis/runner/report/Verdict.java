package org.dlbasis.runner.report;

/**
 * The verdict of a conformance run. Only {@link #CONFORMS} is a pass, and it is never given to a
 * run that checked nothing or did not finish.
 */
public enum Verdict {
    /** Every MUST and INFORMATIVE clause that was checked passed, and at least one clause was checked. */
    CONFORMS("conforms"),
    /** A MUST or INFORMATIVE clause failed or erred. */
    DOES_NOT_CONFORM("does not conform"),
    /**
     * No clause was checked: nothing selected is implemented, only pending clauses were selected,
     * or the implementation declares no capability at all.
     */
    NOTHING_CHECKED("nothing checked"),
    /** The run was interrupted: the report holds what was done so far. */
    INCOMPLETE("incomplete");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /**
     * Lower-case words for reports: "does not conform".
     *
     * @return the verdict in words
     */
    public String words() {
        return words;
    }
}
