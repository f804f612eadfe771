package dev.quire.queries;

import dev.quire.Attribute;
import dev.quire.Collection;
import dev.quire.Database;
import dev.quire.Databases;
import dev.quire.Index;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static dev.quire.queries.Movies.assertQueryInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries on {@code list}, {@code listCollections} and {@code listAttributes}, on their Appwrite fields.
 *
 * <pre>
 * databases (in creation order): alpha "Alpha" enabled, beta "Beta" disabled, gamma "Gamma" enabled
 * alpha's collections:           books "Books", authors "Authors", zines "Zines" (documentSecurity)
 * books' attributes:             title string(128) required, pages integer, tags string(32)[], price double
 * books' indexes:                by_title unique(title), by_pages_price key(pages, price), by_price key(price)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataListQueryTest {
    private final Databases db = Databases.inMemory();

    @BeforeAll
    void open() {
        db.create("alpha", "Alpha", true);
        db.create("beta", "Beta", false);
        db.create("gamma", "Gamma", true);
        db.createCollection("alpha", "books", "Books", List.of(), false, true);
        db.createCollection("alpha", "authors", "Authors", List.of(), false, true);
        db.createCollection("alpha", "zines", "Zines", List.of(), true, true);
        db.createStringAttribute("alpha", "books", "title", 128, true, null, false);
        db.createIntegerAttribute("alpha", "books", "pages", false, null, null, null, false);
        db.createStringAttribute("alpha", "books", "tags", 32, false, null, true);
        db.createFloatAttribute("alpha", "books", "price", false, null, null, null, false);
        db.createIndex("alpha", "books", "by_title", IndexType.UNIQUE, List.of("title"), null, null);
        db.createIndex("alpha", "books", "by_pages_price", IndexType.KEY, List.of("pages", "price"), null, null);
        db.createIndex("alpha", "books", "by_price", IndexType.KEY, List.of("price"), null, null);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private List<String> databases(String... queries) {
        return db.list(List.of(queries)).getDatabases().stream().map(Database::getId).toList();
    }

    private List<String> collections(String databaseId, String... queries) {
        return db.listCollections(databaseId, List.of(queries)).getCollections().stream().map(Collection::getId).toList();
    }

    private List<String> attributes(String... queries) {
        return db.listAttributes("alpha", "books", List.of(queries)).getAttributes().stream().map(Attribute::getKey).toList();
    }

    @Test
    void databasesFilterOnEnabledAndName() {
        assertEquals(List.of("alpha", "gamma"), databases(Query.equal("enabled", true)));
        assertEquals(List.of("alpha"), databases(Query.startsWith("name", "Al")));
        assertEquals(List.of("beta"), databases(Query.equal("$id", "beta")));
    }

    @Test
    void databasesOrderAndPage() {
        assertEquals(List.of("gamma", "beta", "alpha"), databases(Query.orderDesc("name")));
        assertEquals(List.of("gamma", "beta", "alpha"), databases(Query.orderDesc("$createdAt")));
        assertEquals(List.of("beta"), databases(Query.limit(1), Query.offset(1)));
        assertEquals(3, db.list(List.of(Query.limit(1))).getTotal());
        assertEquals(2, db.list(List.of(Query.equal("enabled", true), Query.limit(1))).getTotal());
    }

    @Test
    void databasesPageWithCursors() {
        assertEquals(List.of("beta", "gamma"), databases(Query.cursorAfter("alpha")));
        assertEquals(List.of("alpha", "beta"), databases(Query.cursorBefore("gamma")));
        assertEquals(List.of("beta"), databases(Query.orderDesc("name"), Query.cursorAfter("gamma"), Query.limit(1)));
    }

    @Test
    void databaseCursorOnAMissingDatabaseIsCursorNotFound() {
        QuireException e = assertThrows(QuireException.class, () -> db.list(List.of(Query.cursorAfter("omega"))));
        assertEquals("general_cursor_not_found", e.getType());
        assertEquals(400, e.getCode());
        assertTrue(e.getMessage().contains("'omega'"), e.getMessage());
    }

    @Test
    void databasesRejectUnknownFields() {
        assertQueryInvalid(assertThrows(QuireException.class, () -> db.list(List.of(Query.equal("documentSecurity", true)))),
                "Invalid query: Attribute not found in schema: documentSecurity");
    }

    @Test
    void collectionsFilterOnTheirFields() {
        assertEquals(List.of("zines"), collections("alpha", Query.equal("documentSecurity", true)));
        assertEquals(List.of("books", "authors"), collections("alpha", Query.equal("documentSecurity", false)));
        assertEquals(List.of("authors"), collections("alpha", Query.contains("name", "uth")));
    }

    @Test
    void collectionsOrderPageAndCount() {
        assertEquals(List.of("authors", "books", "zines"), collections("alpha", Query.orderAsc("name")));
        assertEquals(List.of("zines"), collections("alpha", Query.orderAsc("name"), Query.cursorAfter("books")));
        assertEquals(List.of("authors"), collections("alpha", Query.orderAsc("name"), Query.cursorBefore("books")));
        assertEquals(3, db.listCollections("alpha", List.of(Query.limit(1))).getTotal());
    }

    @Test
    void collectionsAreScopedToTheirDatabase() {
        assertEquals(List.of(), collections("gamma"));
        assertEquals(0, db.listCollections("gamma", List.of()).getTotal());
        QuireException e = assertThrows(QuireException.class,
                () -> db.listCollections("gamma", List.of(Query.cursorAfter("books"))));
        assertEquals("general_cursor_not_found", e.getType());
        assertEquals(400, e.getCode());
    }

    @Test
    void attributesFilterOnTypeArrayRequiredAndSize() {
        assertEquals(List.of("title", "tags"), attributes(Query.equal("type", "string")));
        assertEquals(List.of("price"), attributes(Query.equal("type", "double")));
        assertEquals(List.of("tags"), attributes(Query.equal("array", true)));
        assertEquals(List.of("title"), attributes(Query.equal("required", true)));
        assertEquals(List.of("title"), attributes(Query.greaterThan("size", 64)));
        assertEquals(List.of("title", "pages", "tags", "price"), attributes(Query.equal("status", "available")));
    }

    @Test
    void attributesOrderPageAndCount() {
        assertEquals(List.of("pages", "price", "tags", "title"), attributes(Query.orderAsc("key")));
        assertEquals(List.of("title", "pages"), attributes(Query.limit(2)));
        assertEquals(List.of("tags", "price"), attributes(Query.cursorAfter("pages")));
        assertEquals(List.of("tags", "title"), attributes(Query.orderAsc("key"), Query.cursorAfter("price")));
        assertEquals(4, db.listAttributes("alpha", "books", List.of(Query.limit(1))).getTotal());
        assertEquals(1, db.listAttributes("alpha", "books", List.of(Query.equal("array", true))).getTotal());
    }

    @Test
    void attributesRejectDocumentFields() {
        assertQueryInvalid(assertThrows(QuireException.class,
                        () -> db.listAttributes("alpha", "books", List.of(Query.equal("title", "x")))),
                "Invalid query: Attribute not found in schema: title");
    }

    @Test
    void orderRandomCannotBeCombinedWithACursorInMetadataLists() {
        QuireException e = assertThrows(QuireException.class,
                () -> db.list(List.of(Query.orderRandom(), Query.cursorAfter("alpha"))));
        assertQueryInvalid(e, "Invalid query: Cursor pagination cannot be combined with orderRandom");
        assertEquals(3, db.list(List.of(Query.orderRandom())).getDatabases().size());
    }

    private List<String> indexes(String... queries) {
        return db.listIndexes("alpha", "books", List.of(queries)).getIndexes().stream().map(Index::getKey).toList();
    }

    @Test
    void indexesFilterOrderAndPage() {
        assertEquals(List.of("by_pages_price", "by_price"), indexes(Query.equal("type", "key")));
        assertEquals(List.of("by_title"), indexes(Query.startsWith("key", "by_t"), Query.notEqual("type", "key")));
        assertEquals(List.of("by_title", "by_price", "by_pages_price"), indexes(Query.orderDesc("key")));
        assertEquals(List.of("by_price"), indexes(Query.cursorAfter("by_pages_price")));
        assertEquals(3, db.listIndexes("alpha", "books", List.of(Query.limit(1))).getTotal());
    }

    @Test
    void indexesFilterOnTheirAttributes() {
        assertEquals(List.of("by_pages_price", "by_price"), indexes(Query.contains("attributes", "price")));
        assertEquals(List.of("by_title", "by_pages_price"), indexes(Query.containsAny("attributes", List.of("title", "pages"))));
        assertEquals(List.of("by_title", "by_price"), indexes(Query.notContains("attributes", "pages")));
    }
}
