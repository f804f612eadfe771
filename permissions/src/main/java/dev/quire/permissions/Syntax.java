package dev.quire.permissions;

import java.util.List;

/**
 * Appwrite's grammar for roles and permission strings, with the exact descriptions its validators
 * (utopia-php/database {@code Validator\Permissions}, {@code Roles}, {@code Key}, {@code Label}) report.
 *
 * <p>Checks run in Appwrite's order, so the first problem found is the one Appwrite would report.
 */
final class Syntax {

    /** Appwrite's limit on array parameters ({@code APP_LIMIT_ARRAY_PARAMS_SIZE}). */
    static final int MAX_PERMISSIONS = 100;

    /** Longest user, team or membership id, or label. */
    static final int ID_MAX_LENGTH = 36;

    /**
     * Longest dimension: Appwrite sizes it for {@code project-<projectId>-<role>} (9 + 36 + 36), so team
     * roles may be longer than ids.
     */
    static final int DIMENSION_MAX_LENGTH = 81;

    /** Role names in Appwrite's order, which its "Must be one of" message keeps. */
    static final List<String> ROLE_NAMES = List.of("any", "guests", "users", "user", "team", "member", "label");

    static final List<String> USER_DIMENSIONS = List.of("verified", "unverified");

    /** The permission types a collection accepts, in Appwrite's {@code Database::PERMISSIONS} order. */
    static final List<PermissionType> COLLECTION_TYPES = List.of(
            PermissionType.CREATE, PermissionType.READ, PermissionType.UPDATE, PermissionType.DELETE,
            PermissionType.WRITE);

    /** The permission types a document accepts: create is a collection-level decision in Appwrite. */
    static final List<PermissionType> DOCUMENT_TYPES = List.of(
            PermissionType.READ, PermissionType.UPDATE, PermissionType.DELETE, PermissionType.WRITE);

    private Syntax() {
    }

    static String keyDescription(int maxLength) {
        return "Parameter must contain at most " + maxLength + " chars. Valid chars are a-z, A-Z, 0-9, period,"
                + " hyphen, and underscore. Can't start with a special char";
    }

    static String labelDescription() {
        return "Value must be a valid string between 1 and " + ID_MAX_LENGTH
                + " chars containing only alphanumeric chars";
    }

