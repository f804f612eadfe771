package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

    private static Filter filter(Method method, String attribute, Object... values) {
        return new Filter(method, attribute, Arrays.asList(values));
    }

    private static void assertRejected(String query, String message) {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(query));
        assertEquals(message, e.getMessage());
        assertEquals("general_query_invalid", e.getType());
        assertEquals(400, e.getCode());
    }

    // --- JSON syntax ---

    @Test
    void jsonFilterParsesMethodAttributeAndValues() {
        assertEquals(filter(Method.EQUAL, "title", "Avatar", "Up"),
                QueryParser.parse("{\"method\":\"equal\",\"attribute\":\"title\",\"values\":[\"Avatar\",\"Up\"]}"));
    }

    @Test
    void jsonWithoutAttributeOrValuesParses() {
        assertEquals(filter(Method.IS_NULL, "x"), QueryParser.parse("{\"method\":\"isNull\",\"attribute\":\"x\"}"));
        assertEquals(new Order(Method.ORDER_RANDOM, null), QueryParser.parse("{\"method\":\"orderRandom\"}"));
    }

    @Test
    void jsonLogicalParsesNestedObjects() {
        assertEquals(new Logical(Method.OR, List.of(filter(Method.EQUAL, "a", 1L), filter(Method.IS_NULL, "b"))),
                QueryParser.parse("{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]},"
                        + "{\"method\":\"isNull\",\"attribute\":\"b\"}]}"));
    }

    @Test
    void jsonNonFilterMethodsParseIntoTheirNodes() {
        assertEquals(new Select(List.of("a", "b")), QueryParser.parse("{\"method\":\"select\",\"values\":[\"a\",\"b\"]}"));
        assertEquals(new Order(Method.ORDER_DESC, "a"), QueryParser.parse("{\"method\":\"orderDesc\",\"attribute\":\"a\"}"));
        assertEquals(new Limit(25), QueryParser.parse("{\"method\":\"limit\",\"values\":[25]}"));
        assertEquals(new Offset(3), QueryParser.parse("{\"method\":\"offset\",\"values\":[3]}"));
        assertEquals(new Cursor(Method.CURSOR_BEFORE, "doc1"), QueryParser.parse("{\"method\":\"cursorBefore\",\"values\":[\"doc1\"]}"));
    }

    @Test
    void orderWithoutAttributeOrdersBySequenceAsUtopiaDoes() {
        assertEquals(new Order(Method.ORDER_ASC, "$sequence"), QueryParser.parse("{\"method\":\"orderAsc\"}"));
    }

    @Test
    void jsonNumbersBecomeLongsOrDoubles() {
        assertEquals(filter(Method.EQUAL, "n", 1L, 1.5, 26L, 1e21, Long.MAX_VALUE, -3L),
                QueryParser.parse("{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1,1.5,26.0,1e21,9223372036854775807,-3]}"));
    }

    @Test
    void jsonUnicodeEscapesAreDecoded() {
        assertEquals(filter(Method.EQUAL, "t", "é\n\"😀"),
                QueryParser.parse("{\"method\":\"equal\",\"attribute\":\"t\",\"values\":[\"\\u00e9\\n\\\"\\ud83d\\ude00\"]}"));
    }

    @Test
    void timestampAliasesBecomeFiltersOnSystemAttributes() {
        assertEquals(filter(Method.LESS_THAN, "$createdAt", "2025-01-01"),
                QueryParser.parse("{\"method\":\"createdBefore\",\"values\":[\"2025-01-01\"]}"));
        assertEquals(filter(Method.GREATER_THAN, "$createdAt", "2025-01-01"),
                QueryParser.parse("{\"method\":\"createdAfter\",\"values\":[\"2025-01-01\"]}"));
        assertEquals(filter(Method.BETWEEN, "$createdAt", "a", "b"),
                QueryParser.parse("{\"method\":\"createdBetween\",\"values\":[\"a\",\"b\"]}"));
        assertEquals(filter(Method.LESS_THAN, "$updatedAt", "x"), QueryParser.parse("updatedBefore(\"x\")"));
        assertEquals(filter(Method.GREATER_THAN, "$updatedAt", "x"), QueryParser.parse("updatedAfter(\"x\")"));
        assertEquals(filter(Method.BETWEEN, "$updatedAt", "a", "b"), QueryParser.parse("updatedBetween(\"a\", \"b\")"));
    }

    // --- function-call syntax ---

    @Test
    void functionCallFilterTakesTheAttributeFirst() {
        assertEquals(filter(Method.EQUAL, "title", "Avatar", "Up"), QueryParser.parse("equal(\"title\", [\"Avatar\",\"Up\"])"));
        assertEquals(filter(Method.EQUAL, "title", "Avatar"), QueryParser.parse("equal(\"title\", \"Avatar\")"));
        assertEquals(filter(Method.BETWEEN, "year", 2000L, 2010L), QueryParser.parse("between(\"year\", 2000, 2010)"));
        assertEquals(filter(Method.IS_NULL, "x"), QueryParser.parse("isNull(\"x\")"));
    }

    @Test
    void functionCallParsesEveryFilterMethod() {
        for (Method method : Method.values()) {
            if (method.kind() == Method.Kind.FILTER && method != Method.EXISTS && method != Method.NOT_EXISTS) {
                assertEquals(filter(method, "a", "v"), QueryParser.parse(method.wireName() + "('a', 'v')"), method.wireName());
            }
        }
    }

    @Test
    void jsonParsesEveryFilterMethod() {
        for (Method method : Method.values()) {
            if (method.kind() == Method.Kind.FILTER) {
                Filter expected = filter(method, "a", "v");
                assertEquals(expected, QueryParser.parse(expected.toJson()), method.wireName());
            }
        }
    }

    @Test
    void functionCallExistsNamesAttributesAsValues() {
        assertEquals(filter(Method.EXISTS, null, "a", "b"), QueryParser.parse("exists([\"a\", \"b\"])"));
        assertEquals(filter(Method.NOT_EXISTS, null, "a"), QueryParser.parse("notExists(\"a\")"));
    }

    @Test
    void functionCallParsesNonFilterMethods() {
        assertEquals(new Select(List.of("a", "b")), QueryParser.parse("select([\"a\", \"b\"])"));
        assertEquals(new Order(Method.ORDER_ASC, "name"), QueryParser.parse("orderAsc(\"name\")"));
        assertEquals(new Order(Method.ORDER_DESC, "name"), QueryParser.parse("orderDesc('name')"));
        assertEquals(new Order(Method.ORDER_RANDOM, null), QueryParser.parse("orderRandom()"));
        assertEquals(new Limit(25), QueryParser.parse("limit(25)"));
        assertEquals(new Offset(0), QueryParser.parse("offset(0)"));
        assertEquals(new Cursor(Method.CURSOR_AFTER, "id"), QueryParser.parse("cursorAfter(\"id\")"));
        assertEquals(new Cursor(Method.CURSOR_BEFORE, "id"), QueryParser.parse("cursorBefore(\"id\")"));
    }

    @Test
    void functionCallLogicalTakesNestedCalls() {
        assertEquals(new Logical(Method.AND, List.of(filter(Method.EQUAL, "a", 1L),
                        new Logical(Method.OR, List.of(filter(Method.IS_NULL, "b"), filter(Method.LESS_THAN, "c", 2.5))))),
                QueryParser.parse("and(equal(\"a\", 1), or(isNull(\"b\"), lessThan(\"c\", 2.5)))"));
    }

    @Test
    void functionCallLiteralsAreTyped() {
        assertEquals(filter(Method.EQUAL, "a", true, false, null, -1L, 0.5, 1e3, 9.223372036854775808E18),
                QueryParser.parse("equal(\"a\", [true, false, null, -1, .5, 1e3, 9223372036854775808])"));
    }

    @Test
    void functionCallQuotesAndEscapes() {
        assertEquals(filter(Method.EQUAL, "a", "it's", "say \"hi\"", "back\\slash", "keep\\n", "a,b)"),
                QueryParser.parse("equal('a', ['it\\'s', \"say \\\"hi\\\"\", 'back\\\\slash', 'keep\\n', \"a,b)\"])"));
    }

    @Test
    void functionCallAllowsWhitespaceBetweenTokens() {
        assertEquals(filter(Method.EQUAL, "a", 1L), QueryParser.parse("  equal ( 'a' ,\n[ 1 ] )  "));
    }

    @Test
    void toJsonOfAParsedFunctionCallIsTheSdkString() {
        assertEquals(Query.between("year", 2000, 2010), QueryParser.parse("between(\"year\", 2000, 2010)").toJson());
    }

    // --- malformed input ---

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"method\":\"equal\"", "{\"method\":\"limit\",\"values\":[1]} x",
            "[1,", "nul", "{'method':'limit'}", "{\"method\":\"equal\",\"values\":[01]}"})
    void malformedJsonIsASyntaxError(String query) {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(query));
        assertTrue(e.getMessage().startsWith("Invalid query: Syntax error at character "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"equal", "equal(", "equal(\"a\"", "equal(\"a\", [1)", "equal(\"a\", 1]", "equal(\"a\", \"x)",
            "equal('a', 'x)", "equal(\"a\", bogus)", "equal(\"a\", 1.2.3)", "equal(\"a\",, 1)", "equal(\"a\", 1) x",
            "equal(\"a\", 0x10)", "equal(\"a\", [1 2])", "limit(25", "equal(\"a\", 1e999)", "equal(\"a\", \"x\\"})
    void malformedFunctionCallIsASyntaxError(String query) {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(query));
        assertTrue(e.getMessage().matches("Invalid query: Syntax error at character \\d+: expected .+, found .+"),
                e.getMessage());
    }

    @Test
    void aFunctionCallSyntaxErrorNamesThePositionTheExpectedTokenAndWhatWasFound() {
        assertRejected("equal(\"a\", [1 2])",
                "Invalid query: Syntax error at character 15: expected ',' or ']', found '2'");
        assertRejected("limit(25",
                "Invalid query: Syntax error at character 9: expected ',' or ')', found the end of the query");
        assertRejected("equal(\"a\", 1) x",
                "Invalid query: Syntax error at character 15: expected the end of the query, found 'x'");
        assertRejected("equal(\"a\", 1.2.3)", "Invalid query: Syntax error at character 12: expected a value "
                + "(a string, a number, an array, true, false, null or a query), found '1.2.3'");
        assertRejected("equal('a', 'x)", "Invalid query: Syntax error at character 12: "
                + "expected a closing ' for the string that starts here, found the end of the query");
        assertRejected("equal(\"a\", bogus)",
                "Invalid query: Syntax error at character 17: expected '(' after bogus (or true, false, null), found ')'");
    }

    @Test
    void aJsonSyntaxErrorNamesThePositionAndWhatJacksonExpected() {
        assertRejected("{\"method\":\"equal\" \"attribute\":\"a\"}", "Invalid query: Syntax error at character 19: "
                + "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
        assertRejected("", "Invalid query: Syntax error at character 1: expected a query, found the end of the query");
    }

    @Test
    void unknownMethodIsNamed() {
        assertRejected("{\"method\":\"like\",\"attribute\":\"a\"}", "Invalid query method: like");
        assertRejected("like(\"a\", 1)", "Invalid query method: like");
        assertRejected("{\"attribute\":\"a\"}", "Invalid query method: ");
    }

    @Test
    void methodNamesAreCaseSensitive() {
        assertRejected("{\"method\":\"EQUAL\",\"attribute\":\"a\",\"values\":[1]}", "Invalid query method: EQUAL");
    }

    @Test
    void wrongJsonTypesAreRejectedWithUtopiasMessages() {
        assertRejected("\"equal\"", "Invalid query. Must be an array, got string");
        assertRejected("42", "Invalid query. Must be an array, got integer");
        assertRejected("null", "Invalid query. Must be an array, got NULL");
        assertRejected("[\"equal\"]", "Invalid query method: ");
        assertRejected("{\"method\":5}", "Invalid query method. Must be a string, got integer");
        assertRejected("{\"method\":\"equal\",\"attribute\":[\"a\"],\"values\":[1]}", "Invalid query attribute. Must be a string, got array");
        assertRejected("{\"method\":\"equal\",\"attribute\":\"a\",\"values\":\"x\"}", "Invalid query values. Must be an array, got string");
        assertRejected("{\"method\":\"equal\",\"attribute\":\"a\",\"values\":{\"x\":1}}", "Invalid query values. Must be an array, got array");
    }

    @Test
    void nestedArraysAndObjectsAreNotFilterValues() {
        assertRejected("{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[[1]]}", "Invalid query: Query value is invalid for attribute \"a\"");
        assertRejected("equal(\"a\", [[1], 2])", "Invalid query: Query value is invalid for attribute \"a\"");
    }

    @Test
    void logicalChildrenMustBeFilters() {
        assertRejected("{\"method\":\"or\",\"values\":[{\"method\":\"limit\",\"values\":[1]},{\"method\":\"isNull\",\"attribute\":\"a\"}]}",
                "Invalid query: Or queries can only contain filter queries");
        assertRejected("and(isNull(\"a\"), orderAsc(\"b\"))", "Invalid query: And queries can only contain filter queries");
        assertRejected("{\"method\":\"or\",\"values\":[\"x\"]}", "Invalid query. Must be an array, got string");
    }

    @Test
    void spatialVectorAndElemMatchAreNotSupportedYet() {
        assertRejected("{\"method\":\"crosses\",\"attribute\":\"p\",\"values\":[[[0,0],[1,1]]]}", "Invalid query: Method \"crosses\" is not supported yet");
        assertRejected("{\"method\":\"vectorDot\",\"attribute\":\"v\",\"values\":[[1,2]]}", "Invalid query: Method \"vectorDot\" is not supported yet");
        assertRejected("{\"method\":\"elemMatch\",\"attribute\":\"a\",\"values\":[]}", "Invalid query: Method \"elemMatch\" is not supported yet");
        assertRejected("distanceLessThan(\"p\", [[1, 2], 5, true])", "Invalid query: Method \"distanceLessThan\" is not supported yet");
    }

    @Test
    void limitAndOffsetMustBeNumbers() {
        assertRejected("{\"method\":\"limit\",\"values\":[\"25\"]}", "Invalid query: Invalid limit: Value must be a valid number");
        assertRejected("limit()", "Invalid query: Invalid limit: Value must be a valid number");
        assertRejected("{\"method\":\"limit\",\"values\":[2.5]}", "Invalid query: Invalid limit: Value must be a valid range between 1 and 2,147,483,647");
        assertRejected("{\"method\":\"offset\",\"values\":[3000000000]}", "Invalid query: Invalid offset: Value must be a valid range between 0 and 2,147,483,647");
    }

    @Test
    void nonNumericOffsetKeepsUtopiasLimitWording() {
        assertRejected("{\"method\":\"offset\",\"values\":[true]}", "Invalid query: Invalid limit: Value must be a valid number");
    }

    @Test
    void cursorMustBeAString() {
        assertRejected("{\"method\":\"cursorAfter\",\"values\":[1]}", Trees.INVALID_CURSOR);
        assertRejected("{\"method\":\"cursorAfter\"}", Trees.INVALID_CURSOR);
    }

    @Test
    void selectValuesMustBeStrings() {
        assertRejected("{\"method\":\"select\",\"values\":[\"a\",1]}", "Invalid query: Attribute selection must be a string, got int");
    }

    @Test
    void thousandDeepJsonNestingIsRejected() {
        String deep = "{\"method\":\"or\",\"values\":[".repeat(1000) + "]}".repeat(1000);
        assertRejected(deep, "Invalid query: Maximum stack depth exceeded");
    }

    @Test
    void thousandDeepArraysAreRejected() {
        assertRejected("[".repeat(1000) + "]".repeat(1000), "Invalid query: Maximum stack depth exceeded");
        assertRejected("equal(\"a\", " + "[".repeat(1000) + "]".repeat(1000) + ")", "Invalid query: Maximum stack depth exceeded");
    }

    @Test
    void thousandDeepFunctionCallsAreRejected() {
        String deep = "or(".repeat(1000) + "isNull(\"a\")" + ")".repeat(1000);
        assertRejected(deep, "Invalid query: Maximum stack depth exceeded");
    }

    @Test
    void logicalNestingBeyondTheMaximumDepthIsRejected() {
        String allowed = "or(".repeat(Logical.MAX_DEPTH) + "isNull(\"a\")" + ")".repeat(Logical.MAX_DEPTH);
        assertEquals(Logical.MAX_DEPTH, ((Logical) QueryParser.parse(allowed)).depth());
        String tooDeep = "or(" + allowed + ")";
        assertRejected(tooDeep, "Invalid query: Maximum stack depth exceeded");
    }

    @Test
    void theDeepestAllowedTreeRoundTripsThroughJson() {
        QueryNode node = QueryParser.parse("or(".repeat(Logical.MAX_DEPTH) + "equal(\"a\", 1)" + ")".repeat(Logical.MAX_DEPTH));
        assertEquals(node, QueryParser.parse(node.toJson()));
    }

    @Test
    void veryLongStringsParse() {
        String big = "x".repeat(1_000_000);
        assertEquals(filter(Method.EQUAL, "a", big), QueryParser.parse(Query.equal("a", big)));
        assertEquals(filter(Method.EQUAL, "a", big), QueryParser.parse("equal('a', '" + big + "')"));
    }

    @Test
    void nullQueryIsAnArgumentError() {
        assertThrows(NullPointerException.class, () -> QueryParser.parse(null));
    }
}
