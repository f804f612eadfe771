package dev.quire.permissions;

import static dev.quire.permissions.PermissionFixture.DB;
import static dev.quire.permissions.PermissionFixture.assertDocumentNotFound;
import static dev.quire.permissions.PermissionFixture.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.quire.Databases;
import dev.quire.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The document rules of issue 4, one per test: create needs collection create; read, update and delete are
 * allowed by the collection's permissions or, only with documentSecurity, by the document's; a denied read
 * looks like a missing document, a denied write is 401; a no-op update needs only read.
 */
class DocumentPermissionSpecTest {
    private final PermissionFixture store = new PermissionFixture();
    private final Caller alice = Caller.user("alice");
    private final Databases asAlice = store.as(alice);

    @AfterEach
    void close() {
        store.close();
    }

    // ---- the root handle ---------------------------------------------------------------------------------

    @Test
    void rootHandleIsNeverCheckedEvenOnACollectionWithoutPermissions() {
        String c = store.collection("locked", true);
        store.root.createDocument(DB, c, "d1", Map.of("title", "a"), List.of());
        assertEquals("a", store.root.getDocument(DB, c, "d1").get("title"));
        assertEquals(1, store.root.listDocuments(DB, c, List.of()).getTotal());
        store.root.updateDocument(DB, c, "d1", Map.of("title", "b"), null);
        store.root.upsertDocument(DB, c, "d2", Map.of("title", "c"), null);
        store.root.deleteDocument(DB, c, "d1");
        assertEquals(List.of("d2"), ids(store.root.listDocuments(DB, c, List.of()).getDocuments()));
    }

    // ---- create ------------------------------------------------------------------------------------------

    @Test
    void createIsAllowedByCreateOnTheCollection() {
        String c = store.collection("movies", false, Permission.create(Role.users()));
        Document created = asAlice.createDocument(DB, c, "d1", Map.of("title", "Up"), List.of());
        assertEquals("d1", created.getId());
        assertEquals("Up", store.root.getDocument(DB, c, "d1").get("title"));
    }

    @Test
    void createWithoutCreateOnTheCollectionIsUnauthorizedAndStoresNothing() {
        String c = store.collection("movies", true, Permission.read(Role.any()), Permission.update(Role.users()),
                Permission.delete(Role.users()), Permission.create(Role.guests()));
        assertUnauthorized(() -> asAlice.createDocument(DB, c, "d1", Map.of("title", "Up"), List.of()));
        assertEquals(0, store.root.listDocuments(DB, c, List.of()).getTotal());
    }

    @Test
    void createIsDecidedByTheCollectionAloneEvenWithDocumentSecurity() {
        String c = store.collection("movies", true, Permission.read(Role.any()));
        store.document(c, "other", Permission.write(Role.any()), Permission.read(Role.any()));
        assertUnauthorized(() -> asAlice.createDocument(DB, c, "d1", Map.of("title", "Up"), null));
    }

    @Test
    void createPermissionIsCheckedBeforeTheDocumentStructure() {
        String c = store.collection("movies", false);
        assertUnauthorized(() -> asAlice.createDocument(DB, c, "d1", Map.of("unknown", 1), List.of()));
    }

    // ---- read --------------------------------------------------------------------------------------------

    @Test
    void readIsAllowedByReadOnTheCollectionWhateverTheDocumentSays() {
        String c = store.collection("movies", false, Permission.read(Role.users()));
        store.document(c, "d1");
        assertEquals("d1", asAlice.getDocument(DB, c, "d1").getId());
    }

    @Test
    void deniedReadLooksExactlyLikeAMissingDocument() {
        String c = store.collection("movies", true, Permission.read(Role.guests()));
        store.document(c, "d1", Permission.read(Role.user("bob")));
        assertDocumentNotFound(() -> asAlice.getDocument(DB, c, "d1"));
        assertDocumentNotFound(() -> asAlice.getDocument(DB, c, "missing"));
    }

