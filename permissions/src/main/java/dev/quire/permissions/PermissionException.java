package dev.quire.permissions;

import dev.quire.QuireException;

/**
 * A permission list or a grant that Appwrite would refuse, with Appwrite's error type, code and message.
 *
 * <p>Two families exist: a malformed permission list ({@value #GENERAL_ARGUMENT_INVALID}, 400, message
 * {@code Invalid `permissions` param: ...}) and an attempt to grant a role the caller does not hold
 * ({@value #USER_UNAUTHORIZED}, 401). A kind of {@link QuireException}, so one {@code catch} covers it.
 */
public class PermissionException extends QuireException {

    private static final long serialVersionUID = 1L;

    /** Appwrite's type for a parameter that failed validation. */
    public static final String GENERAL_ARGUMENT_INVALID = "general_argument_invalid";

    /** Appwrite's type for an action the caller's roles do not allow. */
    public static final String USER_UNAUTHORIZED = "user_unauthorized";

    // Appwrite's router prefixes every validator description with the parameter's name.
    private static final String PARAM_PREFIX = "Invalid `permissions` param: ";

    PermissionException(String type, int code, String message) {
        super(type, code, message);
    }

    /** A malformed permission list; {@code description} is the text of Appwrite's Permissions validator. */
    static PermissionException invalidArgument(String description) {
        return new PermissionException(GENERAL_ARGUMENT_INVALID, 400, PARAM_PREFIX + description);
    }

    /** A grant of a role the caller does not hold. */
    static PermissionException unauthorized(String message) {
        return new PermissionException(USER_UNAUTHORIZED, 401, message);
    }
}
