package dev.quire.query;

/**
 * One parsed query: an immutable tree node produced by {@link QueryParser#parse(String)} or built
 * directly.
 *
 * <p>{@link #toJson()} writes the exact string the Appwrite SDKs send, and parsing that string gives
 * back an equal node.
 */
public sealed interface QueryNode permits Filter, Logical, Select, Order, Limit, Offset, Cursor {

    /** @return the query method */
    Method method();

    /** @return the query as the Appwrite SDKs write it, e.g. {@code {"method":"limit","values":[25]}} */
    String toJson();
}
