package dev.quire;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass
@EnumSource(StoreKind.class)
class DocumentsTest {
    private static final String DB = "app";
    private static final String MOVIES = "movies";

    private final StoreKind kind;
    @TempDir
    Path directory;
    private Databases db;

    DocumentsTest(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void createMovies() {
        db = kind.open(directory);
        db.create(DB, "App");
        db.createCollection(DB, MOVIES, "Movies");
        db.createStringAttribute(DB, MOVIES, "title", 64, true, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", false, null, null, null, false);
        db.createFloatAttribute(DB, MOVIES, "rating", false, null, null, null, false);
        db.createStringAttribute(DB, MOVIES, "genres", 32, false, null, true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void updateWithoutPermissionsArgumentKeepsThem() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), List.of(Permission.read(Role.any())));

        Document updated = db.updateDocument(DB, MOVIES, "up", Map.of("year", 2009));

        assertEquals(2009L, updated.getLong("year"));
        assertEquals("Up", updated.getString("title"));
        assertEquals(List.of(Permission.read(Role.any())), updated.getPermissions());
    }

    @Test
    void upsertWithoutPermissionsArgumentCreatesAndThenReplaces() {
        Document created = db.upsertDocument(DB, MOVIES, "up", Map.of("title", "Up"));
        Document replaced = db.upsertDocument(DB, MOVIES, "up", Map.of("title", "Up!", "year", 2009));

        assertEquals("Up", created.getString("title"));
        assertEquals("Up!", replaced.getString("title"));
        assertEquals(created.getCreatedAt(), replaced.getCreatedAt());
    }

    @Test
    void createdDocumentReadsBackWithAppwriteTypes() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009, "rating", 8.3f,
                "genres", List.of("animation", "family")), null);

        Document up = db.getDocument(DB, MOVIES, "up");

        assertEquals("Up", up.get("title"));
        assertEquals(2009L, up.get("year"));
        assertEquals(8.3f, ((Double) up.get("rating")).floatValue());
        assertEquals(List.of("animation", "family"), up.get("genres"));
        assertEquals(MOVIES, up.getCollectionId());
        assertEquals(DB, up.getDatabaseId());
    }

    @Test
    void missingOptionalAttributesReadBackAsNull() {
        Document doc = db.createDocument(DB, MOVIES, "heat", Map.of("title", "Heat"), null);

        assertNull(doc.get("year"));
        assertTrue(doc.getData().containsKey("year"));
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        Document doc = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        assertTrue(doc.getCreatedAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00"),
                doc.getCreatedAt());
        assertEquals(doc.getCreatedAt(), doc.getUpdatedAt());
    }

    @Test
    void sequenceIncreasesPerCollection() {
        long first = db.createDocument(DB, MOVIES, "a", Map.of("title", "A"), null).getSequence();
        long second = db.createDocument(DB, MOVIES, "b", Map.of("title", "B"), null).getSequence();

        assertTrue(second > first);
        assertEquals(second, db.getDocument(DB, MOVIES, "b").getSequence());
    }

    @Test
    void uniqueGeneratesATwentyCharacterId() {
        Document doc = db.createDocument(DB, MOVIES, "unique()", Map.of("title", "Up"), null);

        assertTrue(doc.getId().matches("[0-9a-f]{20}"), doc.getId());
        assertEquals(doc, db.getDocument(DB, MOVIES, doc.getId()));
    }

    @Test
    void idsAreUniqueRegardlessOfCase() {
        db.createDocument(DB, MOVIES, "caseSensitive", Map.of("title", "A"), null);

        assertError("document_already_exists", 409,
                () -> db.createDocument(DB, MOVIES, "CaseSensitive", Map.of("title", "B"), null));
    }

    @Test
    void getFindsOnlyTheExactId() {
        db.createDocument(DB, MOVIES, "caseSensitive", Map.of("title", "A"), null);

        assertError("document_not_found", 404, () -> db.getDocument(DB, MOVIES, "CASESENSITIVE"));
    }

    @Test
    void invalidIdsAreRefused() {
        for (String id : List.of("", "_leading", ".leading", "-leading", "has space", "a".repeat(37), "ünicode")) {
            assertError("general_argument_invalid", 400, "Invalid `documentId` param: Parameter must contain at most "
                            + "36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start "
                            + "with a special char",
                    () -> db.createDocument(DB, MOVIES, id, Map.of("title", "A"), null));
        }
        assertEquals(0, db.listDocuments(DB, MOVIES, List.of()).getTotal());
    }

    @Test
    void thirtySixCharacterIdsWithPeriodsHyphensAndUnderscoresAreAccepted() {
        String id = "a._-" + "b".repeat(32);

        assertEquals(id, db.createDocument(DB, MOVIES, id, Map.of("title", "A"), null).getId());
    }

    @Test
    void updateIsPartialAndKeepsCreatedAt() throws InterruptedException {
        Document created = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2008), null);
        Thread.sleep(2);

        Document updated = db.updateDocument(DB, MOVIES, "up", Map.of("year", 2009), null);

        assertEquals("Up", updated.get("title"));
        assertEquals(2009L, updated.get("year"));
        assertEquals(created.getCreatedAt(), updated.getCreatedAt());
        assertNotEquals(created.getUpdatedAt(), updated.getUpdatedAt());
        assertEquals(updated, db.getDocument(DB, MOVIES, "up"));
    }

    @Test
    void updateWithNullPermissionsKeepsThem() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), List.of(Permission.read(Role.any())));

        Document updated = db.updateDocument(DB, MOVIES, "up", Map.of("year", 2009), null);

        assertEquals(List.of("read(\"any\")"), updated.getPermissions());
    }

    @Test
    void updateOfPermissionsOnlyChangesThem() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), List.of(Permission.read(Role.any())));

        Document updated = db.updateDocument(DB, MOVIES, "up", null, List.of(Permission.read(Role.users())));

        assertEquals(List.of("read(\"users\")"), updated.getPermissions());
        assertEquals(List.of("read(\"users\")"), db.getDocument(DB, MOVIES, "up").getPermissions());
    }

    @Test
    void updateWithoutDataAndPermissionsIsRefused() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        assertError("document_missing_payload", 400, () -> db.updateDocument(DB, MOVIES, "up", Map.of(), null));
    }

    @Test
    void updateThatChangesNothingKeepsUpdatedAt() throws InterruptedException {
        Document created = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009), null);
        Thread.sleep(2);

        Document same = db.updateDocument(DB, MOVIES, "up", Map.of("year", 2009), null);

        assertEquals(created.getUpdatedAt(), same.getUpdatedAt());
    }

    @Test
    void updateOfMissingDocumentIsNotFound() {
        assertError("document_not_found", 404, () -> db.updateDocument(DB, MOVIES, "nope", Map.of("year", 1), null));
    }

    @Test
    void upsertCreatesAMissingDocument() {
        Document doc = db.upsertDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        assertEquals(doc, db.getDocument(DB, MOVIES, "up"));
    }

    @Test
    void upsertReplacesAnExistingDocumentAndKeepsCreatedAtAndPermissions() {
        Document created = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009),
                List.of(Permission.read(Role.any())));

        Document replaced = db.upsertDocument(DB, MOVIES, "up", Map.of("title", "Up!"), null);

        assertEquals("Up!", replaced.get("title"));
        assertNull(replaced.get("year"));
        assertEquals(created.getCreatedAt(), replaced.getCreatedAt());
        assertEquals(created.getSequence(), replaced.getSequence());
        assertEquals(List.of("read(\"any\")"), replaced.getPermissions());
    }

    @Test
    void deleteRemovesTheDocument() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        db.deleteDocument(DB, MOVIES, "up");

        assertError("document_not_found", 404, () -> db.getDocument(DB, MOVIES, "up"));
        assertError("document_not_found", 404, () -> db.deleteDocument(DB, MOVIES, "up"));
    }

    @Test
    void deletedIdCanBeUsedAgain() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);
        db.deleteDocument(DB, MOVIES, "up");

        assertEquals("Again", db.createDocument(DB, MOVIES, "up", Map.of("title", "Again"), null).get("title"));
    }

    @Test
    void systemFieldsInDataAreIgnoredButTheTimestampsOfARoundTrip() {
        Document created = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);
        Map<String, Object> roundTrip = created.toMap();
        roundTrip.put("year", 2009);
        roundTrip.put("$sequence", 999);
        roundTrip.put("$collectionId", "other");

        Document updated = db.updateDocument(DB, MOVIES, "up", roundTrip, null);

        assertEquals(created.getSequence(), updated.getSequence());
        assertEquals(MOVIES, updated.getCollectionId());
        // The root handle is an API key, which may set the timestamps: the round trip carries both.
        assertEquals(created.getCreatedAt(), updated.getCreatedAt());
        assertEquals(created.getUpdatedAt(), updated.getUpdatedAt());
        assertEquals(2009L, updated.get("year"));
    }

    @Test
    void otherDollarKeysAreUnknownAttributes() {
        assertError("document_invalid_structure", 400, "Invalid document structure: Unknown attribute: \"$secret\"",
                () -> db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "$secret", 1), null));
    }

    @Test
    void toMapHasAppwritesShape() {
        Document doc = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009), null);

        assertEquals(List.of("$id", "$sequence", "$collectionId", "$databaseId", "$createdAt", "$updatedAt",
                "$permissions", "title", "year", "rating", "genres"), new ArrayList<>(doc.toMap().keySet()));
        assertTrue(doc.toJson().startsWith("{\"$id\":\"up\",\"$sequence\":" + doc.getSequence() + ","), doc.toJson());
    }

    record Movie(@JsonProperty("$id") String id, String title, Long year, List<String> genres) {
    }

    public static final class MovieBean {
        private String title;
        private long year;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public long getYear() {
            return year;
        }

        public void setYear(long year) {
            this.year = year;
        }
    }

    @Test
    void recordsAreAcceptedAsDataAndMappedBack() {
        db.createDocument(DB, MOVIES, "up", new Movie(null, "Up", 2009L, List.of("animation")), null);

        Movie movie = db.getDocument(DB, MOVIES, "up").to(Movie.class);

        assertEquals(new Movie("up", "Up", 2009L, List.of("animation")), movie);
    }

    @Test
    void beansAreAcceptedAsDataAndMappedBack() {
        MovieBean bean = new MovieBean();
        bean.setTitle("Heat");
        bean.setYear(1995);

        db.createDocument(DB, MOVIES, "heat", bean, null);

        assertEquals(1995, db.getDocument(DB, MOVIES, "heat").to(MovieBean.class).getYear());
    }

    @Test
    void mappingOntoAnIncompatibleTypeIsAnArgumentError() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);
        record Wrong(List<Integer> title) {
        }

        assertError("general_argument_invalid", 400, () -> db.getDocument(DB, MOVIES, "up").to(Wrong.class));
    }

    @Test
    void getWithSelectReturnsOnlyTheChosenAttributes() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009), null);

        Document doc = db.getDocument(DB, MOVIES, "up", List.of(Query.select(List.of("year"))));

        assertEquals(Map.of("year", 2009L), doc.getData());
        assertEquals("up", doc.getId());
    }

    @Test
    void getRefusesQueriesOtherThanSelect() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        assertError("general_query_invalid", 400,
                () -> db.getDocument(DB, MOVIES, "up", List.of(Query.equal("title", "Up"))));
    }

    @Test
    void listWithoutQueriesReturnsTheFirst25InInsertionOrderWithTheExactTotal() {
        for (int i = 0; i < 30; i++) {
            db.createDocument(DB, MOVIES, "m" + (29 - i), Map.of("title", "T" + i), null);
        }

        DocumentList list = db.listDocuments(DB, MOVIES, List.of());

        assertEquals(30, list.getTotal());
        assertEquals(25, list.getDocuments().size());
        assertEquals("m29", list.getDocuments().get(0).getId());
        assertEquals("m5", list.getDocuments().get(24).getId());
    }

    @Test
    void listCanSkipTheTotal() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        DocumentList list = db.listDocuments(DB, MOVIES, List.of(), false);

        assertEquals(0, list.getTotal());
        assertEquals(1, list.getDocuments().size());
    }

    @Test
    void failedCreateStoresNothing() {
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"), null);

        assertError("document_invalid_structure", 400,
                () -> db.createDocument(DB, MOVIES, "bad", Map.of("title", "Bad", "year", "1999"), null));
        assertError("document_already_exists", 409,
                () -> db.createDocument(DB, MOVIES, "up", Map.of("title", "Other"), List.of(Permission.read(Role.any()))));
        assertError("general_argument_invalid", 400,
                () -> db.createDocument(DB, MOVIES, "bad2", Map.of("title", "Bad"), List.of("i dont work")));

        DocumentList list = db.listDocuments(DB, MOVIES, List.of());
        assertEquals(1, list.getTotal());
        assertEquals(List.of(), list.getDocuments().get(0).getPermissions());
        assertEquals("Up", list.getDocuments().get(0).get("title"));
    }

    @Test
    void failedUpdateChangesNothing() {
        Document before = db.createDocument(DB, MOVIES, "up", Map.of("title", "Up", "year", 2009),
                List.of(Permission.read(Role.any())));

        assertError("document_invalid_structure", 400,
                () -> db.updateDocument(DB, MOVIES, "up", Map.of("year", "x"), List.of(Permission.read(Role.users()))));
        assertError("general_argument_invalid", 400,
                () -> db.updateDocument(DB, MOVIES, "up", Map.of("year", 2010), List.of("read(\"*\")")));

        assertEquals(before, db.getDocument(DB, MOVIES, "up"));
    }

    @Test
    void unknownDatabaseAndCollectionAreReported() {
        assertError("database_not_found", 404, () -> db.getDocument("nope", MOVIES, "up"));
        assertError("collection_not_found", 404, () -> db.getDocument(DB, "nope", "up"));
        assertError("collection_not_found", 404, () -> db.listDocuments(DB, "nope", List.of()));
    }

    @Test
    void concurrentWritersOnOneHandleLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = "t" + thread + "-" + i;
                        db.createDocument(DB, MOVIES, id, Map.of("title", id, "year", i), null);
                        db.updateDocument(DB, MOVIES, id, Map.of("year", i + 1), null);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        DocumentList all = db.listDocuments(DB, MOVIES, List.of(Query.limit(1000)));
        assertEquals(threads * perThread, all.getTotal());
        Map<String, Long> years = new HashMap<>();
        all.getDocuments().forEach(d -> years.put(d.getId(), (Long) d.get("year")));
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertEquals(i + 1L, years.get("t" + t + "-" + i));
            }
        }
    }

    @Test
    void concurrentCreatesOfOneIdLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    try {
                        db.createDocument(DB, MOVIES, "contested", Map.of("title", "x"), null);
                        return "created";
                    } catch (QuireException e) {
                        return e.getType();
                    }
                }));
            }
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            for (Future<String> future : futures) {
                outcomes.merge(future.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of("created", 1, "document_already_exists", 7), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }
}
