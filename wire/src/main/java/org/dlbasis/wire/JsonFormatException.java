package org.dlbasis.wire;

/**
 * A JSON document (golden file or protocol message) that does not have the documented form; the
 * message names the JSON path of the fault. It is the suite's input error (the CLI's exit 2 for a
 * golden file), or, when an implementation's response does not decode, that implementation's
 * protocol error; never a {@link org.dlbasis.spec.error.SpecException}, so it can never count as an
 * error an operation raised.
 */
public class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A format error.
     *
     * @param message what is wrong, naming the JSON path of the fault
     */
    public JsonFormatException(String message) {
        super(message);
    }

    /**
     * A format error with its cause.
     *
     * @param message what is wrong, naming the JSON path of the fault
     * @param cause the parse or read error behind it
     */
    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
