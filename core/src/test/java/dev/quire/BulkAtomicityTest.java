package dev.quire;

import dev.quire.query.Operator;
import dev.quire.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bulk call that fails part way, after earlier batches were written, leaves every stored byte as it was:
 * the file is dumped, table by table and row by row, before and after.
 */
class BulkAtomicityTest {
    private static final String DB = "app";
    private static final String ITEMS = "items";

    @TempDir
    Path directory;

    private Path store() {
        return directory.resolve("store");
    }

    private void withStore(Consumer<Databases> work) {
        try (Databases db = Databases.open(store())) {
            work.accept(db);
        }
    }

    private List<Map<String, Object>> items(int from, int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("$id", "i" + i);
            item.put("name", "Item " + i);
            item.put("count", i);
            item.put("tags", i == 1_499 ? List.of() : List.of("t" + i));
            items.add(item);
        }
        return items;
    }

    private List<String> loadedStore() throws Exception {
        withStore(db -> {
            db.create(DB, "App");
            db.createCollection(DB, ITEMS, "Items");
            db.createStringAttribute(DB, ITEMS, "name", 32, true, null, false);
            db.createIntegerAttribute(DB, ITEMS, "count", false, null, null, null, false);
            db.createStringAttribute(DB, ITEMS, "tags", 16, false, null, true);
            db.createIndex(DB, ITEMS, "name_search", IndexType.FULLTEXT, List.of("name"), null, null);
            db.createDocuments(DB, ITEMS, items(0, 2_500));
        });
        return StoreDump.of(store());
    }

    @Test
    void aCreateThatFailsInItsSecondBatchLeavesTheStoreAsItWas() throws Exception {
        List<String> before = loadedStore();

        withStore(db -> {
            List<Map<String, Object>> more = items(10_000, 1_800);
            more.get(1_700).put("count", "many");
            assertError("document_invalid_structure", 400, () -> db.createDocuments(DB, ITEMS, more));
        });

        assertEquals(before, StoreDump.of(store()));
    }

    @Test
    void anUpdateThatFailsOnOneDocumentLeavesTheStoreAsItWas() throws Exception {
        List<String> before = loadedStore();

        withStore(db -> assertError("document_invalid_structure", 400, () -> db.updateDocuments(DB, ITEMS,
                Map.of("tags", Operator.arrayInsert(1, "x"), "count", Operator.increment(), "name", "Renamed"),
                List.of(Query.orderAsc("count")))));

        assertEquals(before, StoreDump.of(store()), "i1499 has no tags: inserting at 1 fails there, after the first batch of 1,000 was written");
    }

    @Test
    void anUpsertThatFailsOnItsLastItemLeavesTheStoreAsItWas() throws Exception {
        List<String> before = loadedStore();

        withStore(db -> {
            List<Map<String, Object>> upserts = items(2_000, 1_000);
            upserts.forEach(item -> item.put("count", Operator.increment(5)));
            upserts.get(999).put("name", null);
            assertError("document_invalid_structure", 400, () -> db.upsertDocuments(DB, ITEMS, upserts));
        });

        assertEquals(before, StoreDump.of(store()));
    }
}
