package dev.quire.internal.realtime;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Grant;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;

import java.util.List;

/**
 * Who may read a changed document, as its collection and the document itself said at commit: Appwrite attaches
 * the collection's read roles, and the document's when document security is on, to each event.
 *
 * @param collection       the collection's grants
 * @param documentSecurity whether the collection has document security
 * @param document         the document's grants (for a delete, the ones it had)
 */
public record ReadAccess(List<Grant> collection, boolean documentSecurity, List<Grant> document) {
    public ReadAccess {
        collection = List.copyOf(collection);
        document = List.copyOf(document);
    }

    /** @param caller a caller, or {@code null} for the root handle, which reads everything */
    public boolean allows(Caller caller) {
        return caller == null || Permissions.allows(caller.roles(), PermissionType.READ, collection,
                documentSecurity, document);
    }
}
