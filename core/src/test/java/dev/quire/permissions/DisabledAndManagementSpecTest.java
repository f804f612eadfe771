package dev.quire.permissions;

import static dev.quire.permissions.PermissionFixture.DB;
import static dev.quire.permissions.PermissionFixture.assertError;
import static dev.quire.permissions.PermissionFixture.assertMissingScope;
import static dev.quire.permissions.PermissionFixture.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quire.Databases;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Disabled databases and collections look missing to every caller but the root handle, even callers the
 * permissions would let in; managing databases, collections, attributes and indexes is for the root handle
 * (a server API key) only.
 */
class DisabledAndManagementSpecTest {
    private final PermissionFixture store = new PermissionFixture();
    private final Databases asAlice = store.as(Caller.user("alice"));
    private final String c = store.collection("movies", true, Permission.create(Role.any()),
            Permission.read(Role.any()), Permission.update(Role.any()), Permission.delete(Role.any()));

    @AfterEach
    void close() {
        store.close();
    }

    /** Every document call, each on its own document so that none depends on another having failed. */
    private void everyDocumentCall(Consumer<Runnable> expectation) {
        store.document(c, "d1", Permission.read(Role.any()));
        store.document(c, "d2", Permission.read(Role.any()));
        store.document(c, "d3", Permission.read(Role.any()));
        expectation.accept(() -> asAlice.createDocument(DB, c, "new", Map.of("title", "x"), null));
        expectation.accept(() -> asAlice.getDocument(DB, c, "d1"));
        expectation.accept(() -> asAlice.listDocuments(DB, c, List.of()));
        expectation.accept(() -> asAlice.updateDocument(DB, c, "d2", Map.of("n", 1), null));
        expectation.accept(() -> asAlice.upsertDocument(DB, c, "d3", Map.of("n", 1), null));
        expectation.accept(() -> asAlice.deleteDocument(DB, c, "d1"));
    }

    @Test
    void aDisabledCollectionLooksMissingToCallers() {
        store.root.updateCollection(DB, c, null, null, null, false);
        everyDocumentCall(call -> {
            var e = assertError("collection_not_found", 404, call::run);
            assertEquals("Collection with the requested ID could not be found.", e.getMessage());
        });
    }

    @Test
    void aDisabledDatabaseLooksMissingToCallers() {
        store.root.update(DB, null, false);
        everyDocumentCall(call -> {
            var e = assertError("database_not_found", 404, call::run);
            assertEquals("Database not found", e.getMessage());
        });
    }

    @Test
    void theRootHandleStillUsesADisabledCollection() {
        store.root.updateCollection(DB, c, null, null, null, false);
        store.document(c, "d1");
        assertEquals("d1", store.root.getDocument(DB, c, "d1").getId());
        assertEquals(1, store.root.listDocuments(DB, c, List.of()).getTotal());
        store.root.updateDocument(DB, c, "d1", Map.of("n", 2), null);
        store.root.deleteDocument(DB, c, "d1");
    }

    @Test
    void theRootHandleStillUsesADisabledDatabase() {
        store.root.update(DB, null, false);
        store.document(c, "d1");
        assertEquals("d1", store.root.getDocument(DB, c, "d1").getId());
        assertEquals(1, store.root.listDocuments(DB, c, List.of()).getTotal());
    }

    @Test
    void reEnablingACollectionLetsCallersBackIn() {
        store.document(c, "d1", Permission.read(Role.any()));
        store.root.updateCollection(DB, c, null, null, null, false);
        assertError("collection_not_found", 404, () -> asAlice.getDocument(DB, c, "d1"));
        store.root.updateCollection(DB, c, null, null, null, true);
        assertEquals("d1", asAlice.getDocument(DB, c, "d1").getId());
    }

    @Test
    void managingDatabasesIsForTheRootHandleOnly() {
        assertMissingScope("databases.write", () -> asAlice.create("other", "Other"));
        assertMissingScope("databases.read", () -> asAlice.get(DB));
        assertMissingScope("databases.read", () -> asAlice.list(List.of()));
        assertMissingScope("databases.write", () -> asAlice.update(DB, "Renamed", null));
        assertMissingScope("databases.write", () -> asAlice.delete(DB));
        assertEquals("App", store.root.get(DB).getName());
    }

    @Test
    void managingCollectionsIsForTheRootHandleOnlyWhateverTheCollectionGrants() {
        assertMissingScope("collections.write", () -> asAlice.createCollection(DB, "other", "Other"));
        assertMissingScope("collections.read", () -> asAlice.getCollection(DB, c));
        assertMissingScope("collections.read", () -> asAlice.listCollections(DB, List.of()));
        assertMissingScope("collections.write", () -> asAlice.updateCollection(DB, c, "Renamed", null, null, null));
        assertMissingScope("collections.write", () -> asAlice.deleteCollection(DB, c));
        assertEquals("movies", store.root.getCollection(DB, c).getName());
    }

    @Test
    void managingAttributesIsForTheRootHandleOnly() {
        assertMissingScope("attributes.write", () -> asAlice.createStringAttribute(DB, c, "extra", 10, false, null, false));
        assertMissingScope("attributes.read", () -> asAlice.getAttribute(DB, c, "title"));
        assertMissingScope("attributes.read", () -> asAlice.listAttributes(DB, c, List.of()));
        assertMissingScope("attributes.write", () -> asAlice.deleteAttribute(DB, c, "title"));
        assertEquals(2, store.root.listAttributes(DB, c, List.of()).getTotal());
    }
}
