package dev.quire.query;

import dev.quire.QuireException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each expected string is what the Appwrite Node SDK's Query class returns for the same call. */
class QueryBuildersTest {

    @Test
    void equalWithAListWritesEveryValue() {
        assertEquals("{\"method\":\"equal\",\"attribute\":\"title\",\"values\":[\"Avatar\",\"Up\"]}",
                Query.equal("title", List.of("Avatar", "Up")));
    }

    @Test
    void equalWithAScalarWrapsItInAList() {
        assertEquals("{\"method\":\"equal\",\"attribute\":\"title\",\"values\":[\"Avatar\"]}",
                Query.equal("title", "Avatar"));
    }

    @Test
    void equalWithAnEmptyListWritesEmptyValues() {
        assertEquals("{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[]}", Query.equal("a", List.of()));
    }

    @Test
    void notEqualWritesOneValue() {
        assertEquals("{\"method\":\"notEqual\",\"attribute\":\"a\",\"values\":[true]}", Query.notEqual("a", true));
    }

    @Test
    void comparisonsWriteOneValue() {
        assertEquals("{\"method\":\"lessThan\",\"attribute\":\"score\",\"values\":[10]}", Query.lessThan("score", 10));
        assertEquals("{\"method\":\"lessThanEqual\",\"attribute\":\"score\",\"values\":[10]}", Query.lessThanEqual("score", 10));
        assertEquals("{\"method\":\"greaterThan\",\"attribute\":\"score\",\"values\":[10]}", Query.greaterThan("score", 10));
        assertEquals("{\"method\":\"greaterThanEqual\",\"attribute\":\"score\",\"values\":[10]}", Query.greaterThanEqual("score", 10));
    }

    @Test
    void betweenAndNotBetweenWriteStartThenEnd() {
        assertEquals("{\"method\":\"between\",\"attribute\":\"year\",\"values\":[2000,2010]}", Query.between("year", 2000, 2010));
        assertEquals("{\"method\":\"notBetween\",\"attribute\":\"year\",\"values\":[\"a\",\"z\"]}", Query.notBetween("year", "a", "z"));
    }

    @Test
    void nullChecksOmitValues() {
        assertEquals("{\"method\":\"isNull\",\"attribute\":\"x\"}", Query.isNull("x"));
        assertEquals("{\"method\":\"isNotNull\",\"attribute\":\"x\"}", Query.isNotNull("x"));
    }

    @Test
    void existsNamesItsAttributesInValues() {
        assertEquals("{\"method\":\"exists\",\"values\":[\"x\"]}", Query.exists("x"));
        assertEquals("{\"method\":\"notExists\",\"values\":[\"x\",\"y\"]}", Query.notExists(List.of("x", "y")));
    }

    @Test
    void stringMatchersWriteOneValue() {
        assertEquals("{\"method\":\"startsWith\",\"attribute\":\"t\",\"values\":[\"Av\"]}", Query.startsWith("t", "Av"));
        assertEquals("{\"method\":\"notStartsWith\",\"attribute\":\"t\",\"values\":[\"Av\"]}", Query.notStartsWith("t", "Av"));
        assertEquals("{\"method\":\"endsWith\",\"attribute\":\"t\",\"values\":[\"ar\"]}", Query.endsWith("t", "ar"));
        assertEquals("{\"method\":\"notEndsWith\",\"attribute\":\"t\",\"values\":[\"ar\"]}", Query.notEndsWith("t", "ar"));
        assertEquals("{\"method\":\"search\",\"attribute\":\"t\",\"values\":[\"space\"]}", Query.search("t", "space"));
        assertEquals("{\"method\":\"notSearch\",\"attribute\":\"t\",\"values\":[\"space\"]}", Query.notSearch("t", "space"));
        assertEquals("{\"method\":\"regex\",\"attribute\":\"t\",\"values\":[\"^A.*\"]}", Query.regex("t", "^A.*"));
    }

    @Test
    void containmentMethodsAcceptScalarsAndLists() {
        assertEquals("{\"method\":\"contains\",\"attribute\":\"tags\",\"values\":[\"a\"]}", Query.contains("tags", "a"));
        assertEquals("{\"method\":\"notContains\",\"attribute\":\"tags\",\"values\":[\"a\",\"b\"]}", Query.notContains("tags", List.of("a", "b")));
        assertEquals("{\"method\":\"containsAny\",\"attribute\":\"tags\",\"values\":[1,2]}", Query.containsAny("tags", List.of(1, 2)));
        assertEquals("{\"method\":\"containsAll\",\"attribute\":\"tags\",\"values\":[false]}", Query.containsAll("tags", false));
    }

    @Test
    void selectOrderAndPaginationMatchTheSdk() {
        assertEquals("{\"method\":\"select\",\"values\":[\"*\"]}", Query.select(List.of("*")));
        assertEquals("{\"method\":\"orderAsc\",\"attribute\":\"name\"}", Query.orderAsc("name"));
        assertEquals("{\"method\":\"orderDesc\",\"attribute\":\"name\"}", Query.orderDesc("name"));
        assertEquals("{\"method\":\"orderRandom\"}", Query.orderRandom());
        assertEquals("{\"method\":\"limit\",\"values\":[25]}", Query.limit(25));
        assertEquals("{\"method\":\"offset\",\"values\":[0]}", Query.offset(0));
        assertEquals("{\"method\":\"cursorAfter\",\"values\":[\"id\"]}", Query.cursorAfter("id"));
        assertEquals("{\"method\":\"cursorBefore\",\"values\":[\"id\"]}", Query.cursorBefore("id"));
    }

