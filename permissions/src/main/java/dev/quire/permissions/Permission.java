package dev.quire.permissions;


/**
 * Builds permission strings exactly as the Appwrite SDKs do.
 *
 * <pre>{@code
 * List<String> permissions = List.of(
 *         Permission.read(Role.any()),                     // read("any")
 *         Permission.update(Role.team("t1", "owner")),     // update("team:t1/owner")
 *         Permission.write(Role.user("u1")));              // write("user:u1")
 * }</pre>
 *
 * <p>Like the SDKs, the builders do not validate the role; {@link Permissions#forCollection} and
 * {@link Permissions#forDocument} do, with Appwrite's messages.
 */
public final class Permission {

    private Permission() {
    }

    /**
     * Permission to read.
     *
     * @param role a role string, see {@link Role}
     * @return {@code read("ROLE")}
     * @throws PermissionException {@code general_argument_invalid} if {@code role} is null
     */
    public static String read(String role) {
        return format(PermissionType.READ, role);
    }

    /**
     * Permission to create documents; valid on collections only.
     *
     * @param role a role string, see {@link Role}
     * @return {@code create("ROLE")}
     * @throws PermissionException {@code general_argument_invalid} if {@code role} is null
     */
    public static String create(String role) {
        return format(PermissionType.CREATE, role);
    }

    /**
     * Permission to update.
     *
     * @param role a role string, see {@link Role}
     * @return {@code update("ROLE")}
     * @throws PermissionException {@code general_argument_invalid} if {@code role} is null
     */
    public static String update(String role) {
        return format(PermissionType.UPDATE, role);
    }

    /**
     * Permission to delete.
     *
     * @param role a role string, see {@link Role}
     * @return {@code delete("ROLE")}
     * @throws PermissionException {@code general_argument_invalid} if {@code role} is null
     */
    public static String delete(String role) {
        return format(PermissionType.DELETE, role);
    }

    /**
     * Shorthand for create, update and delete (update and delete on a document).
     *
     * @param role a role string, see {@link Role}
     * @return {@code write("ROLE")}
     * @throws PermissionException {@code general_argument_invalid} if {@code role} is null
     */
    public static String write(String role) {
        return format(PermissionType.WRITE, role);
    }

    private static String format(PermissionType type, String role) {
        PermissionException.require(role, "role");
        return type.wireName() + "(\"" + role + "\")";
    }
}
