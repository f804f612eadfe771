package dev.quire;

import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Condition;
import dev.quire.query.Operator;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** incrementDocumentAttribute, decrementDocumentAttribute and operators in updateDocument/upsertDocument. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class AtomicUpdatesTest {
    private static final String DB = "app";
    private static final String POSTS = "posts";

    private final StoreKind kind;
    @TempDir
    Path directory;
    private Databases db;

    AtomicUpdatesTest(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void createPosts() {
        db = kind.open(directory);
        db.create(DB, "App");
        db.createCollection(DB, POSTS, "Posts", List.of(Permission.read(Role.any())), true, true);
        db.createStringAttribute(DB, POSTS, "title", 24, false, null, false);
        db.createIntegerAttribute(DB, POSTS, "likes", false, null, null, null, false);
        db.createFloatAttribute(DB, POSTS, "score", false, null, null, null, false);
        db.createBooleanAttribute(DB, POSTS, "pinned", false, null, false);
        db.createStringAttribute(DB, POSTS, "tags", 16, false, null, true);
        db.createDatetimeAttribute(DB, POSTS, "due", false, null, false);
        db.createDocument(DB, POSTS, "p1", Map.of("title", "Hello", "likes", 10, "score", 1.5,
                "due", "2026-01-01T00:00:00.000+00:00", "tags", List.of("a", "b")), null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Object likes() {
        return db.getDocument(DB, POSTS, "p1").get("likes");
    }

    // ---- the endpoints --------------------------------------------------------------------------------

    @Test
    void incrementAddsOneByDefaultAndReturnsTheDocument() throws InterruptedException {
        String before = db.getDocument(DB, POSTS, "p1").getUpdatedAt();
        Thread.sleep(2);   // timestamps have millisecond precision: let the clock move past the create's

        Document after = db.incrementDocumentAttribute(DB, POSTS, "p1", "likes");

        assertEquals(11L, after.get("likes"));
        assertEquals("Hello", after.get("title"));
        assertEquals(11L, likes());
        assertNotEquals(before, db.getDocument(DB, POSTS, "p1").getUpdatedAt());
    }

    @Test
    void incrementAndDecrementByAValue() {
        assertEquals(14L, db.incrementDocumentAttribute(DB, POSTS, "p1", "likes", 4, null).get("likes"));
        assertEquals(9L, db.decrementDocumentAttribute(DB, POSTS, "p1", "likes", 5, null).get("likes"));
        assertEquals(2.0, db.incrementDocumentAttribute(DB, POSTS, "p1", "score", 0.5, null).get("score"));
    }

    @Test
    void aNullValueCountsAsZero() {
        db.createDocument(DB, POSTS, "p2", Map.of("title", "Empty"), null);
        assertEquals(1L, db.incrementDocumentAttribute(DB, POSTS, "p2", "likes").get("likes"));
    }

    @Test
    void passingTheBoundFailsAndChangesNothing() {
        assertEquals(12L, db.incrementDocumentAttribute(DB, POSTS, "p1", "likes", 2, 12).get("likes"));
        assertError("attribute_limit_exceeded", 400, "databases \"likes\" has reached the maximum value of 12",
                () -> db.incrementDocumentAttribute(DB, POSTS, "p1", "likes", 1, 12));
        assertError("attribute_limit_exceeded", 400, "databases \"likes\" has reached the minimum value of 5",
                () -> db.decrementDocumentAttribute(DB, POSTS, "p1", "likes", 8, 5));
        assertEquals(12L, likes());
    }

    @Test
    void theValueMustBeAboveZero() {
        assertError("general_argument_invalid", 400, "Value must be numeric and greater than 0",
                () -> db.incrementDocumentAttribute(DB, POSTS, "p1", "likes", 0, null));
        assertError("general_argument_invalid", 400,
                () -> db.decrementDocumentAttribute(DB, POSTS, "p1", "likes", -1, null));
    }

    @Test
    void unknownAttributesAndMissingDocumentsAreAttributeNotFound() {
        assertError("attribute_not_found", 404, () -> db.incrementDocumentAttribute(DB, POSTS, "p1", "nope"));
        assertError("attribute_not_found", 404, () -> db.incrementDocumentAttribute(DB, POSTS, "missing", "likes"));
        assertError("collection_not_found", 404, () -> db.incrementDocumentAttribute(DB, "nope", "p1", "likes"));
    }

    @Test
    void onlyANumberCanBeIncremented() {
        assertError("attribute_type_invalid", 400, "databases \"title\" is not a number",
                () -> db.incrementDocumentAttribute(DB, POSTS, "p1", "title"));
        assertError("attribute_type_invalid", 400, () -> db.decrementDocumentAttribute(DB, POSTS, "p1", "tags"));
    }

    @Test
    void aCallerNeedsUpdatePermission() {
        Databases alice = db.as(Caller.user("alice"));
        assertError("user_unauthorized", 401, () -> alice.incrementDocumentAttribute(DB, POSTS, "p1", "likes"));
        assertEquals(10L, likes());

        db.updateDocument(DB, POSTS, "p1", Map.of(), List.of(Permission.read(Role.any()),
                Permission.update(Role.user("alice"))));
        assertEquals(11L, alice.incrementDocumentAttribute(DB, POSTS, "p1", "likes").get("likes"));
    }

    @Test
    void anIntegerBeyondSixtyFourBitsIsRefused() {
        db.updateDocument(DB, POSTS, "p1", Map.of("likes", Long.MAX_VALUE), null);
        assertError("document_invalid_structure", 400, () -> db.incrementDocumentAttribute(DB, POSTS, "p1", "likes"));
        assertEquals(Long.MAX_VALUE, likes());
    }

    @Test
    void concurrentIncrementsAllCount() throws Exception {
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean viaOperator = t % 2 == 0;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        if (viaOperator) {
                            db.updateDocument(DB, POSTS, "p1", Map.of("likes", Operator.increment(2)), null);
                        } else {
                            db.incrementDocumentAttribute(DB, POSTS, "p1", "likes", 2, null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10L + (long) threads * each * 2, likes());
    }

    // ---- operators in updateDocument and upsertDocument -----------------------------------------------

    @Test
    void operatorsOfEveryKindInOneUpdate() {
        Document after = db.updateDocument(DB, POSTS, "p1", Map.of(
                "likes", Operator.multiply(3),
                "score", Operator.divide(2),
                "title", Operator.stringConcat(" world"),
                "pinned", Operator.toggle(),
                "tags", Operator.arrayPrepend(List.of("z")),
                "due", Operator.dateAddDays(10)), null);

        assertEquals(30L, after.get("likes"));
        assertEquals(0.75, after.get("score"));
        assertEquals("Hello world", after.get("title"));
        assertEquals(true, after.get("pinned"));
        assertEquals(List.of("z", "a", "b"), after.get("tags"));
        assertEquals("2026-01-11T00:00:00.000+00:00", after.get("due"));
        assertEquals(after.getData(), db.getDocument(DB, POSTS, "p1").getData());
    }

    @Test
    void boundedOperatorsClampInsteadOfFailing() {
        assertEquals(12L, db.updateDocument(DB, POSTS, "p1", Map.of("likes", Operator.increment(5, 12)), null)
                .get("likes"));
        assertEquals(0L, db.updateDocument(DB, POSTS, "p1", Map.of("likes", Operator.decrement(50, 0)), null)
                .get("likes"));
    }

    @Test
    void arrayOperatorsFilterAndRemove() {
        db.updateDocument(DB, POSTS, "p1", Map.of("tags", Operator.arrayAppend(List.of("a", "c"))), null);
        db.updateDocument(DB, POSTS, "p1", Map.of("tags", Operator.arrayUnique()), null);
        assertEquals(List.of("a", "b", "c"), db.getDocument(DB, POSTS, "p1").get("tags"));
        db.updateDocument(DB, POSTS, "p1", Map.of("tags", Operator.arrayFilter(Condition.NOT_EQUAL, "b")), null);
        assertEquals(List.of("a", "c"), db.getDocument(DB, POSTS, "p1").get("tags"));
    }

    @Test
    void aMalformedOperatorIsABadRequest() {
        assertError("general_bad_request", 400,
                "Invalid operator for attribute \"likes\": Invalid operator values. Must be an array, got string",
                () -> db.updateDocument(DB, POSTS, "p1",
                        Map.of("likes", "{\"method\":\"increment\",\"values\":\"x\"}"), null));
    }

    @Test
    void anOperatorThatDoesNotFitIsAnInvalidStructure() {
        assertError("document_invalid_structure", 400,
                "Invalid document structure: Cannot apply increment operator to non-numeric field 'title'",
                () -> db.updateDocument(DB, POSTS, "p1", Map.of("title", Operator.increment()), null));
        assertError("document_invalid_structure", 400,
                "Invalid document structure: Cannot apply stringConcat operator: result would exceed maximum "
                        + "length of 24 characters",
                () -> db.updateDocument(DB, POSTS, "p1", Map.of("title",
                        Operator.stringConcat(" and a longer goodbye")), null));
        assertError("document_invalid_structure", 400, "Invalid document structure: Unknown attribute: \"nope\"",
                () -> db.updateDocument(DB, POSTS, "p1", Map.of("nope", Operator.increment()), null));
        assertEquals("Hello", db.getDocument(DB, POSTS, "p1").get("title"));
    }

    @Test
    void anOperatorIsAChangeThatNeedsUpdatePermission() {
        Databases alice = db.as(Caller.user("alice"));
        assertError("user_unauthorized", 401,
                () -> alice.updateDocument(DB, POSTS, "p1", Map.of("likes", Operator.increment(0)), null));
    }

    @Test
    void upsertAppliesOperatorsToTheStoredOrToNoValue() {
        assertEquals(13L, db.upsertDocument(DB, POSTS, "p1", Map.of("title", "Hello", "likes", Operator.increment(3)),
                null).get("likes"));
        Map<String, Object> fresh = new HashMap<>();
        fresh.put("likes", Operator.increment(3));
        fresh.put("pinned", Operator.toggle());
        Document created = db.upsertDocument(DB, POSTS, "p9", fresh, null);
        assertEquals(3L, created.get("likes"));
        assertEquals(true, created.get("pinned"));
    }

    @Test
    void anOperatorStringInACreateIsStoredAsText() {
        Document created = db.createDocument(DB, POSTS, "p3", Map.of("title", "{\"method\":\"toggle\"}"), null);
        assertEquals("{\"method\":\"toggle\"}", created.get("title"));
    }
}
