package dev.quire.permissions;


/**
 * Builds role strings exactly as the Appwrite SDKs do, for use with {@link Permission}.
 *
 * <pre>{@code
 * Role.any()                    // any
 * Role.users("verified")        // users/verified
 * Role.user("u1")               // user:u1
 * Role.team("t1", "owner")      // team:t1/owner
 * Role.member("m1")             // member:m1
 * Role.label("admin")           // label:admin
 * }</pre>
 *
 * <p>As in the SDKs an empty status or team role is left out, and nothing is validated here.
 */
public final class Role {

    private Role() {
    }

    /**
     * Everyone, signed in or not.
     *
     * @return {@code any}
     */
    public static String any() {
        return "any";
    }

    /**
     * Callers who are not signed in.
     *
     * @return {@code guests}
     */
    public static String guests() {
        return "guests";
    }

    /**
     * Every signed-in user.
     *
     * @return {@code users}
     */
    public static String users() {
        return "users";
    }

    /**
     * Signed-in users with a verification status.
     *
     * @param status {@code "verified"}, {@code "unverified"}, or empty for all users
     * @return {@code users/STATUS}, or {@code users} if {@code status} is empty
     * @throws PermissionException {@code general_argument_invalid} if {@code status} is null
     */
    public static String users(String status) {
        PermissionException.require(status, "status");
        return status.isEmpty() ? "users" : "users/" + status;
    }

    /**
     * One user.
     *
     * @param id the user's id
     * @return {@code user:ID}
     * @throws PermissionException {@code general_argument_invalid} if {@code id} is null
     */
    public static String user(String id) {
        PermissionException.require(id, "id");
        return "user:" + id;
    }

    /**
     * One user, only while they have a verification status.
     *
     * @param id the user's id
     * @param status {@code "verified"}, {@code "unverified"}, or empty for the user regardless of status
     * @return {@code user:ID/STATUS}, or {@code user:ID} if {@code status} is empty
     * @throws PermissionException {@code general_argument_invalid} if an argument is null
     */
    public static String user(String id, String status) {
        PermissionException.require(status, "status");
        String user = user(id);
        return status.isEmpty() ? user : user + "/" + status;
    }

    /**
     * Every member of a team.
     *
     * @param id the team's id
     * @return {@code team:ID}
     * @throws PermissionException {@code general_argument_invalid} if {@code id} is null
     */
    public static String team(String id) {
        PermissionException.require(id, "id");
        return "team:" + id;
    }

    /**
     * Members of a team who hold a team role.
     *
     * @param id the team's id
     * @param role the team role, e.g. {@code "owner"}, or empty for every member
     * @return {@code team:ID/ROLE}, or {@code team:ID} if {@code role} is empty
     * @throws PermissionException {@code general_argument_invalid} if an argument is null
     */
    public static String team(String id, String role) {
        PermissionException.require(role, "role");
        String team = team(id);
        return role.isEmpty() ? team : team + "/" + role;
    }

    /**
     * One team membership.
     *
     * @param id the membership's id
     * @return {@code member:ID}
     * @throws PermissionException {@code general_argument_invalid} if {@code id} is null
     */
    public static String member(String id) {
        PermissionException.require(id, "id");
        return "member:" + id;
    }

    /**
     * Users carrying a label.
     *
     * @param name the label, alphanumeric
     * @return {@code label:NAME}
     * @throws PermissionException {@code general_argument_invalid} if {@code name} is null
     */
    public static String label(String name) {
        PermissionException.require(name, "name");
        return "label:" + name;
    }
}