    @Test
    void documentReadAllowsWhenTheCollectionHasDocumentSecurity() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("alice")));
        assertEquals("d1", asAlice.getDocument(DB, c, "d1").getId());
    }

    @Test
    void documentReadIsIgnoredWithoutDocumentSecurity() {
        String c = store.collection("movies", false);
        store.document(c, "d1", Permission.read(Role.any()), Permission.write(Role.any()));
        assertDocumentNotFound(() -> asAlice.getDocument(DB, c, "d1"));
    }

    @Test
    void readIsTheUnionOfCollectionAndDocumentWithDocumentSecurity() {
        String c = store.collection("movies", true, Permission.read(Role.user("alice")));
        store.document(c, "d1", Permission.read(Role.user("bob")));
        Databases asBob = store.as(Caller.user("bob"));
        Databases asCarol = store.as(Caller.user("carol"));
        assertEquals("d1", asAlice.getDocument(DB, c, "d1").getId());
        assertEquals("d1", asBob.getDocument(DB, c, "d1").getId());
        assertDocumentNotFound(() -> asCarol.getDocument(DB, c, "d1"));
    }

    @Test
    void otherPermissionTypesDoNotGrantRead() {
        String c = store.collection("movies", true, Permission.create(Role.any()), Permission.update(Role.any()),
                Permission.delete(Role.any()));
        store.document(c, "d1", Permission.write(Role.any()));
        assertDocumentNotFound(() -> asAlice.getDocument(DB, c, "d1"));
    }

    // ---- update ------------------------------------------------------------------------------------------

    @Test
    void updateIsAllowedByUpdateOnTheCollection() {
        String c = store.collection("movies", false, Permission.read(Role.any()), Permission.update(Role.users()));
        store.document(c, "d1");
        assertEquals(7L, asAlice.updateDocument(DB, c, "d1", Map.of("n", 7), null).get("n"));
        assertEquals(7L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void documentUpdateAllowsWhenTheCollectionHasDocumentSecurity() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.any()), Permission.update(Role.user("alice")));
        assertEquals(7L, asAlice.updateDocument(DB, c, "d1", Map.of("n", 7), null).get("n"));
    }

    @Test
    void documentUpdateIsIgnoredWithoutDocumentSecurity() {
        String c = store.collection("movies", false, Permission.read(Role.any()));
        store.document(c, "d1", Permission.update(Role.user("alice")));
        assertUnauthorized(() -> asAlice.updateDocument(DB, c, "d1", Map.of("n", 7), null));
        assertEquals(0L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void deniedUpdateOfAReadableDocumentIsUnauthorizedAndChangesNothing() {
        String c = store.collection("movies", true, Permission.read(Role.any()));
        store.document(c, "d1", Permission.update(Role.user("bob")));
        assertUnauthorized(() -> asAlice.updateDocument(DB, c, "d1", Map.of("n", 7), null));
        assertEquals(0L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void deniedUpdateOfAnUnreadableDocumentIsUnauthorizedNotNotFound() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("bob")));
        assertUnauthorized(() -> asAlice.updateDocument(DB, c, "d1", Map.of("n", 7), null));
    }

    @Test
    void updateNeedsUpdateButNotRead() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.update(Role.user("alice")));
        assertEquals(7L, asAlice.updateDocument(DB, c, "d1", Map.of("n", 7), null).get("n"));
        assertEquals(7L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void updateOfAMissingDocumentIsNotFound() {
        String c = store.collection("movies", false, Permission.write(Role.any()), Permission.read(Role.any()));
        assertDocumentNotFound(() -> asAlice.updateDocument(DB, c, "missing", Map.of("n", 7), null));
    }

    @Test
    void deniedUpdateWithInvalidDataIsUnauthorizedBeforeInvalidStructure() {
        String c = store.collection("movies", true, Permission.read(Role.any()));
        store.document(c, "d1");
        assertUnauthorized(() -> asAlice.updateDocument(DB, c, "d1", Map.of("n", "not a number"), null));
    }

    @Test
    void allowedUpdateWithInvalidDataIsInvalidStructure() {
        String c = store.collection("movies", true, Permission.update(Role.any()));
        store.document(c, "d1");
        PermissionFixture.assertError("document_invalid_structure", 400,
                () -> asAlice.updateDocument(DB, c, "d1", Map.of("n", "not a number"), null));
    }

    @Test
    void updateThatChangesNothingNeedsOnlyReadAndKeepsUpdatedAt() throws InterruptedException {
        String c = store.collection("movies", true, Permission.read(Role.users()));
        Document before = store.document(c, "d1", Permission.update(Role.user("bob")));
        Thread.sleep(5); // so that a rewrite would carry a different $updatedAt
        Document after = asAlice.updateDocument(DB, c, "d1", Map.of("title", "d1", "n", 0), null);
        assertEquals(before.getUpdatedAt(), after.getUpdatedAt());
        assertEquals(before.getUpdatedAt(), store.root.getDocument(DB, c, "d1").getUpdatedAt());
        assertEquals(before.getData(), after.getData());
    }

    @Test
    void updateThatRestatesThePermissionsChangesNothingAndNeedsOnlyRead() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("alice")));
        Document after = asAlice.updateDocument(DB, c, "d1", Map.of(), List.of(Permission.read(Role.user("alice"))));
        assertEquals(List.of(Permission.read(Role.user("alice"))), after.getPermissions());
    }

    @Test
    void updateThatChangesNothingWithoutReadIsUnauthorized() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.delete(Role.user("alice")));
        assertUnauthorized(() -> asAlice.updateDocument(DB, c, "d1", Map.of("n", 0), null));
    }

    @Test
    void updateThatChangesOnlyPermissionsNeedsUpdate() {
        String c = store.collection("movies", true, Permission.read(Role.any()));
        store.document(c, "d1", Permission.read(Role.user("alice")));
        assertUnauthorized(() -> asAlice.updateDocument(DB, c, "d1", null, List.of()));
        assertEquals(List.of(Permission.read(Role.user("alice"))),
                store.root.getDocument(DB, c, "d1").getPermissions());
    }

    @Test
    void updateWithNewPermissionsRewritesWhoMayRead() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("alice")), Permission.update(Role.user("alice")));
        asAlice.updateDocument(DB, c, "d1", null, List.of(Permission.update(Role.user("alice"))));
        assertDocumentNotFound(() -> asAlice.getDocument(DB, c, "d1"));
        assertEquals(0, asAlice.listDocuments(DB, c, List.of()).getTotal());
    }

    // ---- delete ------------------------------------------------------------------------------------------

    @Test
    void deleteIsAllowedByDeleteOnTheCollection() {
        String c = store.collection("movies", false, Permission.read(Role.any()), Permission.delete(Role.users()));
        store.document(c, "d1");
        asAlice.deleteDocument(DB, c, "d1");
        assertDocumentNotFound(() -> store.root.getDocument(DB, c, "d1"));
    }

    @Test
    void documentDeleteAllowsWhenTheCollectionHasDocumentSecurity() {
        String c = store.collection("movies", true, Permission.read(Role.any()));
        store.document(c, "d1", Permission.delete(Role.user("alice")));
        asAlice.deleteDocument(DB, c, "d1");
        assertDocumentNotFound(() -> store.root.getDocument(DB, c, "d1"));
    }

    @Test
    void documentDeleteIsIgnoredWithoutDocumentSecurity() {
        String c = store.collection("movies", false, Permission.read(Role.any()));
        store.document(c, "d1", Permission.delete(Role.user("alice")));
        assertUnauthorized(() -> asAlice.deleteDocument(DB, c, "d1"));
        assertNotNull(store.root.getDocument(DB, c, "d1"));
    }

    @Test
    void deniedDeleteOfAReadableDocumentIsUnauthorizedAndKeepsIt() {
        String c = store.collection("movies", true, Permission.read(Role.any()), Permission.update(Role.any()));
        store.document(c, "d1", Permission.delete(Role.user("bob")));
        assertUnauthorized(() -> asAlice.deleteDocument(DB, c, "d1"));
        assertNotNull(store.root.getDocument(DB, c, "d1"));
    }

    @Test
    void deniedDeleteOfAnUnreadableDocumentIsUnauthorizedNotNotFound() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("bob")));
        assertUnauthorized(() -> asAlice.deleteDocument(DB, c, "d1"));
    }

    @Test
    void deleteNeedsDeleteButNotRead() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.delete(Role.user("alice")));
        asAlice.deleteDocument(DB, c, "d1");
        assertDocumentNotFound(() -> store.root.getDocument(DB, c, "d1"));
    }

    @Test
    void deleteOfAMissingDocumentIsNotFound() {
        String c = store.collection("movies", false, Permission.write(Role.any()), Permission.read(Role.any()));
        assertDocumentNotFound(() -> asAlice.deleteDocument(DB, c, "missing"));
    }

    // ---- upsert ------------------------------------------------------------------------------------------

    @Test
    void upsertOfANewDocumentNeedsCreateOnTheCollection() {
        String c = store.collection("movies", true, Permission.update(Role.users()), Permission.read(Role.any()));
        assertUnauthorized(() -> asAlice.upsertDocument(DB, c, "d1", Map.of("n", 1), null));
        assertEquals(0, store.root.listDocuments(DB, c, List.of()).getTotal());
    }

    @Test
    void upsertOfANewDocumentWithCreateOnTheCollectionCreatesIt() {
        String c = store.collection("movies", true, Permission.create(Role.users()));
        Document created = asAlice.upsertDocument(DB, c, "d1", Map.of("n", 1), null);
        assertEquals(1L, created.get("n"));
        assertEquals(1L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void upsertOfAnExistingDocumentNeedsUpdateNotCreate() {
        String c = store.collection("movies", true, Permission.create(Role.users()), Permission.read(Role.any()));
        store.document(c, "d1");
        assertUnauthorized(() -> asAlice.upsertDocument(DB, c, "d1", Map.of("title", "d1", "n", 1), null));
        assertEquals(0L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void upsertOfAnExistingDocumentFollowsTheUpdateUnion() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.update(Role.user("alice")));
        assertEquals(1L, asAlice.upsertDocument(DB, c, "d1", Map.of("title", "d1", "n", 1), null).get("n"));
        assertEquals(1L, store.root.getDocument(DB, c, "d1").get("n"));
    }

    @Test
    void upsertThatChangesNothingNeedsOnlyRead() {
        String c = store.collection("movies", true);
        Document before = store.document(c, "d1", Permission.read(Role.user("alice")));
        Document after = asAlice.upsertDocument(DB, c, "d1", Map.of("title", "d1", "n", 0), null);
        assertEquals(before.getUpdatedAt(), after.getUpdatedAt());
    }

    @Test
    void upsertThatChangesNothingWithoutReadIsUnauthorized() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.delete(Role.user("alice")));
        assertUnauthorized(() -> asAlice.upsertDocument(DB, c, "d1", Map.of("title", "d1", "n", 0), null));
    }

    private static List<String> ids(List<Document> documents) {
        return documents.stream().map(Document::getId).toList();
    }
}
