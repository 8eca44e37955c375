package org.dlbasis.wire;

/**
 * The JSON type of one field of a request's {@code params}: what the golden reader requires and
 * operations.schema.json says.
 */
public enum ParamType {
    /** A JSON integer that fits an int. */
    INT,
    /** {@code null} (every axis) or a JSON integer. */
    AXIS,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An array of JSON integers (negative ones included: reshape's −1 and its errors). */
    INTS,
    /** A double: a JSON number or "NaN", "Infinity", "-Infinity". */
    NUMBER,
    /** The lower-case name of an activation kind ({@code leaky_relu}). */
    ACTIVATION,
    /** A JSON integer that fits a long. */
    SEED
}
