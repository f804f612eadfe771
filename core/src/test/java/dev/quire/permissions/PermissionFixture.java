package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * One in-memory store with a database {@code app}, and the few steps every permission test takes: a
 * collection with a {@code title} string and an {@code n} integer, documents written by the root handle,
 * and error assertions by type and code.
 */
final class PermissionFixture implements AutoCloseable {
    static final String DB = "app";

    final Databases root = Databases.inMemory();

    PermissionFixture() {
        root.create(DB, "App");
    }

    /** A collection made by the root handle, with the given documentSecurity and permissions. */
    String collection(String id, boolean documentSecurity, String... permissions) {
        root.createCollection(DB, id, id, List.of(permissions), documentSecurity, true);
        root.createStringAttribute(DB, id, "title", 100, false, null, false);
        root.createIntegerAttribute(DB, id, "n", false, null, null, null, false);
        return id;
    }

    /** A document made by the root handle, which may give it any permissions. */
    Document document(String collectionId, String documentId, String... permissions) {
        return root.createDocument(DB, collectionId, documentId, Map.of("title", documentId, "n", 0L),
                Arrays.asList(permissions));
    }

    Databases as(Caller caller) {
        return root.as(caller);
    }

    @Override
    public void close() {
        root.close();
    }

    static QuireException assertError(String type, int code, Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertEquals(type, e.getType(), () -> "type of " + e);
        assertEquals(code, e.getCode(), () -> "code of " + e);
        return e;
    }

    static void assertUnauthorized(Executable call) {
        QuireException e = assertError("user_unauthorized", 401, call);
        assertEquals("The current user is not authorized to perform the requested action.", e.getMessage());
    }

    /** Management calls by a user session fail as Appwrite's scope check fails them. */
    static void assertMissingScope(String scope, Executable call) {
        QuireException e = assertError("general_unauthorized_scope", 401, call);
        assertEquals("User (role: users) missing scope (" + scope + ")", e.getMessage());
    }

    static void assertDocumentNotFound(Executable call) {
        QuireException e = assertError("document_not_found", 404, call);
        assertEquals("Document with the requested ID could not be found.", e.getMessage());
    }
}
