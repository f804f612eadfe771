package dev.quire;

/**
 * The one exception Quire throws: an Appwrite error, with Appwrite's error type and HTTP-style code. A bad
 * query string ({@code dev.quire.query.QueryException}) and a bad permission
 * ({@code dev.quire.permissions.PermissionException}) are kinds of it, so one {@code catch} covers every
 * failure.
 *
 * <pre>{@code
 * try {
 *     db.getDocument("app", "movies", "missing", List.of());
 * } catch (QuireException e) {
 *     e.getType();   // "document_not_found"
 *     e.getCode();   // 404
 * }
 * }</pre>
 *
 * <p>Storage failures never escape as {@code java.sql.SQLException} or H2 types; they arrive here, with
 * the original failure as the cause. Two types are Quire's own, for what only an embedded store can meet:
 * {@code store_in_use}/409 (the file is held by another process: retry later or open another file) and
 * {@code store_closed}/503 (the handle or its store was closed).
 */
public class QuireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Sees every exception made; set by the test suite only, which checks that no message breaks the error
     * policy (see {@code dev.quire.internal.Errors}).
     */
    static volatile java.util.function.Consumer<QuireException> observer;

    private final String type;
    private final int code;

    /**
     * Creates an exception.
     *
     * @param type    Appwrite's error type, for example {@code document_not_found}
     * @param code    Appwrite's HTTP-style status code, for example {@code 404}
     * @param message Appwrite's human-readable message
     */
    public QuireException(String type, int code, String message) {
        this(type, code, message, null);
    }

    /**
     * Creates an exception caused by another failure.
     *
     * @param type    Appwrite's error type
     * @param code    Appwrite's HTTP-style status code
     * @param message Appwrite's human-readable message
     * @param cause   the underlying failure, or {@code null}
     */
    public QuireException(String type, int code, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.code = code;
        java.util.function.Consumer<QuireException> watching = observer;
        if (watching != null) {
            watching.accept(this);
        }
    }

    /** @return Appwrite's error type, for example {@code document_invalid_structure} */
    public String getType() {
        return type;
    }

    /** @return Appwrite's HTTP-style status code, for example {@code 400} */
    public int getCode() {
        return code;
    }

    @Override
    public String toString() {
        return "QuireException[" + type + "/" + code + "]: " + getMessage();
    }
}
