package dev.quire.indexes;

import dev.quire.Databases;
import dev.quire.Index;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Specification of createIndex, getIndex, listIndexes and deleteIndex, with Appwrite's rules and errors. */
class IndexesTest {
    private static final String DB = "app";
    private static final String MOVIES = "movies";
    private Databases db;

    @BeforeEach
    void createMovies() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, MOVIES, "Movies");
        db.createStringAttribute(DB, MOVIES, "title", 255, true, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", false, null, null, null, false);
        db.createFloatAttribute(DB, MOVIES, "rating", false, null, null, null, false);
        db.createStringAttribute(DB, MOVIES, "genres", 32, false, null, true);
        db.createUrlAttribute(DB, MOVIES, "homepage", false, null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static QuireException assertError(String type, int code, Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertEquals(type + "/" + code, e.getType() + "/" + e.getCode(), e.getMessage());
        return e;
    }

    @Test
    void aCreatedIndexIsAvailableAndReadBack() {
        Index index = db.createIndex(DB, MOVIES, "by_year", IndexType.KEY, List.of("year", "title"),
                List.of("DESC", "ASC"), null);
        assertEquals("key", index.getType());
        assertEquals("available", index.getStatus());
        assertEquals(List.of("year", "title"), index.getAttributes());
        assertEquals(List.of("DESC", "ASC"), index.getOrders());
        assertEquals(List.of(0, 0), index.getLengths());
        assertEquals(index, db.getIndex(DB, MOVIES, "by_year"));
        assertEquals(List.of(index), db.listIndexes(DB, MOVIES, null).getIndexes());
        assertEquals(List.of(index), db.getCollection(DB, MOVIES).getIndexes());
    }

    @Test
    void aUniqueIndexRefusesADuplicate() {
        db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null);
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"));
        assertError("document_already_exists", 409,
                () -> db.createDocument(DB, MOVIES, "up2", Map.of("title", "Up")));
        assertEquals(1, db.listDocuments(DB, MOVIES, null).getTotal());
    }

    @Test
    void aUniqueIndexOverDuplicatesFailsAndLeavesNoIndex() {
        db.createDocument(DB, MOVIES, "a", Map.of("title", "Up"));
        db.createDocument(DB, MOVIES, "b", Map.of("title", "Up"));
        assertError("index_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null));
        assertEquals(0, db.listIndexes(DB, MOVIES, null).getTotal());
        db.createDocument(DB, MOVIES, "c", Map.of("title", "Up"));
    }

    @Test
    void errors() {
        db.createIndex(DB, MOVIES, "by_year", IndexType.KEY, List.of("year"), null, null);
        assertError("index_already_exists", 409,
                () -> db.createIndex(DB, MOVIES, "BY_YEAR", IndexType.KEY, List.of("title"), null, null));
        assertError("attribute_unknown", 400,
                () -> db.createIndex(DB, MOVIES, "x", IndexType.KEY, List.of("nope"), null, null));
        assertError("index_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "x", IndexType.KEY, List.of("year"), null, null));
        assertError("index_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "x", IndexType.FULLTEXT, List.of("year"), null, null));
        assertError("index_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "x", IndexType.KEY, List.of("homepage"), null, null));
        assertError("index_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "x", IndexType.KEY, List.of("genres"), null, List.of(10)));
        assertError("index_not_found", 404, () -> db.getIndex(DB, MOVIES, "nope"));
        assertError("index_not_found", 404, () -> db.deleteIndex(DB, MOVIES, "nope"));
        db.createIndex(DB, MOVIES, "sys", IndexType.KEY, List.of("$id", "$createdAt", "$updatedAt"), null, null);
        db.createIndex(DB, MOVIES, "home", IndexType.KEY, List.of("homepage"), null, Arrays.asList(100));
        db.deleteIndex(DB, MOVIES, "by_year");
        assertEquals(2, db.listIndexes(DB, MOVIES, List.of(Query.contains("attributes", "$id"))).getTotal()
                + db.listIndexes(DB, MOVIES, List.of(Query.equal("key", "home"))).getTotal());
    }
}
