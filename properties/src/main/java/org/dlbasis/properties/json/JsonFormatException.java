package org.dlbasis.properties.json;

/** A JSON document (golden file or protocol message) that does not have the documented form. */
public class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
        super(message);
    }

    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