    /** Appwrite's Key rule: 1..max chars of [A-Za-z0-9._-], not starting with '.', '-' or '_'. */
    static boolean isKey(String value, int maxLength) {
        int length = value.length();
        if (length == 0 || length > maxLength) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '.' || first == '-' || first == '_') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Appwrite's Label rule: 1..36 ASCII letters and digits. */
    static boolean isLabel(String value) {
        int length = value.length();
        if (length == 0 || length > ID_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isAlphanumeric(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Parses one permission string against the allowed types and returns its type and canonical role.
     *
     * @throws PermissionException with Appwrite's description of the first problem
     */
    static Parsed parsePermission(String permission, List<PermissionType> allowed) {
        if (permission == null) {
            // Java's closest analogue of a non-string array element in Appwrite's JSON body.
            throw PermissionException.invalidArgument("Every permission must be of type string.");
        }
        if (permission.equals("*")) {
            throw PermissionException.invalidArgument(
                    "Wildcard permission \"*\" has been replaced. Use \"any\" instead.");
        }
        if (permission.contains("role:")) {
            throw PermissionException.invalidArgument("Permissions using the \"role:\" prefix have been replaced."
                    + " Use \"users\", \"guests\", or \"any\" instead.");
        }
        // Appwrite checks only that the string starts with an allowed type name; "readx(...)" passes this
        // and is reported as an invalid type below, exactly as Appwrite reports it.
        boolean startsWithAllowed = false;
        for (PermissionType type : allowed) {
            if (permission.startsWith(type.wireName())) {
                startsWithAllowed = true;
                break;
            }
        }
        if (!startsWithAllowed) {
            throw PermissionException.invalidArgument("Permission \"" + permission + "\" is not allowed. Must be one of: "
                    + joinWireNames(allowed) + ".");
        }

        int open = permission.indexOf("(\"");
        boolean wellFormed = open >= 0
                && permission.indexOf("(\"", open + 1) < 0
                && permission.endsWith("\")")
                && permission.length() >= open + 4;
        if (!wellFormed) {
            throw PermissionException.invalidArgument("Invalid permission string format: \"" + permission + "\".");
        }
        String typeName = permission.substring(0, open);
        PermissionType type = PermissionType.fromWireName(typeName);
        if (type == null) {
            throw PermissionException.invalidArgument("Invalid permission type: \"" + typeName + "\".");
        }
        String role = canonicalRole(permission.substring(open + 2, permission.length() - 2));
        return new Parsed(type, role);
    }

    /**
     * Validates a role string and returns it in canonical form ({@code name[:id][/dimension]}).
     *
     * @throws PermissionException with Appwrite's description of the first problem
     */
    static String canonicalRole(String role) {
        String name;
        String identifier = "";
        String dimension = "";
        int colon = role.indexOf(':');
        boolean hasDimension = role.indexOf('/') >= 0;
        if (colon < 0) {
            name = role;
            if (hasDimension) {
                String[] parts = role.split("/", -1);
                if (parts.length != 2) {
                    throw PermissionException.invalidArgument("Only one dimension can be provided");
                }
                name = parts[0];
                dimension = parts[1];
            }
        } else {
            name = role.substring(0, colon);
            String rest = role.substring(colon + 1);
            if (hasDimension) {
                // Like Appwrite, a '/' anywhere means the part after ':' must be exactly "id/dimension".
                String[] parts = rest.split("/", -1);
                if (parts.length != 2) {
                    throw PermissionException.invalidArgument("Only one dimension can be provided");
                }
                identifier = parts[0];
                dimension = parts[1];
            } else {
                // A second ':' stays in the id and fails the id rule, where Appwrite silently drops the tail.
                identifier = rest;
            }
        }
        if (hasDimension && dimension.isEmpty()) {
            throw PermissionException.invalidArgument("Dimension must not be empty");
        }
        checkRole(name, identifier, dimension);
        StringBuilder canonical = new StringBuilder(name);
        if (!identifier.isEmpty()) {
            canonical.append(':').append(identifier);
        }
        if (!dimension.isEmpty()) {
            canonical.append('/').append(dimension);
        }
        return canonical.toString();
    }

    private static void checkRole(String name, String identifier, String dimension) {
        boolean idAllowed;
        boolean dimensionAllowed;
        switch (name) {
            case "any", "guests" -> {
                idAllowed = false;
                dimensionAllowed = false;
            }
            case "users" -> {
                idAllowed = false;
                dimensionAllowed = true;
            }
            case "user", "team" -> {
                idAllowed = true;
                dimensionAllowed = true;
            }
            case "member", "label" -> {
                idAllowed = true;
                dimensionAllowed = false;
            }
            default -> throw PermissionException.invalidArgument("Role \"" + name + "\" is not allowed. Must be one of: "
                    + String.join(", ", ROLE_NAMES) + ".");
        }
        String prefix = "Role \"" + name + "\"";
        if (!idAllowed && !identifier.isEmpty()) {
            throw PermissionException.invalidArgument(prefix + " can not have an ID value.");
        }
        // Every role that allows an id also requires one.
        if (idAllowed && identifier.isEmpty()) {
            throw PermissionException.invalidArgument(prefix + " must have an ID value.");
        }
        if (idAllowed) {
            if (name.equals("label")) {
                if (!isLabel(identifier)) {
                    throw PermissionException.invalidArgument(prefix + " identifier value is invalid: " + labelDescription());
                }
            } else if (!isKey(identifier, ID_MAX_LENGTH)) {
                throw PermissionException.invalidArgument(
                        prefix + " identifier value is invalid: " + keyDescription(ID_MAX_LENGTH));
            }
        }
        if (!dimensionAllowed && !dimension.isEmpty()) {
            throw PermissionException.invalidArgument(prefix + " can not have a dimension value.");
        }
        if (dimensionAllowed && !dimension.isEmpty()) {
            boolean userish = name.equals("users") || name.equals("user");
            if (userish && !USER_DIMENSIONS.contains(dimension)) {
                throw PermissionException.invalidArgument(prefix + " dimension value is invalid. Must be one of: "
                        + String.join(", ", USER_DIMENSIONS) + ".");
            }
            if (!isKey(dimension, DIMENSION_MAX_LENGTH)) {
                throw PermissionException.invalidArgument(
                        prefix + " dimension value is invalid: " + keyDescription(DIMENSION_MAX_LENGTH));
            }
        }
    }

    static String joinWireNames(List<PermissionType> types) {
        StringBuilder joined = new StringBuilder();
        for (PermissionType type : types) {
            if (joined.length() > 0) {
                joined.append(", ");
            }
            joined.append(type.wireName());
        }
        return joined.toString();
    }

    /** One permission string, parsed; {@code type} may still be WRITE here. */
    record Parsed(PermissionType type, String role) {
    }
}
