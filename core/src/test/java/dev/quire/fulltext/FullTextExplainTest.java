package dev.quire.fulltext;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.IndexType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.storage.DocumentTable;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.PagePlans;
import dev.quire.internal.storage.Store;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code search} is answered from the full-text index: H2's {@code EXPLAIN} of the statements a list runs reads
 * the word index for the matching words and probes the documents' primary key with the result, never scanning
 * the documents or the whole word table.
 *
 * <p>How H2 is reached (test code only): the collection lives in a file store, a second {@link Store} opens the
 * same file (H2 shares one database per file within a JVM), and the page and count statements are built as
 * {@code listDocuments} builds them, over a connection that also prepares and runs {@code EXPLAIN} for each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullTextExplainTest {
    private static final String DB = "app";
    private static final String BOOKS = "books";
    private static final Pattern KEYED_DOCUMENT_READ = Pattern.compile("\"D\"\\s*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: \"_seq\" IN\\(");

    @TempDir
    static Path directory;
    private Databases db;
    private Store store;
    private DocumentTable table;

    @BeforeAll
    void createBooks() {
        Path path = directory.resolve("explain");
        db = Databases.open(path);
        db.create(DB, "App");
        db.createCollection(DB, BOOKS, "Books");
        db.createStringAttribute(DB, BOOKS, "title", 200, true, null, false);
        for (int i = 0; i < 200; i++) {
            db.createDocument(DB, BOOKS, "b" + i, Map.of("title", "Volume " + i + " of the word" + (i % 10)
                    + (i % 100 == 7 ? " captain" : "")));
        }
        db.createIndex(DB, BOOKS, "title_search", IndexType.FULLTEXT, List.of("title"), null, null);
        store = Store.open(path);
        MetadataStore metadata = new MetadataStore(store);
        CollectionSchema schema = metadata.findCollection(metadata.findDatabase(DB).orElseThrow(), BOOKS).orElseThrow();
        table = new DocumentTable(schema);
    }

    @AfterAll
    void close() {
        store.close();
        db.close();
    }

    @Test
    void aWordIsLookedUpInTheWordIndexAndItsDocumentsByPrimaryKey() {
        for (String plan : plans(Query.search("title", "captain"))) {
            assertFalse(plan.contains("tableScan"), plan);
            assertTrue(KEYED_DOCUMENT_READ.matcher(plan).find(), plan);
            assertTrue(plan.contains("_token: \"_token\" >= ?"), plan);
        }
    }

    @Test
    void severalWordsAndAPrefixAreIndexRangesToo() {
        for (String plan : plans(Query.search("title", "captain word1"))) {
            assertFalse(plan.contains("tableScan"), plan);
            assertTrue(KEYED_DOCUMENT_READ.matcher(plan).find(), plan);
            assertTrue(plan.contains("_token: \"_token\" = ?1"), plan);
        }
    }

    @Test
    void aPhraseJoinsWordPositionsThroughTheIndex() {
        for (String plan : plans(Query.search("title", "\"of the\""))) {
            assertFalse(plan.contains("tableScan"), plan);
            assertTrue(KEYED_DOCUMENT_READ.matcher(plan).find(), plan);
            assertTrue(plan.contains("AND \"_position\" = (T0.\"_position\" + 1)"), plan);
        }
    }

    @Test
    void notSearchReadsTheMatchesFromTheIndexOnce() {
        for (String plan : plans(Query.notSearch("title", "captain"))) {
            assertTrue(plan.contains("NOT IN("), plan);
            assertTrue(plan.contains("\"_token\" >= ?"), plan);
        }
    }

    @Test
    void theExplainedQueriesFindWhatTheyShould() {
        List<String> ids = db.listDocuments(DB, BOOKS, List.of(Query.search("title", "captain"))).getDocuments()
                .stream().map(Document::getId).toList();
        assertEquals(List.of("b7", "b107"), ids);
        assertEquals(198, db.listDocuments(DB, BOOKS, List.of(Query.notSearch("title", "captain"))).getTotal());
    }

    /** The plans of the page and count statements {@code listDocuments} runs for these queries. */
    private List<String> plans(String... queries) {
        return PagePlans.of(store, table, queries);
    }
}
