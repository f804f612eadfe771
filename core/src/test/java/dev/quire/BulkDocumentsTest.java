package dev.quire;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Operator;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appwrite's bulk document calls: createDocuments, upsertDocuments, updateDocuments, deleteDocuments. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class BulkDocumentsTest {
    private static final String DB = "app";
    private static final String MOVIES = "movies";

    private final StoreKind kind;
    @TempDir
    Path directory;
    private Databases db;

    BulkDocumentsTest(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void createMovies() {
        db = kind.open(directory);
        db.create(DB, "App");
        db.createCollection(DB, MOVIES, "Movies", List.of(Permission.read(Role.any())), true, true);
        db.createStringAttribute(DB, MOVIES, "title", 64, true, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", false, null, null, null, false);
        db.createIntegerAttribute(DB, MOVIES, "views", false, null, null, 0L, false);
        db.createStringAttribute(DB, MOVIES, "tags", 16, false, null, true);
        db.createIndex(DB, MOVIES, "title_search", IndexType.FULLTEXT, List.of("title"), null, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Map<String, Object> movie(String id, String title, int year) {
        Map<String, Object> movie = new HashMap<>();
        movie.put("$id", id);
        movie.put("title", title);
        movie.put("year", year);
        return movie;
    }

    private long count() {
        return db.listDocuments(DB, MOVIES, List.of(Query.limit(1))).getTotal();
    }

    // ---- createDocuments ------------------------------------------------------------------------------

    @Test
    void createDocumentsCreatesEveryItemInOrder() {
        DocumentList created = db.createDocuments(DB, MOVIES, List.of(movie("up", "Up", 2009),
                movie("heat", "Heat", 1995)));

        assertEquals(2, created.getTotal());
        assertEquals(List.of("up", "heat"), created.getDocuments().stream().map(Document::getId).toList());
        assertEquals(2009L, db.getDocument(DB, MOVIES, "up").get("year"));
        assertEquals(0L, db.getDocument(DB, MOVIES, "heat").get("views"), "defaults apply");
        assertTrue(created.getDocuments().get(0).getSequence() < created.getDocuments().get(1).getSequence());
    }

    @Test
    void itemsWithoutAnIdGetAGeneratedOne() {
        Map<String, Object> noId = Map.of("title", "Alien");
        Map<String, Object> unique = Map.of("$id", "unique()", "title", "Aliens");

        DocumentList created = db.createDocuments(DB, MOVIES, List.of(noId, unique));

        for (Document document : created.getDocuments()) {
            assertEquals(20, document.getId().length());
            assertEquals(document.get("title"), db.getDocument(DB, MOVIES, document.getId()).get("title"));
        }
    }

    @Test
    void eachItemCarriesItsOwnPermissions() {
        Map<String, Object> open = new HashMap<>(movie("up", "Up", 2009));
        open.put("$permissions", List.of(Permission.read(Role.user("alice"))));

        db.createDocuments(DB, MOVIES, List.of(open, movie("heat", "Heat", 1995)));

        assertEquals(List.of("read(\"user:alice\")"), db.getDocument(DB, MOVIES, "up").getPermissions());
        assertEquals(List.of(), db.getDocument(DB, MOVIES, "heat").getPermissions());
    }

    @Test
    void theRootHandleMayKeepTimestampsFromElsewhere() {
        Map<String, Object> imported = new HashMap<>(movie("up", "Up", 2009));
        imported.put("$createdAt", "2020-01-02T03:04:05.000+00:00");
        imported.put("$updatedAt", "2021-01-02T03:04:05.000+00:00");

        db.createDocuments(DB, MOVIES, List.of(imported));

        Document up = db.getDocument(DB, MOVIES, "up");
        assertEquals("2020-01-02T03:04:05.000+00:00", up.getCreatedAt());
        assertEquals("2021-01-02T03:04:05.000+00:00", up.getUpdatedAt());
    }

    @Test
    void anOperatorInACreateIsAPlainString() {
        Map<String, Object> item = Map.of("$id", "op", "title", Operator.stringConcat("x"));

        db.createDocuments(DB, MOVIES, List.of(item));

        assertEquals("{\"method\":\"stringConcat\",\"values\":[\"x\"]}", db.getDocument(DB, MOVIES, "op").get("title"));
    }

    @Test
    void manyThousandsGoInSeveralBatchesAndAllArrive() {
        List<Map<String, Object>> movies = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            movies.add(movie("m" + i, "Movie " + i, 1900 + i % 100));
        }

        DocumentList created = db.createDocuments(DB, MOVIES, movies);

        assertEquals(2_500, created.getTotal());
        assertEquals(2_500, created.getDocuments().size());
        assertEquals(2_500, count());
        assertEquals("Movie 2499", db.getDocument(DB, MOVIES, "m2499").get("title"));
    }

    @Test
    void bulkCreatedTitlesAreSearchable() {
        db.createDocuments(DB, MOVIES, List.of(movie("up", "Flying house", 2009), movie("heat", "Heat", 1995)));

        assertEquals(List.of("up"), db.listDocuments(DB, MOVIES, List.of(Query.search("title", "house")))
                .getDocuments().stream().map(Document::getId).toList());
    }

    @Test
    void anEmptyListIsMissingData() {
        assertError("document_missing_data", 400, () -> db.createDocuments(DB, MOVIES, List.of()));
    }

    @Test
    void aCallerMayNotCreateInBulk() {
        db.updateCollection(DB, MOVIES, "Movies", List.of(Permission.create(Role.any())), true, true);
        Databases alice = db.as(Caller.user("alice"));

        assertError("general_unauthorized_scope", 401,
                () -> alice.createDocuments(DB, MOVIES, List.of(movie("up", "Up", 2009))));
        assertEquals(0, count());
    }

    @Test
    void aDuplicateIdFailsTheWholeCall() {
        db.createDocument(DB, MOVIES, "up", movie("up", "Up", 2009), null);

        assertError("document_already_exists", 409, () -> db.createDocuments(DB, MOVIES,
                List.of(movie("heat", "Heat", 1995), movie("up", "Up again", 2010))));
        assertError("document_already_exists", 409, () -> db.createDocuments(DB, MOVIES,
                List.of(movie("alien", "Alien", 1979), movie("alien", "Alien", 1979))));
        assertEquals(1, count());
    }

    @Test
    void anInvalidItemFailsTheWholeCall() {
        List<Map<String, Object>> movies = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            movies.add(movie("m" + i, "Movie " + i, 2000));
        }
        movies.get(1_400).put("year", "not a year");

        assertError("document_invalid_structure", 400, () -> db.createDocuments(DB, MOVIES, movies));
        assertEquals(0, count(), "the first batch, already written, is rolled back");
        assertEquals(0, db.listDocuments(DB, MOVIES, List.of(Query.search("title", "Movie"))).getTotal());
    }

    @Test
    void anInvalidIdOrPermissionIsABadRequest() {
        assertError("general_bad_request", 400, () -> db.createDocuments(DB, MOVIES,
                List.of(movie("-bad", "Bad", 2000))));
        Map<String, Object> badPermission = new HashMap<>(movie("ok", "Ok", 2000));
        badPermission.put("$permissions", List.of("read(\"nobody-knows\")"));
        assertError("general_bad_request", 400, () -> db.createDocuments(DB, MOVIES, List.of(badPermission)));
        assertEquals(0, count());
    }

    @Test
    void everyDocumentOfABulkCallIsAnEvent() throws Exception {
        EventRecorder recorder = new EventRecorder();
        db.subscribe(List.of("documents"), recorder);

        db.createDocuments(DB, MOVIES, List.of(movie("up", "Up", 2009), movie("heat", "Heat", 1995)));
        db.updateDocuments(DB, MOVIES, Map.of("views", Operator.increment()), List.of(Query.equal("$id", "up")));
        db.upsertDocuments(DB, MOVIES, List.of(Map.of("$id", "heat", "title", "Heat!")));
        db.incrementDocumentAttribute(DB, MOVIES, "heat", "views");
        db.deleteDocuments(DB, MOVIES, List.of(Query.equal("$id", "up")));

        assertEquals("databases.app.collections.movies.documents.up.create", recorder.next().getEvents().get(0));
        assertEquals("databases.app.collections.movies.documents.heat.create", recorder.next().getEvents().get(0));
        Event update = recorder.next();
        assertEquals("databases.app.collections.movies.documents.up.update", update.getEvents().get(0));
        assertEquals(1L, update.getPayload().get("views"), "the value SQL computed");
        assertEquals("databases.app.collections.movies.documents.heat.upsert", recorder.next().getEvents().get(0));
        assertEquals("databases.app.collections.movies.documents.heat.update", recorder.next().getEvents().get(0));
        assertEquals("databases.app.collections.movies.documents.up.delete", recorder.next().getEvents().get(0));
    }

    // ---- deleteDocuments ------------------------------------------------------------------------------

    private void loadMovies(int count) {
        List<Map<String, Object>> movies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            movies.add(movie("m" + i, "Movie " + i, 2000 + i % 10));
        }
        db.createDocuments(DB, MOVIES, movies);
    }

    @Test
    void deleteDocumentsDeletesWhatTheQueriesSelectAndReturnsIt() {
        loadMovies(30);

        DocumentList deleted = db.deleteDocuments(DB, MOVIES, List.of(Query.equal("year", 2003)));

        assertEquals(3, deleted.getTotal());
        assertEquals(List.of("m3", "m13", "m23"), deleted.getDocuments().stream().map(Document::getId).toList());
        assertEquals(27, count());
        assertEquals(0, db.listDocuments(DB, MOVIES, List.of(Query.equal("year", 2003))).getTotal());
    }

    @Test
    void withoutQueriesEveryDocumentGoesAndTheResponseHoldsTheFirstHundred() {
        loadMovies(1_234);

        DocumentList deleted = db.deleteDocuments(DB, MOVIES, null);

        assertEquals(1_234, deleted.getTotal());
        assertEquals(100, deleted.getDocuments().size());
        assertEquals("m0", deleted.getDocuments().get(0).getId());
        assertEquals(0, count());
        assertEquals(0, db.listDocuments(DB, MOVIES, List.of(Query.search("title", "Movie"))).getTotal());
    }

    @Test
    void limitOffsetAndOrderChooseWhichDocumentsGo() {
        loadMovies(10);

        DocumentList deleted = db.deleteDocuments(DB, MOVIES,
                List.of(Query.orderDesc("year"), Query.limit(2), Query.offset(1)));

        assertEquals(List.of("m8", "m7"), deleted.getDocuments().stream().map(Document::getId).toList());
        assertEquals(8, count());
    }

    @Test
    void anInvalidQueryIsRefused() {
        loadMovies(3);
        assertError("general_query_invalid", 400,
                () -> db.deleteDocuments(DB, MOVIES, List.of(Query.equal("nope", 1))));
        assertEquals(3, count());
    }

    @Test
    void aCallerDeletesOnlyWhatItMayDelete() {
        db.createDocument(DB, MOVIES, "mine", Map.of("title", "Mine"),
                List.of(Permission.read(Role.any()), Permission.delete(Role.user("alice"))));
        db.createDocument(DB, MOVIES, "theirs", Map.of("title", "Theirs"), List.of(Permission.read(Role.any())));

        DocumentList deleted = db.as(Caller.user("alice")).deleteDocuments(DB, MOVIES, null);

        assertEquals(1, deleted.getTotal());
        assertEquals(List.of("theirs"), db.listDocuments(DB, MOVIES, null).getDocuments().stream()
                .map(Document::getId).toList());
    }

    @Test
    void withoutDocumentSecurityACallerNeedsTheCollectionPermission() {
        db.updateCollection(DB, MOVIES, "Movies", List.of(Permission.read(Role.any())), false, true);
        loadMovies(2);

        assertError("user_unauthorized", 401, () -> db.as(Caller.user("alice")).deleteDocuments(DB, MOVIES, null));
        assertError("user_unauthorized", 401, () -> db.as(Caller.user("alice"))
                .updateDocuments(DB, MOVIES, Map.of("year", 1), null));
        assertEquals(2, count());
    }

    // ---- updateDocuments ------------------------------------------------------------------------------

    @Test
    void updateDocumentsWritesTheDataToEveryMatch() throws InterruptedException {
        loadMovies(20);
        String before = db.getDocument(DB, MOVIES, "m1").getUpdatedAt();
        Thread.sleep(2);   // timestamps have millisecond precision: let the clock move past the creates'

        DocumentList updated = db.updateDocuments(DB, MOVIES, Map.of("title", "Renamed"),
                List.of(Query.equal("year", 2001)));

        assertEquals(2, updated.getTotal());
        assertEquals(List.of("m1", "m11"), updated.getDocuments().stream().map(Document::getId).toList());
        assertEquals("Renamed", updated.getDocuments().get(0).get("title"));
        assertEquals("Renamed", db.getDocument(DB, MOVIES, "m11").get("title"));
        assertEquals("Movie 2", db.getDocument(DB, MOVIES, "m2").get("title"));
        assertNotEquals(before, db.getDocument(DB, MOVIES, "m1").getUpdatedAt());
        assertEquals(List.of("m1", "m11"), db.listDocuments(DB, MOVIES, List.of(Query.search("title", "Renamed")))
                .getDocuments().stream().map(Document::getId).toList());
    }

    @Test
    void numericOperatorsRunPerDocumentInSql() {
        loadMovies(5);
        db.updateDocuments(DB, MOVIES, Map.of("views", Operator.increment(3)), null);

        DocumentList updated = db.updateDocuments(DB, MOVIES, Map.of("views", Operator.increment(2, 4)),
                List.of(Query.equal("year", 2000)));

        assertEquals(4L, updated.getDocuments().get(0).get("views"), "clamped at the bound");
        assertEquals(3L, db.getDocument(DB, MOVIES, "m1").get("views"));
    }

    @Test
    void arrayOperatorsAreComputedFromEachDocument() {
        db.createDocument(DB, MOVIES, "a", Map.of("title", "A", "tags", List.of("x")), null);
        db.createDocument(DB, MOVIES, "b", Map.of("title", "B"), null);

        db.updateDocuments(DB, MOVIES, Map.of("tags", Operator.arrayAppend(List.of("new"))), null);

        assertEquals(List.of("x", "new"), db.getDocument(DB, MOVIES, "a").get("tags"));
        assertEquals(List.of("new"), db.getDocument(DB, MOVIES, "b").get("tags"));
    }

    @Test
    void updateDocumentsCanReplacePermissions() {
        loadMovies(3);

        db.updateDocuments(DB, MOVIES, Map.of("$permissions", List.of(Permission.read(Role.users()))), null);

        assertEquals(List.of("read(\"users\")"), db.getDocument(DB, MOVIES, "m2").getPermissions());
    }

    @Test
    void emptyDataIsAMissingPayload() {
        assertError("document_missing_payload", 400, () -> db.updateDocuments(DB, MOVIES, Map.of(), null));
    }

    @Test
    void anInvalidValueChangesNothing() {
        loadMovies(3);
        assertError("document_invalid_structure", 400,
                () -> db.updateDocuments(DB, MOVIES, Map.of("year", "soon"), null));
        Map<String, Object> noTitle = new HashMap<>();
        noTitle.put("title", null);
        assertError("document_invalid_structure", 400, "Invalid document structure: Missing required attribute \"title\"",
                () -> db.updateDocuments(DB, MOVIES, noTitle, null));
        assertError("document_invalid_structure", 400,
                () -> db.updateDocuments(DB, MOVIES, Map.of("nope", 1), null));
        assertEquals(2000L, db.getDocument(DB, MOVIES, "m0").get("year"));
    }

    @Test
    void aCallerUpdatesOnlyWhatItMayUpdate() {
        db.createDocument(DB, MOVIES, "mine", Map.of("title", "Mine"),
                List.of(Permission.read(Role.any()), Permission.update(Role.user("alice"))));
        db.createDocument(DB, MOVIES, "theirs", Map.of("title", "Theirs"), List.of(Permission.read(Role.any())));

        DocumentList updated = db.as(Caller.user("alice")).updateDocuments(DB, MOVIES, Map.of("year", 1), null);

        assertEquals(1, updated.getTotal());
        assertEquals(1L, db.getDocument(DB, MOVIES, "mine").get("year"));
        assertEquals(null, db.getDocument(DB, MOVIES, "theirs").get("year"));
    }

    // ---- upsertDocuments ------------------------------------------------------------------------------

    @Test
    void upsertDocumentsCreatesNewAndUpdatesExisting() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009), null);

        DocumentList upserted = db.upsertDocuments(DB, MOVIES, List.of(
                Map.of("$id", "up", "title", "Up (2009)"), movie("heat", "Heat", 1995)));

        assertEquals(2, upserted.getTotal());
        Document up = db.getDocument(DB, MOVIES, "up");
        assertEquals("Up (2009)", up.get("title"));
        assertEquals(2009L, up.get("year"), "attributes an item leaves out keep their values");
        assertEquals(1995L, db.getDocument(DB, MOVIES, "heat").get("year"));
    }

    @Test
    void upsertAppliesOperatorsToStoredAndNewDocuments() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "views", 10), null);

        db.upsertDocuments(DB, MOVIES, List.of(Map.of("$id", "up", "views", Operator.increment(5)),
                Map.of("$id", "new", "title", "New", "views", Operator.increment(5))));

        assertEquals(15L, db.getDocument(DB, MOVIES, "up").get("views"));
        assertEquals(5L, db.getDocument(DB, MOVIES, "new").get("views"));
    }

    @Test
    void anItemThatChangesNothingIsLeftOut() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        DocumentList upserted = db.upsertDocuments(DB, MOVIES, List.of(Map.of("$id", "up", "title", "Up")));

        assertEquals(0, upserted.getTotal());
    }

    @Test
    void aCallerNeedsCreateForNewAndUpdateForExisting() {
        db.createDocument(DB, MOVIES, "theirs", Map.of("title", "Theirs"), List.of(Permission.read(Role.any())));
        Databases alice = db.as(Caller.user("alice"));

        assertError("user_unauthorized", 401,
                () -> alice.upsertDocuments(DB, MOVIES, List.of(movie("new", "New", 2000))));
        assertError("user_unauthorized", 401,
                () -> alice.upsertDocuments(DB, MOVIES, List.of(Map.of("$id", "theirs", "title", "Mine now"))));
        assertEquals(1, count());

        db.updateCollection(DB, MOVIES, "Movies", List.of(Permission.read(Role.any()),
                Permission.create(Role.users())), true, true);
        alice.upsertDocuments(DB, MOVIES, List.of(movie("new", "New", 2000)));
        assertEquals(List.of("read(\"user:alice\")", "update(\"user:alice\")", "delete(\"user:alice\")"),
                db.getDocument(DB, MOVIES, "new").getPermissions());
    }
}
