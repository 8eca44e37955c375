package org.dlbasis.cli;

/**
 * The exit status of every {@code ./dlbasis} command: one meaning each, documented in the README
 * and in {@code --help}.
 */
final class ExitCode {
    /** The implementation conforms (conform) or every tensor passed (gradcheck). */
    static final int CONFORMS = 0;
    /** A MUST or INFORMATIVE clause failed or erred, or a gradient check failed. */
    static final int DOES_NOT_CONFORM = 1;
    /** The command line or an input file is wrong, or the implementation could not be started. */
    static final int USAGE = 2;
    /** Nothing was checked: everything selected is not implemented or pending. */
    static final int NOTHING_CHECKED = 4;
    /** dlbasis itself failed (a bug in the suite): the verdict is unknown. */
    static final int SUITE_FAILURE = 3;
    /** The run was interrupted (Ctrl-C, SIGTERM); the report is marked incomplete. */
    static final int INTERRUPTED = 130;

    /** The text for {@code --help}. */
    static final String DESCRIPTION = "Exit status: 0 conforms / passes; 1 does not conform / fails; "
            + "2 usage or input error (also: the implementation cannot be started); "
            + "3 dlbasis itself failed; 4 nothing was checked (all not implemented); 130 interrupted.";

    private ExitCode() {}
}
