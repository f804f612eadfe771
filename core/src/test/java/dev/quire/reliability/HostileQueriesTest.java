package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Queries built to break the parser, the planner or the SQL behind them fail with {@code general_query_invalid}
 * (400) and nothing else: no stack overflow, no parser or storage exception, no other error type. Where a
 * hostile-looking query is valid, it runs and returns exactly the matching documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQueriesTest {
    private static final String DB = "hostile";
    private static final String COLL = "movies";

    private Databases db;

    @BeforeAll
    void schema() {
        db = Databases.inMemory();
        db.create(DB, "Hostile");
        db.createCollection(DB, COLL, "Movies");
        db.createStringAttribute(DB, COLL, "title", 255, false, null, false);
        db.createIntegerAttribute(DB, COLL, "year", false, null, null, null, false);
        db.createFloatAttribute(DB, COLL, "rating", false, null, null, null, false);
        db.createBooleanAttribute(DB, COLL, "active", false, null, false);
        db.createStringAttribute(DB, COLL, "tags", 64, false, null, true);
        db.createDatetimeAttribute(DB, COLL, "released", false, null, false);
        db.createDocument(DB, COLL, "up", Map.of("title", "Up", "year", 2009, "rating", 8.3, "active", true,
                "tags", List.of("pixar"), "released", "2009-05-29T00:00:00.000+00:00"), null);
        db.createDocument(DB, COLL, "quote", Map.of("title", "It's \"quoted\" -- /* x */; DROP TABLE", "year", 1999),
                null);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private void assertQueryInvalid(List<String> queries) {
        QuireException e;
        try {
            db.listDocuments(DB, COLL, queries);
            fail("accepted " + abbreviate(queries.toString()));
            return;
        } catch (QuireException thrown) {
            e = thrown;
        } catch (StackOverflowError | RuntimeException other) {
            throw new AssertionError("not a QuireException: " + other, other);
        }
        assertEquals("general_query_invalid", e.getType(), e.getMessage());
        assertEquals(400, e.getCode());
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String nested(String method, int depth) {
        String query = "{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[2009]}";
        for (int i = 0; i < depth; i++) {
            query = "{\"method\":\"" + method + "\",\"values\":[" + query
                    + ",{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[1999]}]}";
        }
        return query;
    }

    private static String nestedCalls(int depth) {
        String query = "equal(\"year\", [2009])";
        for (int i = 0; i < depth; i++) {
            query = "or([" + query + ", equal(\"year\", [1999])])";
        }
        return query;
    }

    @Test
    void aThousandNestedOrsAreInvalidNotAStackOverflow() {
        assertQueryInvalid(List.of(nested("or", 1_000)));
    }

    @Test
    void aThousandNestedAndsAreInvalidNotAStackOverflow() {
        assertQueryInvalid(List.of(nested("and", 1_000)));
    }

    @Test
    void aHundredThousandOpeningBracketsAreInvalid() {
        assertQueryInvalid(List.of("{\"method\":\"or\",\"values\":[".repeat(100_000)));
        assertQueryInvalid(List.of("[".repeat(100_000)));
        assertQueryInvalid(List.of("or([".repeat(100_000)));
    }

    @Test
    void aThousandNestedCallsInFunctionSyntaxAreInvalid() {
        assertQueryInvalid(List.of(nestedCalls(1_000)));
    }

    @Test
    void shallowNestingStillWorks() {
        DocumentList found = db.listDocuments(DB, COLL, List.of(nested("or", 2)));
        assertEquals(2, found.getTotal());
    }

    @Test
    void aMegabyteLongValueFindsNothingOrIsInvalid() {
        String longValue = "x".repeat(1_000_000);
        for (String query : List.of(Query.equal("title", longValue), Query.startsWith("title", longValue),
                Query.search("title", longValue), Query.contains("tags", longValue))) {
            try {
                assertEquals(0, db.listDocuments(DB, COLL, List.of(query)).getTotal());
            } catch (QuireException e) {
                assertEquals("general_query_invalid", e.getType(), e.getMessage());
            }
        }
    }

    @Test
    void aMegabyteLongAttributeOrMethodIsInvalid() {
        String longName = "a".repeat(1_000_000);
        assertQueryInvalid(List.of(Query.equal(longName, "x")));
        assertQueryInvalid(List.of("{\"method\":\"" + longName + "\",\"attribute\":\"title\",\"values\":[\"x\"]}"));
        assertQueryInvalid(List.of(Query.orderAsc(longName)));
        assertQueryInvalid(List.of(Query.select(List.of(longName))));
    }

    @Test
    void tenThousandValuesInOneQueryAreInvalid() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            values.add(i);
        }
        assertQueryInvalid(List.of(Query.equal("year", values)));
    }

    @Test
    void tenThousandQueriesAreInvalid() {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            queries.add(Query.equal("year", i));
        }
        assertQueryInvalid(queries);
    }

    /** Bytes that are not UTF-8, as Java sees them after a lenient decode, plus lone surrogates and NUL. */
    static List<String> brokenText() {
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28,
                (byte) 0xA1, (byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC, (byte) 0xFF, (byte) 0xFE};
        return List.of(new String(invalidUtf8, StandardCharsets.ISO_8859_1),
                new String(invalidUtf8, StandardCharsets.UTF_8), "\uD800", "a\uDC00b", "\u0000", "\uFFFE\uFFFF",
                "title\u0000", "\u202Etitle");
    }

    @TestFactory
    Stream<DynamicTest> brokenTextAsAValueFindsNothingOrIsInvalid() {
        return brokenText().stream().map(text -> DynamicTest.dynamicTest(escape(text), () -> {
            for (String query : List.of(Query.equal("title", text), Query.notEqual("title", text),
                    Query.startsWith("title", text), Query.endsWith("title", text), Query.contains("tags", text),
                    Query.search("title", text), Query.cursorAfter(text))) {
                try {
                    DocumentList found = db.listDocuments(DB, COLL, List.of(query));
                    boolean negated = query.contains("notEqual");
                    assertEquals(negated ? 2 : 0, found.getTotal(), query);
                } catch (QuireException e) {
                    assertTrue(List.of("general_query_invalid", "general_cursor_not_found").contains(e.getType()),
                            e.getType() + ": " + e.getMessage());
                    assertEquals(400, e.getCode());
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> brokenTextAsAnAttributeOrAQueryIsInvalid() {
        return brokenText().stream().map(text -> DynamicTest.dynamicTest(escape(text), () -> {
            assertQueryInvalid(List.of(Query.equal(text, "x")));
            assertQueryInvalid(List.of(Query.orderDesc(text)));
            assertQueryInvalid(List.of(text));
            assertQueryInvalid(List.of("{\"method\":\"equal\",\"attribute\":\"title\",\"values\":[\"" + text + "\"" + text));
        }));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** Every method, fed values of the wrong type or shape. */
    static List<String> wrongTypes() {
        List<String> queries = new ArrayList<>();
        for (String method : List.of("equal", "notEqual", "lessThan", "lessThanEqual", "greaterThan",
                "greaterThanEqual")) {
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[\"nineteen\"]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[{\"$gt\":1}]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"active\",\"values\":[[true]]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"released\",\"values\":[\"not a date\"]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":\"2009\"}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":7,\"values\":[1]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\"}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[]}");
        }
        for (String method : List.of("between", "notBetween")) {
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[1]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[1,2,3]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[\"a\",\"b\"]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[null,null]}");
        }
        for (String method : List.of("startsWith", "notStartsWith", "endsWith", "notEndsWith", "search",
                "notSearch", "regex")) {
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"title\",\"values\":[42]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"title\",\"values\":[{}]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[\"1\"]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"title\",\"values\":[\"a\",\"b\",\"c\",\"d\"]}");
        }
        for (String method : List.of("contains", "notContains", "containsAny", "containsAll")) {
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"tags\",\"values\":[[\"x\"]]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"tags\",\"values\":[{}]}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"year\",\"values\":[\"x\"]}");
        }
        for (String method : List.of("isNull", "isNotNull", "exists", "notExists")) {
            queries.add("{\"method\":\"" + method + "\",\"attribute\":{\"a\":1}}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"nope\"}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":[[[]]]}");
        }
        for (String method : List.of("and", "or")) {
            queries.add("{\"method\":\"" + method + "\",\"values\":[1,2]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[\"equal(\\\"year\\\", [1])\"]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[{\"method\":\"limit\",\"values\":[1]}]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":{}}");
            queries.add("{\"method\":\"" + method + "\"}");
        }
        queries.add("{\"method\":\"select\",\"values\":[1]}");
        queries.add("{\"method\":\"select\",\"values\":[null]}");
        queries.add("{\"method\":\"select\",\"values\":\"*\"}");
        for (String method : List.of("orderAsc", "orderDesc")) {
            queries.add("{\"method\":\"" + method + "\",\"attribute\":5}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":\"nope\"}");
            queries.add("{\"method\":\"" + method + "\",\"attribute\":[\"year\"]}");
        }
        for (String method : List.of("limit", "offset")) {
            queries.add("{\"method\":\"" + method + "\",\"values\":[\"ten\"]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[-1]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[1.5]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[1e300]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[99999999999999999999999]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[true]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[null]}");
        }
        for (String method : List.of("cursorAfter", "cursorBefore")) {
            queries.add("{\"method\":\"" + method + "\",\"values\":[5]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[{}]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[\"" + "x".repeat(100) + "\"]}");
        }
        for (String method : List.of("createdBefore", "createdAfter", "updatedBefore", "updatedAfter")) {
            queries.add("{\"method\":\"" + method + "\",\"values\":[42]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[\"yesterday\"]}");
        }
        for (String method : List.of("createdBetween", "updatedBetween")) {
            queries.add("{\"method\":\"" + method + "\",\"values\":[\"2020-01-01\"]}");
            queries.add("{\"method\":\"" + method + "\",\"values\":[1,2]}");
        }
        queries.add("{\"method\":\"crosses\",\"attribute\":\"title\",\"values\":[[0,0]]}");
        queries.add("{\"method\":\"DROP TABLE\",\"attribute\":\"title\",\"values\":[1]}");
        queries.add("{\"method\":null}");
        queries.add("{}");
        queries.add("null");
        queries.add("42");
        queries.add("\"equal\"");
        queries.add("");
        queries.add("equal(\"year\", [\"x\"]");
        queries.add("limit(\"x\")");
        queries.add("between(\"year\", 1)");
        return queries;
    }

    @TestFactory
    Stream<DynamicTest> everyMethodWithWrongValueTypesIsInvalid() {
        return wrongTypes().stream().map(query -> DynamicTest.dynamicTest("[" + query + "]",
                () -> assertQueryInvalid(List.of(query))));
    }

    @Test
    void aNullQueryInTheListIsInvalid() {
        List<String> queries = new ArrayList<>();
        queries.add(null);
        assertQueryInvalid(queries);
    }
}
