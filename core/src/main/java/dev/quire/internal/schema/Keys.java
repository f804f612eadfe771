package dev.quire.internal.schema;

import dev.quire.ID;
import dev.quire.internal.Errors;

import java.util.regex.Pattern;

/** Appwrite's rules for ids and keys: 1 to 36 of {@code [A-Za-z0-9._-]}, not starting with a special character. */
public final class Keys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,35}");
    /** Appwrite's description of a valid id, which its errors quote. */
    public static final String RULE = "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, "
            + "period, hyphen, and underscore. Can't start with a special char";

    private Keys() {
    }

    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * An id as given, or a fresh one for {@code unique()}.
     *
     * @param param the parameter name Appwrite reports, for example {@code documentId}
     */
    public static String resolveId(String param, String id) {
        if ("unique()".equals(id)) {
            return ID.unique();
        }
        return check(param, id);
    }

    /** Checks an id or key that must already exist or be chosen by the caller. */
    public static String check(String param, String key) {
        if (!isValid(key)) {
            throw Errors.invalidParam(param, RULE);
        }
        return key;
    }

    /** A display name: 1 to 128 characters, as Appwrite's validator takes it. */
    public static String name(String name) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > 128) {
            throw Errors.invalidParam("name", "Value must be a valid string and at least 1 chars and no longer than 128 chars");
        }
        return name;
    }
}
