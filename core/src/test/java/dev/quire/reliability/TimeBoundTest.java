package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The store's time bound stops a statement that runs past it, even inside one long value, and answers with
 * Appwrite's {@code database_timeout}; the store goes on serving. Each call is bounded (60 s) so a bound that
 * does not hold fails the build instead of hanging it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeBoundTest {
    private static final String DB = "bounded";
    private static final String COLL = "texts";
    private static final Duration HANG = Duration.ofSeconds(60);

    private Databases db;

    @BeforeAll
    void schema() {
        db = Databases.builder().inMemory().timeout(Duration.ofMillis(100)).build();
        db.create(DB, "Bounded");
        db.createCollection(DB, COLL, "Texts");
        db.createStringAttribute(DB, COLL, "text", 10_000_000, false, null, false);
        db.createDocument(DB, COLL, "huge", Map.of("text", "B".repeat(10_000_000)), null);
        db.createDocument(DB, COLL, "small", Map.of("text", "Bob"), null);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private QuireException assertTimesOut(String query) {
        QuireException e = assertTimeoutPreemptively(HANG, () -> assertThrows(QuireException.class,
                () -> db.listDocuments(DB, COLL, List.of(query))));
        assertEquals("database_timeout", e.getType(), e.getMessage());
        assertEquals(408, e.getCode());
        assertEquals("Database timed out. Try adjusting your queries or adding an index.", e.getMessage());
        return e;
    }

    @Test
    void aRegexThatRunsPastTheBoundInsideOneValueIsCancelled() {
        // RE2/J never backtracks, but 480 alternatives over ten million characters is minutes of work.
        assertTimesOut(Query.regex("text", "(B|b)".repeat(480) + "C"));
    }

    @Test
    void aContainsThatRunsPastTheBoundInsideOneValueIsCancelled() {
        assertTimesOut(Query.contains("text", "B".repeat(4_999) + "C"));
    }

    @Test
    void theStoreServesTheNextCallsAfterATimeout() {
        assertTimesOut(Query.regex("text", "(B|b)".repeat(480) + "C"));
        db.updateDocument(DB, COLL, "small", Map.of("text", "Bobby"), null);
        assertEquals("Bobby", db.getDocument(DB, COLL, "small").get("text"));
        assertEquals(List.of("small"), db.listDocuments(DB, COLL, List.of(Query.equal("text", "Bobby")))
                .getDocuments().stream().map(d -> d.getId()).toList());
    }

    @Test
    void withoutABoundTheSameStoreRunsLongStatements() {
        try (Databases unbounded = Databases.builder().inMemory().timeout(Duration.ZERO).build()) {
            unbounded.create(DB, "Unbounded");
            unbounded.createCollection(DB, COLL, "Texts");
            unbounded.createStringAttribute(DB, COLL, "text", 10_000_000, false, null, false);
            unbounded.createDocument(DB, COLL, "huge", Map.of("text", "B".repeat(10_000_000)), null);
            assertEquals(0, assertTimeoutPreemptively(HANG, () -> unbounded.listDocuments(DB, COLL,
                    List.of(Query.contains("text", "B".repeat(4_999) + "C")))).getDocuments().size());
        }
    }

    @Test
    void theBoundMustBeZeroOrAtLeastAMillisecond() {
        assertThrows(IllegalArgumentException.class, () -> Databases.builder().timeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> Databases.builder().timeout(Duration.ofNanos(10)));
        assertThrows(NullPointerException.class, () -> Databases.builder().timeout(null));
    }
}
