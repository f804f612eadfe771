package dev.quire.internal.realtime;

import dev.quire.internal.Access;
import dev.quire.permissions.Grant;
import dev.quire.permissions.PermissionType;

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

    /** @param access a subscriber's access: the root handle reads everything, a caller what it is granted */
    public boolean allows(Access access) {
        return access.allows(PermissionType.READ, collection, documentSecurity, document);
    }
}
