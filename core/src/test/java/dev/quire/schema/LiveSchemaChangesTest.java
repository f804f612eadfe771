package dev.quire.schema;

import dev.quire.Attribute;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema changes on a collection of 10,000 documents: after each change (or failed change) every document is
 * read back and compared with what was written. Each test changes its own attributes, so the tests share one
 * populated collection and stay independent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSchemaChangesTest {
    private static final String DB = "app";
    private static final String ITEMS = "items";
    private static final int COUNT = 10_000;

    private Databases db;
    /** What every document must hold, by id; tests that change data change this too. */
    private final Map<String, Map<String, Object>> expected = new LinkedHashMap<>();

    @BeforeAll
    void populate() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, ITEMS, "Items");
        db.createStringAttribute(DB, ITEMS, "title", 64, true, null, false);
        db.createStringAttribute(DB, ITEMS, "code", 16, false, null, false);
        db.createStringAttribute(DB, ITEMS, "label", 32, false, null, false);
        db.createIntegerAttribute(DB, ITEMS, "rank", false, 0L, 100_000L, null, false);
        db.createIntegerAttribute(DB, ITEMS, "stock", false, 0L, 1000L, null, false);
        db.createFloatAttribute(DB, ITEMS, "price", false, 0.0, 1000.0, null, false);
        db.createBooleanAttribute(DB, ITEMS, "active", false, null, false);
        db.createEnumAttribute(DB, ITEMS, "size", List.of("S", "M", "L"), false, null, false);
        db.createStringAttribute(DB, ITEMS, "tags", 10, false, null, true);
        db.createIndex(DB, ITEMS, "by_rank", IndexType.KEY, List.of("rank"), null, null);
        db.createIndex(DB, ITEMS, "by_code_label", IndexType.UNIQUE, List.of("code", "label"), null, null);
        for (int i = 0; i < COUNT; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("title", "Item " + i + " " + "x".repeat(i % 50));
            data.put("code", "C" + (i % 1000));
            data.put("label", "L" + i);
            data.put("rank", (long) i);
            data.put("stock", (long) (i % 1001));
            data.put("price", i % 400 * 2.5);
            data.put("active", i % 3 == 0);
            data.put("size", List.of("S", "M", "L").get(i % 3));
            data.put("tags", List.of("t" + i % 7, "tag" + i % 1000));
            db.createDocument(DB, ITEMS, "i" + i, data);
            expected.put("i" + i, data);
        }
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** Every document, read back page by page, equals what was written. */
    private void assertEveryDocument() {
        List<Document> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            List<String> queries = new ArrayList<>(List.of(Query.limit(2500)));
            if (cursor != null) {
                queries.add(Query.cursorAfter(cursor));
            }
            DocumentList page = db.listDocuments(DB, ITEMS, queries, false);
            all.addAll(page.getDocuments());
            if (page.getDocuments().size() < 2500) {
                break;
            }
            cursor = page.getDocuments().get(page.getDocuments().size() - 1).getId();
        }
        assertEquals(expected.size(), all.size());
        for (Document document : all) {
            assertEquals(expected.get(document.getId()), document.getData(), document.getId());
        }
    }

    private static void assertError(String type, Runnable call) {
        QuireException e = assertThrows(QuireException.class, call::run);
        assertEquals(type, e.getType(), e.getMessage());
    }

    @Test
    void growingAStringKeepsEveryValueAndAcceptsLongerOnes() {
        Attribute grown = db.updateStringAttribute(DB, ITEMS, "title", true, null, 200, null);
        assertEquals(200L, grown.getSize());
        assertEveryDocument();
        String longTitle = "t".repeat(150);
        db.updateDocument(DB, ITEMS, "i1", Map.of("title", longTitle), null);
        expected.get("i1").put("title", longTitle);
        assertEquals(longTitle, db.getDocument(DB, ITEMS, "i1").get("title"));
    }

    @Test
    void shrinkingBelowAStoredValueFailsAndChangesNothing() {
        assertError("attribute_invalid_resize", () -> db.updateStringAttribute(DB, ITEMS, "label", false, null, 4, null));
        assertEquals(32L, db.getAttribute(DB, ITEMS, "label").getSize());
        assertEveryDocument();
        // The validator is still the old one: a 32-character label is accepted.
        db.updateDocument(DB, ITEMS, "i2", Map.of("label", "L".repeat(32)), null);
        db.updateDocument(DB, ITEMS, "i2", Map.of("label", "L2"), null);
    }

    @Test
    void shrinkingAnArrayBelowAStoredElementFails() {
        assertError("attribute_invalid_resize", () -> db.updateStringAttribute(DB, ITEMS, "tags", false, null, 5, null));
        assertEquals(10L, db.getAttribute(DB, ITEMS, "tags").getSize());
        db.updateStringAttribute(DB, ITEMS, "tags", false, null, 6, null);
        assertEveryDocument();
        assertError("document_invalid_structure",
                () -> db.updateDocument(DB, ITEMS, "i3", Map.of("tags", List.of("1234567")), null));
    }

    @Test
    void shrinkingToTheLongestStoredValueWorksAndNewWritesFollowIt() {
        db.updateStringAttribute(DB, ITEMS, "code", false, null, 4, null);
        assertEveryDocument();
        assertError("document_invalid_structure", () -> db.updateDocument(DB, ITEMS, "i4", Map.of("code", "C1234"), null));
        assertEveryDocument();
    }

    @Test
    void renamingMovesEveryValueAndTheIndexFollows() {
        db.updateIntegerAttribute(DB, ITEMS, "rank", false, null, null, null, "position");
        for (Map<String, Object> data : expected.values()) {
            Map<String, Object> renamed = new LinkedHashMap<>();
            data.forEach((key, value) -> renamed.put(key.equals("rank") ? "position" : key, value));
            data.clear();
            data.putAll(renamed);
        }
        assertEveryDocument();
        assertEquals(List.of("position"), db.getIndex(DB, ITEMS, "by_rank").getAttributes());
        assertEquals(List.of("i42"), db.listDocuments(DB, ITEMS, List.of(Query.equal("position", 42))).getDocuments()
                .stream().map(Document::getId).toList());
        assertError("general_query_invalid", () -> db.listDocuments(DB, ITEMS, List.of(Query.equal("rank", 42))));
        assertError("document_invalid_structure", () -> db.updateDocument(DB, ITEMS, "i5", Map.of("rank", 1), null));
    }

    @Test
    void renamingToATakenKeyFailsAndChangesNothing() {
        assertError("attribute_already_exists", () -> db.updateFloatAttribute(DB, ITEMS, "price", false, null, null, null, "TITLE"));
        assertEquals("double", db.getAttribute(DB, ITEMS, "price").getType());
        assertEveryDocument();
    }

    @Test
    void newBoundsAndDefaultsApplyToNewWritesOnly() {
        db.updateIntegerAttribute(DB, ITEMS, "stock", false, 5L, 0L, 500L, null);
        assertEveryDocument();
        assertError("document_invalid_structure", () -> db.updateDocument(DB, ITEMS, "i6", Map.of("stock", 501), null));
        Document created = db.createDocument(DB, ITEMS, "fresh", Map.of("title", "Fresh", "code", "F", "label", "F"));
        assertEquals(5L, created.get("stock"));
        db.deleteDocument(DB, ITEMS, "fresh");
        assertEveryDocument();
    }

    @Test
    void enumElementsChangeForNewWrites() {
        db.updateEnumAttribute(DB, ITEMS, "size", List.of("S", "M", "L", "XL"), false, "XL", null);
        assertEveryDocument();
        db.updateDocument(DB, ITEMS, "i7", Map.of("size", "XL"), null);
        expected.get("i7").put("size", "XL");
        assertEveryDocument();
    }

    @Test
    void aFailedIndexCreationLeavesDocumentsAndIndexesAsTheyWere() {
        assertError("index_invalid", () -> db.createIndex(DB, ITEMS, "unique_code", IndexType.UNIQUE, List.of("code"), null, null));
        assertFalse(db.listIndexes(DB, ITEMS, null).getIndexes().stream().anyMatch(i -> i.getKey().equals("unique_code")));
        Map<String, Object> copy = new HashMap<>(expected.get("i8"));
        copy.put("label", "other");
        db.createDocument(DB, ITEMS, "copy", copy);
        db.deleteDocument(DB, ITEMS, "copy");
        assertEveryDocument();
    }

    @Test
    void deletingAnAttributeOfAUniqueIndexThatWouldThenHoldDuplicatesFails() {
        assertError("index_invalid", () -> db.deleteAttribute(DB, ITEMS, "label"));
        assertEquals(List.of("code", "label"), db.getIndex(DB, ITEMS, "by_code_label").getAttributes());
        assertEveryDocument();
        assertError("document_already_exists", () -> db.updateDocument(DB, ITEMS, "i9",
                Map.of("code", expected.get("i10").get("code"), "label", expected.get("i10").get("label")), null));
    }

    @Test
    void deletingAnAttributeRemovesItFromEveryDocument() {
        db.createIndex(DB, ITEMS, "by_active_price", IndexType.KEY, List.of("active", "price"), List.of("ASC", "DESC"), null);
        db.deleteAttribute(DB, ITEMS, "active");
        expected.values().forEach(data -> data.remove("active"));
        assertEveryDocument();
        assertEquals(List.of("price"), db.getIndex(DB, ITEMS, "by_active_price").getAttributes());
        assertEquals(List.of("DESC"), db.getIndex(DB, ITEMS, "by_active_price").getOrders());
        assertTrue(db.listDocuments(DB, ITEMS, List.of(Query.greaterThan("price", 997.0))).getTotal() > 0);
    }
}
