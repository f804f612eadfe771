package dev.quire.junit;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension as a test author meets it; this module runs its tests in parallel (junit-platform.properties). */
@QuireTest(schema = "appwrite.json", data = "fixtures/movies.json")
class QuireTestTest {
    private static final Queue<Databases> SEEN = new ConcurrentLinkedQueue<>();

    Databases field;

    @AfterAll
    static void everyStoreWasClosedAfterItsTest() {
        assertTrue(SEEN.size() >= 20);
        for (Databases db : SEEN) {
            QuireException e = assertThrows(QuireException.class, () -> db.list(null));
            assertEquals("store_closed", e.getType(), e.getMessage());
        }
    }

    @Test
    void theSchemaIsAppliedAndTheFixturesLoaded(Databases db) {
        SEEN.add(db);
        assertEquals(10, db.getCollection("app", "movies").getAttributes().size());
        assertEquals(List.of("up", "avatar"), db.listDocuments("app", "movies",
                List.of(Query.equal("year", 2009))).getDocuments().stream().map(Document::getId).toList());
        assertEquals(20, db.listDocuments("app", "movies", List.of(Query.equal("title", "Alien")))
                .getDocuments().get(0).getId().length(), "a fixture without $id gets a unique one");
    }

    @Test
    void fixturePermissionsAreKept(Databases db) {
        SEEN.add(db);
        assertEquals(List.of("read(\"user:alice\")", "update(\"user:alice\")"),
                db.getDocument("app", "movies", "up").getPermissions());
        assertEquals(List.of(), db.getDocument("app", "movies", "avatar").getPermissions());
    }

    @Test
    void aFieldReceivesTheSameStoreAsTheParameter(Databases db) {
        SEEN.add(db);
        assertSame(db, field);
    }

    @RepeatedTest(20)
    void everyTestHasAStoreOfItsOwnEvenInParallel(Databases db) {
        SEEN.add(db);
        db.createDocument("app", "movies", "probe", Map.of("title", "Probe"), null);
        assertEquals(4, db.listDocuments("app", "movies", null).getTotal());
    }

    @Test
    @QuireTest
    void aMethodAnnotationReplacesTheClasses(Databases db) {
        SEEN.add(db);
        assertEquals(0, db.list(null).getTotal());
    }

    @Nested
    class Nesting {
        private Databases fromBeforeEach;

        @BeforeEach
        void remember(Databases db) {
            fromBeforeEach = db;
        }

        @Test
        void aNestedClassUsesTheEnclosingSettingsAndOneStorePerTest(Databases db) {
            SEEN.add(db);
            assertSame(db, fromBeforeEach);
            assertSame(db, field, "the enclosing instance's field is filled too");
            assertNotNull(db.getDocument("app", "movies", "avatar"));
        }
    }
}
