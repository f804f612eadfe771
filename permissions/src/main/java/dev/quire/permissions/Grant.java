package dev.quire.permissions;

import java.util.Objects;

/**
 * One parsed permission: an action granted to a role, e.g. {@code read} to {@code user:alice}.
 *
 * <p>Grants come out of {@link Permissions#forCollection} and {@link Permissions#forDocument}; the role is
 * always valid and canonical, and the type is never {@link PermissionType#WRITE}, which parsing expands.
 *
 * @param type the action granted; never {@code WRITE}
 * @param role the role it is granted to, e.g. {@code "any"} or {@code "team:t1/owner"}
 */
public record Grant(PermissionType type, String role) {

    /**
     * Checks the invariants that the parser guarantees, so a hand-built grant obeys them too.
     *
     * @param type the action granted; never {@code WRITE}
     * @param role a valid role in canonical form
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the type is {@code WRITE} or the role is not a valid, canonical role
     */
    public Grant {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(role, "role must not be null");
        if (type == PermissionType.WRITE) {
            throw new IllegalArgumentException("write is an alias; grant create, update and delete instead");
        }
        String canonical;
        try {
            canonical = Syntax.canonicalRole(role);
        } catch (PermissionException e) {
            throw new IllegalArgumentException("invalid role \"" + role + "\": " + e.getMessage(), e);
        }
        if (!canonical.equals(role)) {
            throw new IllegalArgumentException("role \"" + role + "\" is not canonical; use \"" + canonical + "\"");
        }
    }

    /**
     * The permission string, byte-identical to what an Appwrite SDK builds.
     *
     * @return e.g. {@code read("any")}
     */
    @Override
    public String toString() {
        return type.wireName() + "(\"" + role + "\")";
    }
}
