package dev.quire.permissions;

import static dev.quire.permissions.PermissionFixture.DB;
import static dev.quire.permissions.PermissionFixture.assertError;
import static dev.quire.permissions.PermissionFixture.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.query.Query;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The list rules of issue 4: without collection read a list is 401 unless the collection has documentSecurity,
 * in which case only readable documents come back and {@code total} counts only them; cursors are looked up
 * without permission checks.
 */
class ListPermissionSpecTest {
    private final PermissionFixture store = new PermissionFixture();
    private final Databases asAlice = store.as(Caller.user("alice"));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listWithoutCollectionReadIsUnauthorizedWhenDocumentSecurityIsOff() {
        String c = store.collection("movies", false, Permission.create(Role.any()));
        store.document(c, "d1", Permission.read(Role.any()));
        assertUnauthorized(() -> asAlice.listDocuments(DB, c, List.of()));
        assertUnauthorized(() -> asAlice.listDocuments(DB, c, List.of(), false));
    }

    @Test
    void listWithoutCollectionReadIsUnauthorizedEvenWhenTheCollectionIsEmpty() {
        String c = store.collection("movies", false);
        assertUnauthorized(() -> asAlice.listDocuments(DB, c, List.of()));
    }

    @Test
    void listWithCollectionReadReturnsEveryDocumentWithoutDocumentSecurity() {
        String c = store.collection("movies", false, Permission.read(Role.users()));
        store.document(c, "d1");
        store.document(c, "d2", Permission.read(Role.user("bob")));
        DocumentList list = asAlice.listDocuments(DB, c, List.of());
        assertEquals(List.of("d1", "d2"), ids(list));
        assertEquals(2, list.getTotal());
    }

    @Test
    void listWithCollectionReadReturnsEveryDocumentWithDocumentSecurity() {
        String c = store.collection("movies", true, Permission.read(Role.users()));
        store.document(c, "d1");
        store.document(c, "d2", Permission.read(Role.user("bob")));
        DocumentList list = asAlice.listDocuments(DB, c, List.of());
        assertEquals(List.of("d1", "d2"), ids(list));
        assertEquals(2, list.getTotal());
    }

    @Test
    void listWithDocumentSecurityReturnsOnlyReadableDocumentsAndCountsOnlyThem() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("alice")));
        store.document(c, "d2", Permission.read(Role.user("bob")));
        store.document(c, "d3", Permission.read(Role.users()));
        store.document(c, "d4");
        DocumentList list = asAlice.listDocuments(DB, c, List.of());
        assertEquals(List.of("d1", "d3"), ids(list));
        assertEquals(2, list.getTotal());
    }

    @Test
    void totalCountsEveryReadableDocumentNotJustThePage() {
        String c = store.collection("movies", true);
        for (int i = 1; i <= 5; i++) {
            store.document(c, "r" + i, Permission.read(Role.any()));
            store.document(c, "h" + i, Permission.read(Role.user("bob")));
        }
        DocumentList page = asAlice.listDocuments(DB, c, List.of(Query.limit(2), Query.offset(1)));
        assertEquals(List.of("r2", "r3"), ids(page));
        assertEquals(5, page.getTotal());
    }

    @Test
    void totalCountsOnlyReadableDocumentsThatMatchTheFilters() {
        String c = store.collection("movies", true);
        store.document(c, "a1", Permission.read(Role.any()));
        store.document(c, "a2", Permission.read(Role.user("bob")));
        store.document(c, "b1", Permission.read(Role.any()));
        DocumentList list = asAlice.listDocuments(DB, c, List.of(Query.startsWith("title", "a")));
        assertEquals(List.of("a1"), ids(list));
        assertEquals(1, list.getTotal());
    }

    @Test
    void onlyReadPermissionsLetDocumentsIntoAList() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.update(Role.user("alice")), Permission.delete(Role.user("alice")));
        store.document(c, "d2", Permission.write(Role.any()));
        DocumentList list = asAlice.listDocuments(DB, c, List.of());
        assertEquals(List.of(), ids(list));
        assertEquals(0, list.getTotal());
    }

    @Test
    void listWithoutTotalStillFiltersTheRows() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("bob")));
        store.document(c, "d2", Permission.read(Role.user("alice")));
        assertEquals(List.of("d2"), ids(asAlice.listDocuments(DB, c, List.of(), false)));
    }

    @Test
    void rootListsEveryDocumentWhateverItsPermissions() {
        String c = store.collection("movies", true);
        store.document(c, "d1");
        store.document(c, "d2", Permission.read(Role.user("bob")));
        assertEquals(2, store.root.listDocuments(DB, c, List.of()).getTotal());
    }

    @Test
    void anUnreadableCursorDocumentStillPositionsThePageAfterIt() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.any()));
        store.document(c, "d2", Permission.read(Role.user("bob")));
        store.document(c, "d3", Permission.read(Role.any()));
        store.document(c, "d4", Permission.read(Role.user("bob")));
        store.document(c, "d5", Permission.read(Role.any()));
        DocumentList after = asAlice.listDocuments(DB, c, List.of(Query.cursorAfter("d2")));
        assertEquals(List.of("d3", "d5"), ids(after));
        assertEquals(3, after.getTotal());
        DocumentList before = asAlice.listDocuments(DB, c, List.of(Query.cursorBefore("d4")));
        assertEquals(List.of("d1", "d3"), ids(before));
    }

    @Test
    void anUnreadableCursorDocumentIsNeverReturnedItself() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.user("bob")));
        store.document(c, "d2", Permission.read(Role.user("bob")));
        DocumentList after = asAlice.listDocuments(DB, c, List.of(Query.cursorAfter("d1")));
        assertEquals(List.of(), ids(after));
        assertEquals(0, after.getTotal());
    }

    @Test
    void aMissingCursorDocumentIsACursorError() {
        String c = store.collection("movies", true);
        store.document(c, "d1", Permission.read(Role.any()));
        QuireException e = assertError("general_cursor_not_found", 400,
                () -> asAlice.listDocuments(DB, c, List.of(Query.cursorAfter("missing"))));
        assertEquals("Document 'missing' for the 'cursor' value not found.", e.getMessage());
    }

    @Test
    void listWithoutReadIsUnauthorizedEvenWhenTheCursorIsMissing() {
        // Appwrite resolves the cursor first and would say general_cursor_not_found; issue 4 says 401 here.
        String c = store.collection("movies", false);
        assertUnauthorized(() -> asAlice.listDocuments(DB, c, List.of(Query.cursorAfter("missing"))));
    }

    @Test
    void readableDocumentsComeBackInTheRequestedOrder() {
        String c = store.collection("movies", true);
        store.document(c, "a", Permission.read(Role.any()));
        store.document(c, "b", Permission.read(Role.user("bob")));
        store.document(c, "c", Permission.read(Role.user("alice")));
        DocumentList list = asAlice.listDocuments(DB, c, List.of(Query.orderDesc("title")));
        assertEquals(List.of("c", "a"), ids(list));
    }

    private static List<String> ids(DocumentList list) {
        return list.getDocuments().stream().map(Document::getId).toList();
    }
}
