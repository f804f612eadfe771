package dev.quire.query;

import dev.quire.QuireException;

/**
 * A query string that could not be parsed or does not fit the schema it is run against.
 *
 * <p>A kind of {@link QuireException}, so one {@code catch} covers it: Appwrite's error type
 * ({@code general_query_invalid}) and HTTP-style code (400); {@link #getMessage()} is Appwrite's message, for
 * example {@code Invalid query: Attribute not found in schema: year}.
 */
public class QueryException extends QuireException {

    private static final long serialVersionUID = 1L;

    /** Appwrite's error type for every failure this module raises. */
    public static final String TYPE = "general_query_invalid";

    /**
     * Creates an exception with Appwrite's message.
     *
     * @param message the full message, e.g. {@code Invalid query: Syntax error}
     */
    public QueryException(String message) {
        super(TYPE, 400, message);
    }
}
