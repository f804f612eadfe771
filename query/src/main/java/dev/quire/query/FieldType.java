package dev.quire.query;

/**
 * How an attribute's values are compared in queries. Email, URL, IP and enum attributes are
 * {@link #STRING}s for querying.
 */
public enum FieldType {
    /** Text; query values must be strings. */
    STRING,
    /** 64-bit integers; query values must be whole numbers. */
    INTEGER,
    /** Doubles; query values may be any number. */
    FLOAT,
    /** {@code true}/{@code false}. */
    BOOLEAN,
    /** Datetime strings, compared in their canonical UTC form. */
    DATETIME
}
