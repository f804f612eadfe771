package dev.quire.query;

/**
 * A query string that could not be parsed or does not fit the schema it is run against.
 *
 * <p>Carries Appwrite's error type ({@code general_query_invalid}) and HTTP-style code (400) so core
 * can surface it unchanged; {@link #getMessage()} is Appwrite's message, for example
 * {@code Invalid query: Attribute not found in schema: year}.
 */
public class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Appwrite's error type for every failure this module raises. */
    public static final String TYPE = "general_query_invalid";

    /**
     * Creates an exception with Appwrite's message.
     *
     * @param message the full message, e.g. {@code Invalid query: Syntax error}
     */
    public QueryException(String message) {
        super(message);
    }

    /** @return Appwrite's error type, always {@code general_query_invalid} */
    public String getType() {
        return TYPE;
    }

    /** @return the HTTP-style status code, always 400 */
    public int getCode() {
        return 400;
    }
}
