package dev.quire.permissions;

/**
 * A permission list or a grant that Appwrite would refuse, with Appwrite's error type, code and message.
 *
 * <p>Two families exist: a malformed permission list ({@value #GENERAL_ARGUMENT_INVALID}, 400, message
 * {@code Invalid `permissions` param: ...}) and an attempt to grant a role the caller does not hold
 * ({@value #USER_UNAUTHORIZED}, 401). The core module translates it into its own exception.
 */
public class PermissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Appwrite's type for a parameter that failed validation. */
    public static final String GENERAL_ARGUMENT_INVALID = "general_argument_invalid";

    /** Appwrite's type for an action the caller's roles do not allow. */
    public static final String USER_UNAUTHORIZED = "user_unauthorized";

    // Appwrite's router prefixes every validator description with the parameter's name.
    private static final String PARAM_PREFIX = "Invalid `permissions` param: ";

    /** Appwrite's error type. */
    private final String type;
    /** Appwrite's HTTP status code. */
    private final int code;

    PermissionException(String type, int code, String message) {
        super(message);
        this.type = type;
        this.code = code;
    }

    /** A malformed permission list; {@code description} is the text of Appwrite's Permissions validator. */
    static PermissionException invalidArgument(String description) {
        return new PermissionException(GENERAL_ARGUMENT_INVALID, 400, PARAM_PREFIX + description);
    }

    /** A grant of a role the caller does not hold. */
    static PermissionException unauthorized(String message) {
        return new PermissionException(USER_UNAUTHORIZED, 401, message);
    }

    /**
     * Appwrite's error type, e.g. {@value #GENERAL_ARGUMENT_INVALID} or {@value #USER_UNAUTHORIZED}.
     *
     * @return the error type string Appwrite returns in the {@code type} field
     */
    public String getType() {
        return type;
    }

    /**
     * The HTTP status code Appwrite would answer with: 400 or 401.
     *
     * @return the status code
     */
    public int getCode() {
        return code;
    }
}
