package dev.quire.internal;

import dev.quire.QuireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appwrite's error catalogue: each failure Quire reports, with Appwrite's type, code and wording, made in
 * one place so that every path reports it the same way.
 *
 * <p>The policy: a caller's mistake is a 4xx with Appwrite's type and a message about what the caller sent. A
 * fault of the store is a 5xx whose message says what happened in words a caller can act on and nothing more:
 * never SQL, a driver's class or error code, or a file path, which belong to whoever runs the store and go to
 * the log ({@code dev.quire.internal.Errors}, SLF4J) with the cause. The cause also stays on the exception, for
 * an application that embeds Quire; a server must not send it on.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    public static QuireException of(String type, int code, String message) {
        return new QuireException(type, code, message);
    }

    public static QuireException argument(String message) {
        return new QuireException("general_argument_invalid", 400, message);
    }

    /** Appwrite's answer to a missing required parameter: {@code Param "documentId" is not optional.} */
    public static QuireException missing(String param) {
        return argument("Param \"" + param + "\" is not optional.");
    }

    /** Returns the argument, or throws {@link #missing} when it is {@code null}. */
    public static <T> T require(T argument, String param) {
        if (argument == null) {
            throw missing(param);
        }
        return argument;
    }

    public static QuireException invalidParam(String param, String description) {
        return argument("Invalid `" + param + "` param: " + description);
    }

    /**
     * A fault of the store that no better message describes: Appwrite's generic 500 to the caller.
     *
     * @param detail what failed, for the log only: the store, the statement, the path
     */
    public static QuireException server(String detail, Throwable cause) {
        LOG.error("Internal server error: {}", detail, cause);
        return new QuireException("general_server_error", 500, "An internal server error occurred.", cause);
    }

    /**
     * Logs a fault's detail and returns it: for faults whose message says what happened without the detail
     * (the store is in use, unreadable, closed, ...).
     *
     * @param detail what failed, for the log only
     */
    public static QuireException fault(QuireException error, String detail) {
        LOG.warn("{} ({}): {}", error.getMessage(), error.getType(), detail, error.getCause());
        return error;
    }

    /** A statement stopped by the store's time bound, or a wait for another writer that ran out. */
    public static QuireException timeout() {
        return new QuireException("database_timeout", 408,
                "Database timed out. Try adjusting your queries or adding an index.");
    }

    /**
     * A call whose thread was interrupted before its work began (Quire's own type: Appwrite has none). The
     * thread keeps its interrupt status; a call interrupted while it runs completes.
     */
    public static QuireException interrupted() {
        return new QuireException("call_interrupted", 503, "The call was interrupted before it ran.");
    }

    /** The store's file is held by another process (H2 allows one process per file). */
    public static QuireException storeInUse(String store, Throwable cause) {
        return fault(new QuireException("store_in_use", 409,
                "The store is in use by another process. Close it there, or open another file.", cause), store);
    }

    /** The handle, or the store behind it, was closed. */
    public static QuireException storeClosed(Throwable cause) {
        return new QuireException("store_closed", 503, "The store is closed.", cause);
    }

    public static QuireException unauthorized() {
        return new QuireException("user_unauthorized", 401,
                "The current user is not authorized to perform the requested action.");
    }

    public static QuireException missingScope(String role, String scope) {
        return new QuireException("general_unauthorized_scope", 401,
                "User (role: " + role + ") missing scope (" + scope + ")");
    }

    /** Appwrite's scope error without a named scope, as bulk create raises it for sessions. */
    public static QuireException unauthorizedScope() {
        return new QuireException("general_unauthorized_scope", 401,
                "The current user or API key does not have the required scopes to access the requested resource.");
    }

    public static QuireException badRequest(String message) {
        return new QuireException("general_bad_request", 400, message);
    }

    public static QuireException missingData() {
        return new QuireException("document_missing_data", 400,
                "The document data is missing. Try again with document data populated");
    }

    /** The increment and decrement endpoints on an attribute that is not a single number. */
    public static QuireException attributeNotANumber(String key) {
        return new QuireException("attribute_type_invalid", 400, "databases \"" + key + "\" is not a number");
    }

    /**
     * The increment and decrement endpoints past their bound; Appwrite words it with the SDK namespace.
     *
     * @param extreme {@code maximum} or {@code minimum}
     */
    public static QuireException attributeBoundReached(String key, String extreme, String bound) {
        return new QuireException("attribute_limit_exceeded", 400,
                "databases \"" + key + "\" has reached the " + extreme + " value of " + bound);
    }

    /** An arithmetic result (an operator's, an increment's) outside the column's range. */
    public static QuireException numericOverflow() {
        return invalidStructure("Cannot apply operator: the result is outside the attribute's numeric range");
    }

    public static QuireException databaseNotFound() {
        return new QuireException("database_not_found", 404, "Database not found");
    }

    public static QuireException databaseAlreadyExists() {
        return new QuireException("database_already_exists", 409, "Database already exists");
    }

    public static QuireException collectionNotFound() {
        return new QuireException("collection_not_found", 404,
                "Collection with the requested ID could not be found.");
    }

    public static QuireException collectionAlreadyExists() {
        return new QuireException("collection_already_exists", 409,
                "A collection with the requested ID already exists. Try again with a different ID or use ID.unique() to generate a unique ID.");
    }

    public static QuireException documentNotFound() {
        return new QuireException("document_not_found", 404, "Document with the requested ID could not be found.");
    }

    public static QuireException documentAlreadyExists() {
        return new QuireException("document_already_exists", 409,
                "Document with the requested ID already exists. Try again with a different ID or use ID.unique() to generate a unique ID.");
    }

    public static QuireException invalidStructure(String message) {
        return new QuireException("document_invalid_structure", 400, "Invalid document structure: " + message);
    }

    public static QuireException missingPayload() {
        return new QuireException("document_missing_payload", 400,
                "The document data and permissions are missing. You must provide either document data or permissions to be updated.");
    }

    public static QuireException attributeNotFound() {
        return new QuireException("attribute_not_found", 404, "Attribute with the requested ID could not be found.");
    }

    public static QuireException attributeAlreadyExists() {
        return new QuireException("attribute_already_exists", 409,
                "Attribute with the requested key already exists. Attribute keys must be unique, try again with a different key.");
    }

    public static QuireException attributeDefaultUnsupported(String message) {
        return new QuireException("attribute_default_unsupported", 400, message);
    }

    public static QuireException attributeLimitExceeded() {
        return new QuireException("attribute_limit_exceeded", 400,
                "The maximum number or size of attributes for this collection has been reached.");
    }

    public static QuireException attributeValueInvalid(String message) {
        return new QuireException("attribute_value_invalid", 400, message);
    }

    public static QuireException attributeUnknown(String key) {
        return new QuireException("attribute_unknown", 400,
                "Unknown attribute: " + key + ". Verify the attribute name or create the attribute.");
    }

    public static QuireException attributeTypeInvalid() {
        return new QuireException("attribute_type_invalid", 400, "The attribute type is invalid.");
    }

    public static QuireException attributeInvalidResize() {
        return new QuireException("attribute_invalid_resize", 400,
                "Existing data is too large for new size, truncate your existing data then try again.");
    }

    public static QuireException queryInvalid(String message) {
        return new QuireException("general_query_invalid", 400, message);
    }

    /** @param resource what the cursor names, as Appwrite says it: {@code Document}, {@code Collection}, … */
    public static QuireException cursorNotFound(String resource, String id) {
        return new QuireException("general_cursor_not_found", 400,
                resource + " '" + id + "' for the 'cursor' value not found.");
    }

    public static QuireException orderNull(String attribute) {
        return new QuireException("database_query_order_null", 400,
                "The order attribute '" + attribute + "' had a null value. Cursor pagination requires all documents order attribute values are non-null.");
    }

    /** Another transaction changed what this one wrote; retrying the whole transaction may succeed. */
    public static QuireException transactionConflict() {
        return new QuireException("transaction_conflict", 409,
                "Transaction conflict: a document this transaction writes was changed by another transaction.");
    }

    /** A transaction used where it cannot be, with why. */
    public static QuireException transactionInvalid(String message) {
        return new QuireException("transaction_invalid", 400, message);
    }

    public static QuireException indexNotFound() {
        return new QuireException("index_not_found", 404, "Index with the requested ID could not be found.");
    }

    public static QuireException indexAlreadyExists() {
        return new QuireException("index_already_exists", 409, "Index with the requested key already exists. Try again with a different key.");
    }

    public static QuireException indexInvalid(String message) {
        return new QuireException("index_invalid", 400, message);
    }

    public static QuireException indexLimitExceeded() {
        return new QuireException("index_limit_exceeded", 400,
                "The maximum number of indexes has been reached.");
    }

    // ---- TablesDB ---------------------------------------------------------------------------------------

    private static final Pattern LEGACY_WORD = Pattern.compile("\\b([Dd]ocument|[Cc]ollection|[Aa]ttribute)(s?)\\b");

    /**
     * The same failure as TablesDB reports it: {@code collection_*} becomes {@code table_*}, {@code document_*}
     * {@code row_*}, {@code attribute_*} {@code column_*} and {@code index_*} {@code column_index_*}, with the
     * message in the same words (Appwrite's {@code errors.php} keeps one entry per name, worded alike).
     * Every other failure is returned unchanged.
     */
    public static QuireException inTablesDB(QuireException e) {
        String type = tablesDbType(e.getType());
        if (type.equals(e.getType())) {
            return e;
        }
        Matcher words = LEGACY_WORD.matcher(e.getMessage() == null ? "" : e.getMessage());
        String message = words.replaceAll(m -> {
            String word = switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "document" -> "row";
                case "collection" -> "table";
                default -> "column";
            };
            boolean capital = Character.isUpperCase(m.group(1).charAt(0));
            return (capital ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word) + m.group(2);
        });
        return new QuireException(type, e.getCode(), message, e);
    }

    private static String tablesDbType(String type) {
        if (type.startsWith("collection_")) {
            return "table_" + type.substring("collection_".length());
        }
        if (type.startsWith("document_")) {
            return "row_" + type.substring("document_".length());
        }
        if (type.startsWith("attribute_")) {
            return "column_" + type.substring("attribute_".length());
        }
        if (type.startsWith("index_")) {
            return "column_index_" + type.substring("index_".length());
        }
        return switch (type) {
            case "general_attribute_query_limit_exceeded" -> "general_column_query_limit_exceeded";
            case "ATTRIBUTE_TYPE_NOT_SUPPORTED" -> "COLUMN_TYPE_NOT_SUPPORTED";
            default -> type;
        };
    }

    public static QuireException unknownChannel(String channel) {
        return argument("Unknown channel " + (channel == null ? "null" : "\"" + channel + "\"")
                + ": Quire publishes on documents, rows, databases.<db>.collections.<collection>.documents[.<document>],"
                + " databases.<db>.tables.<table>.rows[.<row>] and tablesdb.<db>.tables.<table>.rows[.<row>],"
                + " each optionally followed by .create, .update, .upsert or .delete");
    }

    /**
     * A subscriber that fell behind. Appwrite's realtime errors carry WebSocket close codes; 1013 is "try again
     * later", which is what the subscriber should do after re-reading the current state.
     */
    public static QuireException realtimeOverflow(int capacity) {
        return new QuireException("realtime_subscription_overflow", 1013, "The subscriber fell behind: " + capacity
                + " events were waiting, the most a subscription holds, so the subscription is closed and later events"
                + " are not delivered to it. Re-read the current state and subscribe again.");
    }
}
