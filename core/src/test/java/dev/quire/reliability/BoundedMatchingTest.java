package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code regex} and {@code contains} against values and patterns built to make a backtracking or quadratic
 * matcher run for minutes return, and give the right answer. Each call is bounded (60 s) so a regression fails
 * the build instead of hanging it; nothing here measures speed (the benchmarks do).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedMatchingTest {
    private static final String DB = "bounded";
    private static final String COLL = "texts";
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** Ten million B's: every prefix of a needle of B's matches almost everywhere. */
    private static final String HUGE = "B".repeat(10_000_000);

    private Databases db;

    @BeforeAll
    void schema() {
        db = Databases.inMemory();
        db.create(DB, "Bounded");
        db.createCollection(DB, COLL, "Texts");
        db.createStringAttribute(DB, COLL, "text", 10_000_000, false, null, false);
        db.createIntegerAttribute(DB, COLL, "year", false, null, null, null, false);
        db.createDocument(DB, COLL, "huge", Map.of("text", HUGE), null);
        db.createDocument(DB, COLL, "symbols", Map.of("text", "100% of a_b\\c"), null);
        db.createDocument(DB, COLL, "plain", Map.of("text", "Backtracking", "year", 1999), null);
        Map<String, Object> none = new HashMap<>();
        none.put("text", null);
        db.createDocument(DB, COLL, "none", none, null);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private List<String> ids(String... queries) {
        DocumentList list = assertTimeoutPreemptively(BOUND,
                () -> db.listDocuments(DB, COLL, List.of(queries), false));
        return list.getDocuments().stream().map(d -> d.getId()).toList();
    }

    @Test
    void aNestedQuantifierAgainstTenMegabytesReturns() {
        assertEquals(List.of(), ids(Query.regex("text", "(B+)+C")));
        assertEquals(List.of("huge", "plain"), ids(Query.regex("text", "^(B+)+")));
    }

    @Test
    void aLongNeedleThatAlmostMatchesEverywhereIsFoundOrNotInLinearTime() {
        String needle = "B".repeat(4_999);
        assertEquals(List.of(), ids(Query.contains("text", needle + "C")));
        assertEquals(List.of("huge"), ids(Query.contains("text", needle + "B")));
        assertEquals(List.of("symbols", "plain"), ids(Query.notContains("text", needle)));
    }

    @Test
    void aLongNeedleWithLikeWildcardsIsLiteral() {
        assertEquals(List.of(), ids(Query.contains("text", "B".repeat(4_999) + "_")));
        assertEquals(List.of(), ids(Query.endsWith("text", "B".repeat(4_999) + "%")));
        assertEquals(List.of("symbols"), ids(Query.contains("text", "0% of a_b\\")));
        assertEquals(List.of("symbols"), ids(Query.containsAll("text", List.of("%", "_", "\\"))));
        assertEquals(List.of("huge", "symbols"), ids(Query.containsAny("text", List.of("%", "BBB"))));
    }

    @Test
    void regexIsCaseSensitiveAndFindsAMatchAnywhere() {
        assertEquals(List.of("plain"), ids(Query.regex("text", "track")));
        assertEquals(List.of(), ids(Query.regex("text", "TRACK")));
        assertEquals(List.of("plain"), ids(Query.regex("text", "(?i)TRACK")));
    }

    @Test
    void anInvalidPatternIsTheCallersMistake() {
        for (String pattern : List.of("(", "\\", "[z-a]", "a{2,1}", "*")) {
            QuireException e = assertThrows(QuireException.class, () -> ids(Query.regex("text", pattern)), pattern);
            assertEquals("general_query_invalid", e.getType(), pattern);
            assertEquals(400, e.getCode(), pattern);
            assertFalse(e.getMessage().contains("SELECT"), e.getMessage());
        }
    }

    @Test
    void backreferencesAndLookaroundAreRefusedNotRunOnABacktrackingEngine() {
        for (String pattern : List.of("(a)\\1", "a(?=b)", "(?<!a)b")) {
            QuireException e = assertThrows(QuireException.class, () -> ids(Query.regex("text", pattern)), pattern);
            assertEquals("general_query_invalid", e.getType(), pattern);
            assertEquals(true, e.getMessage().startsWith("Invalid query: Invalid regular expression: "), e.getMessage());
        }
    }

    @Test
    void textMethodsOnANumberAreRefused() {
        for (String query : List.of("{\"method\":\"startsWith\",\"attribute\":\"year\",\"values\":[19]}",
                "{\"method\":\"endsWith\",\"attribute\":\"year\",\"values\":[99]}",
                "{\"method\":\"notStartsWith\",\"attribute\":\"year\",\"values\":[19]}",
                "{\"method\":\"notEndsWith\",\"attribute\":\"year\",\"values\":[99]}",
                "{\"method\":\"regex\",\"attribute\":\"year\",\"values\":[19]}")) {
            QuireException e = assertThrows(QuireException.class, () -> ids(query), query);
            assertEquals("general_query_invalid", e.getType(), query);
            assertEquals(true, e.getMessage().endsWith("on attribute \"year\" because it is not a string."),
                    e.getMessage());
        }
    }
}
