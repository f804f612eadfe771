package dev.quire.queries;

import dev.quire.Databases;
import dev.quire.IndexType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.storage.DocumentTable;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.PagePlans;
import dev.quire.internal.storage.PageRequest;
import dev.quire.internal.storage.Store;
import dev.quire.query.Query;
import dev.quire.query.QueryPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An equality or range filter on an indexed attribute is answered from that index: H2's {@code EXPLAIN} of the
 * statements a list runs names the index and never says {@code tableScan}.
 *
 * <p>How H2 is reached: the collection is built through {@link Databases#open} on a file, and a second
 * {@link Store} is opened on the same file (H2 shares one database per file within a JVM). The test builds the
 * page exactly as {@code listDocuments} does ({@link QueryPlan} → {@link PageRequest} →
 * {@link DocumentTable#page}/{@link DocumentTable#count}) over a connection that, for every statement the table
 * prepares, also prepares {@code EXPLAIN <statement>}, binds it the same parameters and records its plan. No
 * production code exists for the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexUseExplainTest {
    private static final String DB = "films";
    private static final String MOVIES = "movies";

    @TempDir
    static Path directory;
    private Databases db;
    private Store store;
    private DocumentTable table;

    @BeforeAll
    void createIndexedCollection() {
        Path path = directory.resolve("explain");
        db = Databases.open(path);
        db.create(DB, "Films");
        db.createCollection(DB, MOVIES, "Movies");
        db.createStringAttribute(DB, MOVIES, "name", 64, true, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", true, null, null, null, false);
        db.createFloatAttribute(DB, MOVIES, "price", true, null, null, null, false);
        db.createDatetimeAttribute(DB, MOVIES, "releasedAt", false, null, false);
        db.createIndex(DB, MOVIES, "by_year", IndexType.KEY, List.of("year"), null, null);
        db.createIndex(DB, MOVIES, "by_release", IndexType.KEY, List.of("releasedAt"), List.of("DESC"), null);
        db.createIndex(DB, MOVIES, "by_name", IndexType.UNIQUE, List.of("name"), null, null);
        for (int i = 0; i < 200; i++) {
            db.createDocument(DB, MOVIES, "m" + i, Map.of("name", "Movie " + i, "year", 1950 + i % 75,
                    "price", i % 40 * 0.5, "releasedAt", (1950 + i % 75) + "-01-01T00:00:00.000+00:00"), List.of());
        }
        store = Store.open(path);
        MetadataStore metadata = new MetadataStore(store);
        CollectionSchema schema = metadata.findCollection(metadata.findDatabase(DB).orElseThrow(), MOVIES).orElseThrow();
        table = new DocumentTable(schema);
    }

    @AfterAll
    void close() {
        store.close();
        db.close();
    }

    /** The plans of the page and count statements {@code listDocuments} runs for these queries. */
    private List<String> plans(String... queries) {
        return PagePlans.of(store, table, queries);
    }

    private static void assertUsesIndex(String index, List<String> plans) {
        for (String plan : plans) {
            assertFalse(plan.contains("tableScan"), () -> "table scan:\n" + plan);
            assertTrue(plan.contains(index), () -> "index " + index + " not used:\n" + plan);
        }
    }

    @Test
    void equalOnAnIndexedAttributeReadsTheIndexInPageOrder() {
        List<String> plans = plans(Query.equal("year", 2000));
        assertUsesIndex("by_year", plans);
        assertTrue(plans.get(0).contains("index sorted"), () -> "the page is sorted after reading:\n" + plans.get(0));
    }

    @Test
    void equalWithSeveralValuesUsesTheIndex() {
        assertUsesIndex("by_year", plans(Query.equal("year", List.of(1999, 2000, 2001))));
    }

    @Test
    void rangeFiltersOnAnIndexedAttributeUseTheIndex() {
        assertUsesIndex("by_year", plans(Query.greaterThan("year", 2020)));
        assertUsesIndex("by_year", plans(Query.lessThanEqual("year", 1955)));
        assertUsesIndex("by_year", plans(Query.between("year", 1990, 1995)));
    }

    @Test
    void aDescendingDatetimeIndexServesDatetimeRanges() {
        assertUsesIndex("by_release", plans(Query.greaterThanEqual("releasedAt", "2020-01-01T00:00:00.000+00:00")));
    }

    @Test
    void aUniqueIndexServesEquality() {
        assertUsesIndex("by_name", plans(Query.equal("name", "Movie 7")));
    }

    @Test
    void anIndexedFilterNextToOtherFiltersStillUsesTheIndex() {
        assertUsesIndex("by_year", plans(Query.equal("year", 2000), Query.greaterThan("price", 3)));
    }

    @Test
    void anIndexedEqualityWithACursorUsesTheIndex() {
        List<String> plans = plans(Query.equal("year", 2000), Query.cursorAfter("m50"), Query.limit(2));
        assertUsesIndex("by_year", plans);
    }

    @Test
    void idLookupsUseTheIdIndex() {
        assertUsesIndex("_uid", plans(Query.equal("$id", "m7")));
    }

    @Test
    void theCheckNoticesATableScan() {
        // price has no index: the plan must say so, or the assertions above prove nothing.
        List<String> plans = plans(Query.equal("price", 3.5));
        assertTrue(plans.get(0).contains("tableScan"), plans::toString);
    }

    @Test
    void theExplainedPagesAreTheListedPages() {
        assertEquals(List.of("m50", "m125"), Movies.ids(db.listDocuments(DB, MOVIES,
                List.of(Query.equal("year", 2000), Query.limit(2)))));
        assertEquals(2, db.listDocuments(DB, MOVIES, List.of(Query.equal("year", 2000))).getTotal());
    }
}
