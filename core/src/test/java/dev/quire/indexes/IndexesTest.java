package dev.quire.indexes;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.Index;
import dev.quire.IndexList;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.permissions.Caller;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
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
        db.createStringAttribute(DB, MOVIES, "director", 255, false, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", false, null, null, null, false);
        db.createFloatAttribute(DB, MOVIES, "rating", false, null, null, null, false);
        db.createStringAttribute(DB, MOVIES, "genres", 32, false, null, true);
        db.createUrlAttribute(DB, MOVIES, "homepage", false, null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static QuireException assertError(String type, int code, Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertEquals(type + "/" + code, e.getType() + "/" + e.getCode(), e.getMessage());
        return e;
    }

    private static void assertError(String type, int code, String message, Executable call) {
        assertEquals(message, assertError(type, code, call).getMessage());
    }

    private Index key(String key, String... attributes) {
        return db.createIndex(DB, MOVIES, key, IndexType.KEY, List.of(attributes), null, null);
    }

    private List<String> ids(List<String> queries) {
        return db.listDocuments(DB, MOVIES, queries).getDocuments().stream().map(Document::getId).toList();
    }

    // ---- create, get, list, delete -------------------------------------------------------------------------

    @Test
    void aCreatedIndexIsAvailableAndReadsBackEverywhere() {
        Index index = db.createIndex(DB, MOVIES, "by_year", IndexType.KEY, List.of("year", "title"),
                List.of("DESC", "ASC"), null);
        assertEquals("by_year", index.getKey());
        assertEquals("key", index.getType());
        assertEquals("available", index.getStatus());
        assertEquals("", index.getError());
        assertEquals(List.of("year", "title"), index.getAttributes());
        assertEquals(List.of("DESC", "ASC"), index.getOrders());
        assertEquals(List.of(0, 0), index.getLengths());
        assertEquals(index, db.getIndex(DB, MOVIES, "by_year"));
        assertEquals(List.of(index), db.listIndexes(DB, MOVIES, null).getIndexes());
        assertEquals(List.of(index), db.getCollection(DB, MOVIES).getIndexes());
    }

    @Test
    void eachTypeIsReportedInAppwritesWords() {
        assertEquals("key", key("k", "year").getType());
        assertEquals("unique", db.createIndex(DB, MOVIES, "u", IndexType.UNIQUE, List.of("title"), null, null).getType());
        assertEquals("fulltext", db.createIndex(DB, MOVIES, "f", IndexType.FULLTEXT, List.of("title"), null, null).getType());
    }

    @Test
    void ordersAndLengthsAreKeptAsGivenWithALengthPerAttribute() {
        Index index = db.createIndex(DB, MOVIES, "i", IndexType.KEY, List.of("title", "director", "year"),
                List.of("ASC"), Arrays.asList(100, null));
        assertEquals(List.of("ASC"), index.getOrders());
        assertEquals(List.of(100, 0, 0), index.getLengths());
    }

    @Test
    void systemAttributesMayBeIndexed() {
        Index index = key("system", "$id", "$createdAt", "$updatedAt");
        assertEquals(List.of("$id", "$createdAt", "$updatedAt"), index.getAttributes());
    }

    @Test
    void anIndexIsBuiltOverDocumentsAlreadyThere() {
        for (int i = 0; i < 50; i++) {
            db.createDocument(DB, MOVIES, "m" + i, Map.of("title", "Movie " + i, "year", 1950 + i % 5));
        }
        key("by_year", "year");
        assertEquals(List.of("m2", "m7", "m12"), ids(List.of(Query.equal("year", 1952), Query.limit(3))));
        assertEquals(10, db.listDocuments(DB, MOVIES, List.of(Query.equal("year", 1952))).getTotal());
    }

    @Test
    void listIndexesFiltersOnKeyTypeStatusAttributesAndError() {
        key("by_year", "year");
        key("by_title_year", "title", "year");
        db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null);
        assertEquals(List.of("by_year", "by_title_year"), keys(db.listIndexes(DB, MOVIES, List.of(Query.equal("type", "key")))));
        assertEquals(List.of("by_title_year", "unique_title"),
                keys(db.listIndexes(DB, MOVIES, List.of(Query.contains("attributes", "title")))));
        assertEquals(List.of("unique_title"), keys(db.listIndexes(DB, MOVIES, List.of(Query.startsWith("key", "uni")))));
        assertEquals(3, db.listIndexes(DB, MOVIES, List.of(Query.equal("status", "available"), Query.equal("error", ""))).getTotal());
        IndexList page = db.listIndexes(DB, MOVIES, List.of(Query.limit(1), Query.cursorAfter("by_year")));
        assertEquals(List.of("by_title_year"), keys(page));
        assertEquals(3, page.getTotal());
        assertError("general_query_invalid", 400, () -> db.listIndexes(DB, MOVIES, List.of(Query.equal("orders", "ASC"))));
    }

    private static List<String> keys(IndexList list) {
        return list.getIndexes().stream().map(Index::getKey).toList();
    }

    @Test
    void aDeletedIndexIsGoneAndItsKeyFree() {
        key("by_year", "year");
        db.deleteIndex(DB, MOVIES, "by_year");
        assertError("index_not_found", 404, () -> db.getIndex(DB, MOVIES, "by_year"));
        assertEquals(0, db.listIndexes(DB, MOVIES, null).getTotal());
        key("by_year", "year", "title");
    }

    @Test
    void aMissingIndexIsNotFound() {
        assertError("index_not_found", 404, "Index with the requested ID could not be found.",
                () -> db.getIndex(DB, MOVIES, "nope"));
        assertError("index_not_found", 404, () -> db.deleteIndex(DB, MOVIES, "nope"));
    }

    @Test
    void indexesOfAMissingCollectionOrDatabaseAreNotFound() {
        assertError("collection_not_found", 404,
                () -> db.createIndex(DB, "nope", "k", IndexType.KEY, List.of("year"), null, null));
        assertError("collection_not_found", 404, () -> db.listIndexes(DB, "nope", null));
        assertError("database_not_found", 404, () -> db.getIndex("nope", MOVIES, "k"));
    }

    @Test
    void onlyTheRootHandleManagesIndexes() {
        Databases user = db.as(Caller.user("u1"));
        assertError("general_unauthorized_scope", 401, () -> user.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("year"), null, null));
        assertError("general_unauthorized_scope", 401, () -> user.listIndexes(DB, MOVIES, null));
    }

    @Test
    void deletingTheCollectionDeletesItsIndexes() {
        key("by_year", "year");
        db.createIndex(DB, MOVIES, "f", IndexType.FULLTEXT, List.of("title"), null, null);
        db.deleteCollection(DB, MOVIES);
        db.createCollection(DB, MOVIES, "Movies");
        assertEquals(0, db.listIndexes(DB, MOVIES, null).getTotal());
    }

    // ---- rules ---------------------------------------------------------------------------------------------

    @Test
    void aKeyTakenRegardlessOfCaseIsAConflict() {
        key("by_year", "year");
        assertError("index_already_exists", 409, () -> key("BY_YEAR", "title"));
    }

    @Test
    void anInvalidKeyIsRefused() {
        assertError("general_argument_invalid", 400, () -> key("_hidden", "year"));
        assertError("general_argument_invalid", 400, () -> key("x".repeat(37), "year"));
    }

    @Test
    void theKeyPrimaryIsReserved() {
        assertError("index_invalid", 400, "Index key name is reserved", () -> key("PRIMARY", "year"));
    }

    @Test
    void anUnknownAttributeIsRefused() {
        assertError("attribute_unknown", 400, () -> key("k", "nope"));
        assertError("attribute_unknown", 400, () -> key("k", "Year"));
    }

    @Test
    void noAttributesIsRefused() {
        assertError("index_invalid", 400, "No attributes provided for index", () -> key("k"));
    }

    @Test
    void theSameAttributeTwiceIsRefused() {
        assertError("index_invalid", 400, "Duplicate attributes provided", () -> key("k", "year", "year"));
    }

    @Test
    void arrayAttributesCannotBeIndexed() {
        assertError("index_invalid", 400, "Creating indexes on array attributes is not currently supported.",
                () -> key("k", "genres"));
    }

    @Test
    void fulltextNeedsStringAttributes() {
        assertError("index_invalid", 400, "Attribute \"year\" cannot be part of a fulltext index, must be of type string",
                () -> db.createIndex(DB, MOVIES, "f", IndexType.FULLTEXT, List.of("year"), null, null));
    }

    @Test
    void aLengthOnANonStringAttributeIsRefused() {
        assertError("index_invalid", 400, "Cannot set a length on \"integer\" attributes",
                () -> db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("year"), null, List.of(4)));
    }

    @Test
    void aLengthBeyondTheAttributeSizeIsRefused() {
        assertError("index_invalid", 400, "Index length 300 is larger than the size for title: 255\"",
                () -> db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("title"), null, List.of(300)));
    }

    @Test
    void aNegativeLengthIsRefused() {
        assertError("index_invalid", 400, "Negative index length provided for title",
                () -> db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("title"), null, List.of(-1)));
    }

    @Test
    void moreLengthsThanAttributesAreRefused() {
        assertError("index_invalid", 400,
                "Invalid index lengths. Count of lengths must be equal or less than the number of attributes.",
                () -> db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("title"), null, List.of(10, 10)));
    }

    @Test
    void theTotalLengthIsLimitedAsOnMariaDb() {
        assertError("index_invalid", 400, "Index length is longer than the maximum: 768", () -> key("k", "homepage"));
        assertError("index_invalid", 400, "Index length is longer than the maximum: 768", () -> db.createIndex(DB, MOVIES,
                "k", IndexType.KEY, List.of("title", "director", "homepage"), null, List.of(0, 0, 300)));
        db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("homepage"), null, List.of(768));
        db.createIndex(DB, MOVIES, "k2", IndexType.KEY, List.of("title", "director"), null, List.of(255, 255));
    }

    @Test
    void fulltextIndexesHaveNoLengthLimit() {
        db.createIndex(DB, MOVIES, "f", IndexType.FULLTEXT, List.of("homepage"), null, null);
    }

    @Test
    void ordersMustBeAscOrDesc() {
        assertError("general_argument_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("year"), List.of("UP"), null));
        db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("year"), List.of("desc"), null);
    }

    @Test
    void theSameAttributesAndOrdersTwiceAreRefused() {
        db.createIndex(DB, MOVIES, "a", IndexType.KEY, List.of("title", "year"), List.of("ASC", "DESC"), null);
        assertError("index_invalid", 400, "There is already an index with the same attributes and orders",
                () -> db.createIndex(DB, MOVIES, "b", IndexType.UNIQUE, List.of("year", "title"), List.of("DESC", "ASC"), null));
        db.createIndex(DB, MOVIES, "c", IndexType.KEY, List.of("title", "year"), List.of("DESC", "DESC"), null);
        db.createIndex(DB, MOVIES, "d", IndexType.KEY, List.of("title", "year"), null, null);
    }

    @Test
    void aFulltextIndexMaySitBesideAKeyIndexOnTheSameAttribute() {
        key("by_title", "title");
        db.createIndex(DB, MOVIES, "f", IndexType.FULLTEXT, List.of("title"), null, null);
    }

    @Test
    void theIndexCountIsLimitedTo58() {
        db.createStringAttribute(DB, MOVIES, "spare", 10, false, null, false);
        List<String> attributes = List.of("title", "director", "year", "rating", "spare");
        int created = 0;
        for (int subset = 1; created < 58; subset++) {
            List<String> chosen = new ArrayList<>();
            for (int bit = 0; bit < attributes.size(); bit++) {
                if ((subset & (1 << bit)) != 0) {
                    chosen.add(attributes.get(bit));
                }
            }
            String order = subset < 32 ? "ASC" : "DESC";
            if (subset >= 32) {
                chosen.clear();
                for (int bit = 0; bit < attributes.size(); bit++) {
                    if (((subset - 31) & (1 << bit)) != 0) {
                        chosen.add(attributes.get(bit));
                    }
                }
            }
            db.createIndex(DB, MOVIES, "i" + subset, IndexType.KEY, chosen,
                    chosen.stream().map(a -> order).toList(), null);
            created++;
        }
        assertEquals(58, db.listIndexes(DB, MOVIES, List.of(Query.limit(100))).getTotal());
        assertError("index_limit_exceeded", 400, "The maximum number of indexes has been reached.",
                () -> db.createIndex(DB, MOVIES, "one_more", IndexType.FULLTEXT, List.of("title"), null, null));
    }

    // ---- unique indexes ------------------------------------------------------------------------------------

    @Test
    void aUniqueIndexRefusesADuplicateOnCreate() {
        db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null);
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"));
        assertError("document_already_exists", 409, () -> db.createDocument(DB, MOVIES, "up2", Map.of("title", "Up")));
        assertEquals(List.of("up"), ids(null));
    }

    @Test
    void aUniqueIndexRefusesADuplicateOnUpdateAndKeepsTheDocument() {
        db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null);
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"));
        db.createDocument(DB, MOVIES, "cars", Map.of("title", "Cars", "year", 2006));
        assertError("document_already_exists", 409, () -> db.updateDocument(DB, MOVIES, "cars", Map.of("title", "Up", "year", 2007), null));
        Document cars = db.getDocument(DB, MOVIES, "cars");
        assertEquals("Cars", cars.get("title"));
        assertEquals(2006L, cars.get("year"));
    }

    @Test
    void aUniqueIndexRefusesADuplicateOnUpsert() {
        db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null);
        db.createDocument(DB, MOVIES, "up", Map.of("title", "Up"));
        db.createDocument(DB, MOVIES, "cars", Map.of("title", "Cars"));
        assertError("document_already_exists", 409, () -> db.upsertDocument(DB, MOVIES, "cars", Map.of("title", "Up"), null));
        assertError("document_already_exists", 409, () -> db.upsertDocument(DB, MOVIES, "new", Map.of("title", "Up"), null));
        assertEquals(List.of("up", "cars"), ids(null));
        assertEquals("Cars", db.getDocument(DB, MOVIES, "cars").get("title"));
    }

    @Test
    void aUniqueIndexOverSeveralAttributesComparesTheirCombination() {
        db.createIndex(DB, MOVIES, "u", IndexType.UNIQUE, List.of("title", "year"), null, null);
        db.createDocument(DB, MOVIES, "a", Map.of("title", "King Kong", "year", 1933));
        db.createDocument(DB, MOVIES, "b", Map.of("title", "King Kong", "year", 2005));
        assertError("document_already_exists", 409, () -> db.createDocument(DB, MOVIES, "c", Map.of("title", "King Kong", "year", 2005)));
    }

    @Test
    void aUniqueIndexAllowsSeveralDocumentsWithoutAValue() {
        db.createIndex(DB, MOVIES, "u", IndexType.UNIQUE, List.of("director"), null, null);
        db.createDocument(DB, MOVIES, "a", Map.of("title", "A"));
        db.createDocument(DB, MOVIES, "b", Map.of("title", "B"));
    }

    @Test
    void aUniqueIndexOverDuplicatesFailsCleanly() {
        db.createDocument(DB, MOVIES, "a", Map.of("title", "Up"));
        db.createDocument(DB, MOVIES, "b", Map.of("title", "Up"));
        assertError("index_invalid", 400,
                () -> db.createIndex(DB, MOVIES, "unique_title", IndexType.UNIQUE, List.of("title"), null, null));
        assertEquals(0, db.listIndexes(DB, MOVIES, null).getTotal());
        assertEquals(0, db.getCollection(DB, MOVIES).getIndexes().size());
        db.createDocument(DB, MOVIES, "c", Map.of("title", "Up"));
        db.createIndex(DB, MOVIES, "unique_title", IndexType.KEY, List.of("title"), null, null);
    }

    // ---- attributes and indexes ----------------------------------------------------------------------------

    @Test
    void deletingAnAttributeRemovesItFromTheIndexesThatUseIt() {
        db.createIndex(DB, MOVIES, "k", IndexType.KEY, List.of("title", "year", "rating"), List.of("ASC", "DESC", "ASC"),
                List.of(100, 0, 0));
        db.deleteAttribute(DB, MOVIES, "year");
        Index index = db.getIndex(DB, MOVIES, "k");
        assertEquals(List.of("title", "rating"), index.getAttributes());
        assertEquals(List.of("ASC", "ASC"), index.getOrders());
        assertEquals(List.of(100, 0), index.getLengths());
    }

    @Test
    void deletingAnIndexsOnlyAttributeDeletesTheIndex() {
        key("by_year", "year");
        db.deleteAttribute(DB, MOVIES, "year");
        assertError("index_not_found", 404, () -> db.getIndex(DB, MOVIES, "by_year"));
    }

    @Test
    void anIndexLeftIdenticalToAnotherIsDeleted() {
        key("by_title", "title");
        key("by_title_year", "title", "year");
        db.deleteAttribute(DB, MOVIES, "year");
        assertEquals(List.of("by_title"), keys(db.listIndexes(DB, MOVIES, null)));
    }

    @Test
    void renamingAnAttributeRenamesItInItsIndexes() {
        key("by_title_year", "title", "year");
        db.updateIntegerAttribute(DB, MOVIES, "year", false, null, null, null, "released");
        assertEquals(List.of("title", "released"), db.getIndex(DB, MOVIES, "by_title_year").getAttributes());
        db.createDocument(DB, MOVIES, "m", Map.of("title", "Up", "released", 2009));
        assertEquals(List.of("m"), ids(List.of(Query.equal("released", 2009))));
    }
}