    @Test
    void logicalQueriesNestTheirChildrenAsObjects() {
        String or = Query.or(List.of(Query.equal("a", 1), Query.isNull("b")));
        assertEquals("{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]},"
                + "{\"method\":\"isNull\",\"attribute\":\"b\"}]}", or);
        assertEquals("{\"method\":\"and\",\"values\":[" + or + ",{\"method\":\"lessThan\",\"attribute\":\"c\",\"values\":[2]}]}",
                Query.and(List.of(or, Query.lessThan("c", 2))));
    }

    @Test
    void timestampHelpersFilterOnSystemAttributes() {
        assertEquals("{\"method\":\"lessThan\",\"attribute\":\"$createdAt\",\"values\":[\"2025-01-01\"]}", Query.createdBefore("2025-01-01"));
        assertEquals("{\"method\":\"greaterThan\",\"attribute\":\"$createdAt\",\"values\":[\"2025-01-01\"]}", Query.createdAfter("2025-01-01"));
        assertEquals("{\"method\":\"between\",\"attribute\":\"$createdAt\",\"values\":[\"a\",\"b\"]}", Query.createdBetween("a", "b"));
        assertEquals("{\"method\":\"lessThan\",\"attribute\":\"$updatedAt\",\"values\":[\"2025-01-01\"]}", Query.updatedBefore("2025-01-01"));
        assertEquals("{\"method\":\"greaterThan\",\"attribute\":\"$updatedAt\",\"values\":[\"2025-01-01\"]}", Query.updatedAfter("2025-01-01"));
        assertEquals("{\"method\":\"between\",\"attribute\":\"$updatedAt\",\"values\":[\"a\",\"b\"]}", Query.updatedBetween("a", "b"));
    }

    @Test
    void wholeDoublesAreWrittenWithoutAFraction() {
        assertEquals("{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[26]}", Query.equal("n", 26.0));
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        assertEquals("[0.1,-1.5,1e+21,1e-7,0.000001,100000000000000000000,123456789.125,5e-324,1.7976931348623157e+308,0,0.3]",
                values(0.1, -1.5, 1e21, 1e-7, 1e-6, 1e20, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.3f));
    }

    @Test
    void longsKeepEveryDigit() {
        assertEquals("[9223372036854775807,-9223372036854775808,-42]", values(Long.MAX_VALUE, Long.MIN_VALUE, -42));
    }

    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        assertEquals("[\"quote\\\" backslash\\\\ nl\\n tab\\t cr\\r bs\\b ff\\f nul\\u0000 us\\u001f\"]",
                values("quote\" backslash\\ nl\n tab\t cr\r bs\b ff\f nul\u0000 us\u001f"));
    }

    @Test
    void unicodeIsWrittenRawExceptLoneSurrogates() {
        assertEquals("[\"é 日本 😀 / < \u2028\",\"\\ud800x\"]", values("é 日本 😀 / < \u2028", "\ud800x"));
    }

    @Test
    void nullValuesInsideAListAreWrittenAsNull() {
        assertEquals("[\"a\",null]", values("a", null));
    }

    @Test
    void nonFiniteNumbersAreArgumentErrors() {
        assertArgumentInvalid(() -> Query.equal("n", Double.NaN));
        assertArgumentInvalid(() -> Query.lessThan("n", Double.POSITIVE_INFINITY));
        assertArgumentInvalid(() -> Query.between("n", 1, Float.NEGATIVE_INFINITY));
    }

    @Test
    void unsupportedValueTypesAreArgumentErrors() {
        assertArgumentInvalid(() -> Query.equal("n", new Object()));
    }

    @Test
    void nullArgumentsAreAppwritesMissingParameterError() {
        assertEquals("Param \"attribute\" is not optional.", assertArgumentInvalid(() -> Query.equal(null, "x")));
        assertEquals("Param \"value\" is not optional.", assertArgumentInvalid(() -> Query.equal("a", null)));
        assertEquals("Param \"value\" is not optional.", assertArgumentInvalid(() -> Query.startsWith("a", null)));
        assertEquals("Param \"documentId\" is not optional.", assertArgumentInvalid(() -> Query.cursorAfter(null)));
        assertEquals("Param \"attributes\" is not optional.", assertArgumentInvalid(() -> Query.select(null)));
        assertEquals("Param \"attribute\" is not optional.",
                assertArgumentInvalid(() -> Query.exists(Arrays.asList("a", null))));
        assertEquals("Param \"queries\" is not optional.", assertArgumentInvalid(() -> Query.or(null)));
        assertEquals("Param \"queries\" is not optional.",
                assertArgumentInvalid(() -> Query.and(Arrays.asList(Query.isNull("a"), null))));
    }

    @Test
    void logicalBuildersRejectQueriesThatAreNotFilters() {
        assertArgumentInvalid(() -> Query.or(List.of(Query.limit(1), Query.equal("a", 1))));
        QueryException e = assertThrows(QueryException.class, () -> Query.and(List.of("not a query")));
        assertEquals("general_query_invalid", e.getType());
    }

    @Test
    void logicalBuildersRefuseNestingDeeperThanAppwriteParses() {
        String query = Query.isNull("a");
        for (int depth = 0; depth < Logical.MAX_DEPTH; depth++) {
            query = Query.or(List.of(query, Query.isNull("b")));
        }
        String deepest = query;
        assertArgumentInvalid(() -> Query.or(List.of(deepest, Query.isNull("b"))));
    }

    /** @return the message */
    private static String assertArgumentInvalid(org.junit.jupiter.api.function.Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertEquals("general_argument_invalid", e.getType(), e.getMessage());
        assertEquals(400, e.getCode());
        return e.getMessage();
    }

    private static String values(Object... values) {
        String json = Query.equal("a", Arrays.asList(values));
        return json.substring(json.indexOf("\"values\":") + "\"values\":".length(), json.length() - 1);
    }
}
