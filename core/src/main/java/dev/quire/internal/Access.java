package dev.quire.internal;

import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.storage.StoredDocument;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Grant;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, and the permission decisions that follow from it: the root handle (a server API key, which
 * no permission limits) or a {@link Caller}, whose roles Appwrite's rules are applied to.
 */
public final class Access {
    private static final Access ROOT = new Access(null);

    private final Caller caller;

    private Access(Caller caller) {
        this.caller = caller;
    }

    /** The root handle's access: a server API key. */
    public static Access root() {
        return ROOT;
    }

    /** A caller's access, checked against permissions. */
    public static Access of(Caller caller) {
        return new Access(Errors.require(caller, "caller"));
    }

    public boolean isRoot() {
        return caller == null;
    }

    /** The calling user's id; {@code null} for the root handle and for guests. */
    public String userId() {
        return caller == null ? null : caller.userId().orElse(null);
    }

    /**
     * Management belongs to server keys, as Appwrite's scopes have it: a caller gets the error a user session
     * gets from those endpoints.
     */
    public void requireRoot(String scope) {
        if (caller != null) {
            throw Errors.missingScope(caller.isGuest() ? "guests" : "users", scope);
        }
    }

    /** Refuses a caller without the collection-level permission. */
    public void requireCollection(CollectionSchema schema, PermissionType type) {
        if (caller != null && !Permissions.allows(caller.roles(), type, schema.permissions(), false, List.of())) {
            throw Errors.unauthorized();
        }
    }

    /** Whether the collection or, under document security, the document grants {@code type}. */
    public boolean allows(CollectionSchema schema, PermissionType type, StoredDocument document) {
        return caller == null || Permissions.allows(caller.roles(), type, schema.permissions(),
                schema.documentSecurity(), Permissions.forDocument(document.permissions()));
    }

    /**
     * The same decision on grants parsed once: a change event keeps them from its commit and asks this for each
     * subscriber.
     */
    public boolean allows(PermissionType type, List<Grant> collectionPermissions, boolean documentSecurity,
                          List<Grant> documentPermissions) {
        return caller == null || Permissions.allows(caller.roles(), type, collectionPermissions, documentSecurity,
                documentPermissions);
    }

    /**
     * The roles a list must filter rows by, or {@code null} when every row is readable: the root handle and
     * callers with collection read see everything; without it, only document security can let rows through.
     */
    public Set<String> readFilter(CollectionSchema schema) {
        return rowFilter(schema, PermissionType.READ);
    }

    /**
     * The roles rows must grant {@code type} to, or {@code null} when every row qualifies: the root handle, or a
     * caller with the collection-level permission; without it, only document security can let rows through
     * (for reads, lists; for writes to many documents, the database layer's rule behind Appwrite's bulk
     * updates and deletes).
     */
    public Set<String> rowFilter(CollectionSchema schema, PermissionType type) {
        if (caller == null || Permissions.allows(caller.roles(), type, schema.permissions(), false, List.of())) {
            return null;
        }
        if (!schema.documentSecurity()) {
            throw Errors.unauthorized();
        }
        return caller.roles();
    }

    /**
     * A document's grants: the given permissions, or the caller's defaults when none are given; a caller may
     * only grant roles it holds.
     */
    public List<Grant> documentGrants(List<String> permissions) {
        List<Grant> grants = permissions == null
                ? (caller == null ? List.of() : Permissions.defaultsFor(caller))
                : Permissions.forDocument(permissions);
        if (caller != null) {
            Permissions.checkGrantable(grants, caller);
        }
        return grants;
    }

    @Override
    public String toString() {
        return caller == null ? "root" : caller.toString();
    }
}
