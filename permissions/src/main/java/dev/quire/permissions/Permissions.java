package dev.quire.permissions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Appwrite's permission rules: parsing permission lists, default document permissions, which roles a
 * caller may grant, and whether a caller may act on a collection or document.
 *
 * <pre>{@code
 * List<Grant> collection = Permissions.forCollection(List.of(
 *         Permission.read(Role.any()), Permission.create(Role.users())));
 * Caller alice = Caller.user("alice");
 *
 * // createDocument: no permissions given, so alice gets read, update and delete on her document
 * List<Grant> document = Permissions.defaultsFor(alice);
 * Permissions.checkGrantable(document, alice);           // alice may grant her own roles
 *
 * boolean canUpdate = Permissions.allows(alice.roles(), PermissionType.UPDATE,
 *         collection, true, document);                    // true, through document security
 * List<String> stored = Permissions.toStrings(document);  // [read("user:alice"), update(...), delete(...)]
 * }</pre>
 *
 * <p>Parsing failures are {@link PermissionException}s carrying Appwrite's type, code and message.
 */
public final class Permissions {

    /** What {@code write} stands for; types the list does not accept (create on a document) are skipped. */
    private static final List<PermissionType> WRITE_EXPANSION =
            List.of(PermissionType.CREATE, PermissionType.UPDATE, PermissionType.DELETE);

    private Permissions() {
    }

    /**
     * Parses and validates a collection's permission list.
     *
     * <p>Accepts read, create, update, delete and write; {@code write} is replaced in place by create, update
     * and delete. Order is kept and duplicates are removed, the first occurrence winning.
     *
     * @param permissions permission strings such as {@code read("any")}; at most 100
     * @return the grants, in order
     * @throws NullPointerException if {@code permissions} is null
     * @throws PermissionException ({@code general_argument_invalid}, 400) with Appwrite's message if a string
     *     is invalid or there are more than 100
     */
    public static List<Grant> forCollection(List<String> permissions) {
        return parse(permissions, Syntax.COLLECTION_TYPES);
    }

    /**
     * Parses and validates a document's permission list.
     *
     * <p>Accepts read, update, delete and write, which is replaced in place by update and delete. Like
     * Appwrite, {@code create} is refused: creating is decided by the collection. Order is kept and
     * duplicates are removed.
     *
     * @param permissions permission strings such as {@code update("user:alice")}; at most 100
     * @return the grants, in order
     * @throws NullPointerException if {@code permissions} is null
     * @throws PermissionException ({@code general_argument_invalid}, 400) with Appwrite's message if a string
     *     is invalid, is a create permission, or there are more than 100
     */
    public static List<Grant> forDocument(List<String> permissions) {
        return parse(permissions, Syntax.DOCUMENT_TYPES);
    }

    /**
     * The permissions Appwrite gives a new document when the caller passes none.
     *
     * @param caller who creates the document
     * @return read, update and delete for {@code user:ID} for a user; nothing for a guest
     * @throws NullPointerException if {@code caller} is null
     */
    public static List<Grant> defaultsFor(Caller caller) {
        Objects.requireNonNull(caller, "caller must not be null");
        return caller.userId()
                .map(id -> {
                    String role = Role.user(id);
                    return List.of(new Grant(PermissionType.READ, role), new Grant(PermissionType.UPDATE, role),
                            new Grant(PermissionType.DELETE, role));
                })
                .orElse(List.of());
    }

    /**
     * Checks that a caller only grants roles it holds itself, as Appwrite does for every caller that is not
     * a server (API key) caller; the server path simply does not call this.
     *
     * @param grants the permissions being set
     * @param caller who sets them
     * @throws NullPointerException if an argument is null
     * @throws PermissionException ({@code user_unauthorized}, 401) with the message
     *     {@code Permissions must be one of: (any, users, ...)}, listing the caller's roles in Appwrite's order
     */
    public static void checkGrantable(List<Grant> grants, Caller caller) {
        Objects.requireNonNull(grants, "grants must not be null");
        Objects.requireNonNull(caller, "caller must not be null");
        Set<String> held = caller.roles();
        for (Grant grant : grants) {
            if (!held.contains(grant.role())) {
                throw PermissionException.unauthorized(
                        "Permissions must be one of: (" + String.join(", ", held) + ")");
            }
        }
    }

    /**
     * Appwrite's access rule: the action is allowed if the caller holds a role that the collection grants
     * that action to, or, only when the collection has document security, a role that the document grants
     * it to. Roles match exactly; nothing is a prefix or a pattern.
     *
     * @param callerRoles the caller's roles, usually {@link Caller#roles()}
     * @param action the action; not {@code WRITE}
     * @param collectionPermissions the collection's grants
     * @param documentSecurity whether the collection has document security enabled
     * @param documentPermissions the document's grants, or {@code null} when there is no document (create)
     * @return whether the action is allowed
     * @throws NullPointerException if an argument other than {@code documentPermissions} is null
     * @throws IllegalArgumentException if {@code action} is {@code WRITE}
     */
    public static boolean allows(Set<String> callerRoles, PermissionType action, List<Grant> collectionPermissions,
            boolean documentSecurity, List<Grant> documentPermissions) {
        Objects.requireNonNull(callerRoles, "callerRoles must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(collectionPermissions, "collectionPermissions must not be null");
        if (action == PermissionType.WRITE) {
            throw new IllegalArgumentException("write is not an action; ask about create, update or delete");
        }
        if (grantsAny(callerRoles, action, collectionPermissions)) {
            return true;
        }
        return documentSecurity && documentPermissions != null
                && grantsAny(callerRoles, action, documentPermissions);
    }

    /**
     * The permission strings for a list of grants, as Appwrite stores and returns them.
     *
     * @param grants parsed grants
     * @return strings such as {@code read("any")}, in the same order
     * @throws NullPointerException if {@code grants} or an element is null
     */
    public static List<String> toStrings(List<Grant> grants) {
        Objects.requireNonNull(grants, "grants must not be null");
        List<String> strings = new ArrayList<>(grants.size());
        for (Grant grant : grants) {
            strings.add(grant.toString());
        }
        return List.copyOf(strings);
    }

    private static boolean grantsAny(Set<String> callerRoles, PermissionType action, List<Grant> grants) {
        for (Grant grant : grants) {
            if (grant.type() == action && callerRoles.contains(grant.role())) {
                return true;
            }
        }
        return false;
    }

    private static List<Grant> parse(List<String> permissions, List<PermissionType> allowed) {
        Objects.requireNonNull(permissions, "permissions must not be null");
        if (permissions.size() > Syntax.MAX_PERMISSIONS) {
            throw PermissionException.invalidArgument(
                    "You can only provide up to " + Syntax.MAX_PERMISSIONS + " permissions.");
        }
        // Appwrite validates the whole list before expanding any of it, so the first invalid string is
        // reported even if an earlier one would expand to something odd.
        List<Syntax.Parsed> parsed = new ArrayList<>(permissions.size());
        for (String permission : permissions) {
            parsed.add(Syntax.parsePermission(permission, allowed));
        }
        Set<Grant> grants = new LinkedHashSet<>();
        for (Syntax.Parsed permission : parsed) {
            if (permission.type() == PermissionType.WRITE) {
                for (PermissionType type : WRITE_EXPANSION) {
                    if (allowed.contains(type)) {
                        grants.add(new Grant(type, permission.role()));
                    }
                }
            } else {
                grants.add(new Grant(permission.type(), permission.role()));
            }
        }
        return List.copyOf(grants);
    }
}
