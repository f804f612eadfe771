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

    /** A builder given {@code null} for a parameter: Appwrite's answer to a missing required parameter. */
    static PermissionException missing(String param) {
        return new PermissionException(GENERAL_ARGUMENT_INVALID, 400, "Param \"" + param + "\" is not optional.");
    }

    /** A builder given a value Appwrite would refuse; {@code description} says what the value must be. */
    static PermissionException invalidParam(String param, String description) {
        return new PermissionException(GENERAL_ARGUMENT_INVALID, 400, "Invalid `" + param + "` param: " + description);
    }

    /** Returns the argument, or throws {@link #missing} when it is {@code null}. */
    static <T> T require(T argument, String param) {
        if (argument == null) {
            throw missing(param);
        }
        return argument;
    }

    /** A grant of a role the caller does not hold. */
    static PermissionException unauthorized(String message) {
        return new PermissionException(USER_UNAUTHORIZED, 401, message);
    }
}
