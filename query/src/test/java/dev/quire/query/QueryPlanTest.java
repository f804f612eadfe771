package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryPlanTest {

    private static final QuerySchema MOVIES = QuerySchema.forDocuments(List.of(
            new Field("title", FieldType.STRING, false),
            new Field("year", FieldType.INTEGER, false),
            new Field("rating", FieldType.FLOAT, false),
            new Field("released", FieldType.BOOLEAN, false),
            new Field("premiere", FieldType.DATETIME, false),
            new Field("tags", FieldType.STRING, true),
            new Field("scores", FieldType.INTEGER, true)), Set.of("title"));

    private static QueryPlan plan(String... queries) {
        return QueryPlan.of(List.of(queries), MOVIES);
    }

    private static void assertRejected(String message, String... queries) {
        QueryException e = assertThrows(QueryException.class, () -> plan(queries));
        assertEquals(message, e.getMessage());
        assertEquals("general_query_invalid", e.getType());
    }

    private static Object onlyValue(QueryPlan plan) {
        return ((Filter) plan.filters().get(0)).values().get(0);
    }

    // --- value types ---

    @Test
    void integerValuesBecomeLongs() {
        assertEquals(1999L, onlyValue(plan(Query.equal("year", 1999))));
    }

    @Test
    void integerFieldsRejectAFractionalJsonNumberAsPhpDoes() {
        assertRejected("Invalid query: Query value is invalid for attribute \"year\"",
                "{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[1999.0]}");
    }

    @Test
    void floatFieldsAcceptWholeNumbersAsDoubles() {
        assertEquals(4.0, onlyValue(plan(Query.greaterThan("rating", 4))));
        assertEquals(4.5, onlyValue(plan(Query.greaterThan("rating", 4.5))));
    }

    @Test
    void datetimeValuesBecomeCanonicalUtcStrings() {
        assertEquals("2020-10-15T04:38:00.000+00:00", onlyValue(plan(Query.lessThan("premiere", "2020-10-15T06:38:00+02:00"))));
        assertEquals("2025-01-01T00:00:00.000+00:00", onlyValue(plan(Query.createdBefore("2025-01-01"))));
    }

    @Test
    void valuesThatDoNotFitTheFieldTypeAreRejected() {
        String message = "Invalid query: Query value is invalid for attribute \"year\"";
        assertRejected(message, Query.equal("year", "1999"));
        assertRejected(message, Query.equal("year", 19.5));
        assertRejected(message, Query.equal("year", true));
        assertRejected(message, Query.equal("year", Collections.singletonList(null)));
        assertRejected("Invalid query: Query value is invalid for attribute \"title\"", Query.equal("title", 5));
        assertRejected("Invalid query: Query value is invalid for attribute \"rating\"", Query.equal("rating", "4.5"));
        assertRejected("Invalid query: Query value is invalid for attribute \"released\"", Query.equal("released", "true"));
        assertRejected("Invalid query: Query value is invalid for attribute \"premiere\"", Query.equal("premiere", "yesterday"));
        assertRejected("Invalid query: Query value is invalid for attribute \"$createdAt\"", Query.createdAfter("10000-01-01"));
    }

    // --- attributes ---

    @Test
    void unknownAttributesAreNamed() {
        assertRejected("Invalid query: Attribute not found in schema: x", Query.equal("x", 1));
        assertRejected("Invalid query: Attribute not found in schema: x", Query.orderAsc("x"));
        assertRejected("Invalid query: Attribute not found in schema: x", Query.select(List.of("title", "x")));
        assertRejected("Invalid query: Attribute not found in schema: x", Query.exists("x"));
        assertRejected("Invalid query: Attribute not found in schema: x",
                Query.or(List.of(Query.equal("title", "a"), Query.isNull("x"))));
    }

    @Test
    void systemAttributesAreQueryable() {
        QueryPlan plan = plan(Query.equal("$id", "a"), Query.greaterThan("$sequence", 5), Query.createdAfter("2020-01-01"),
                Query.updatedBefore("2030-01-01"), Query.orderDesc("$createdAt"));
        assertEquals(4, plan.filters().size());
        assertEquals(List.of(new Order(Method.ORDER_DESC, "$createdAt")), plan.orders());
    }

    // --- value counts ---

    @Test
    void equalAndContainsNeedAtLeastOneValue() {
        assertRejected("Invalid query: Equal queries require at least one value.", Query.equal("title", List.of()));
        assertRejected("Invalid query: Contains queries require at least one value.", Query.contains("tags", List.of()));
        assertRejected("Invalid query: ContainsAny queries require at least one value.", Query.containsAny("tags", List.of()));
        assertRejected("Invalid query: Exists queries require at least one value.", "{\"method\":\"exists\"}");
    }

    @Test
    void comparisonsAndMatchersNeedExactlyOneValue() {
        assertRejected("Invalid query: LessThan queries require exactly one value.", Query.lessThan("year", List.of(1, 2)));
        assertRejected("Invalid query: NotEqual queries require exactly one value.", Query.notEqual("year", List.of()));
        assertRejected("Invalid query: StartsWith queries require exactly one value.", "startsWith(\"title\")");
    }

    @Test
    void betweenNeedsExactlyTwoValues() {
        assertRejected("Invalid query: Between queries require exactly two values.", "between(\"year\", 1)");
        assertRejected("Invalid query: NotBetween queries require exactly two values.", "notBetween(\"year\", 1, 2, 3)");
    }

    @Test
    void logicalQueriesNeedAtLeastTwoChildren() {
        assertRejected("Invalid query: Or queries require at least two queries", Query.or(List.of(Query.equal("title", "a"))));
        assertRejected("Invalid query: And queries require at least two queries", "{\"method\":\"and\",\"values\":[]}");
    }

    @Test
    void logicalChildrenAreValidatedAndNormalised() {
        QueryPlan plan = plan(Query.and(List.of(Query.equal("rating", 4), Query.or(List.of(Query.isNull("title"),
                Query.lessThan("premiere", "2020-01-01"))))));
        Logical and = (Logical) plan.filters().get(0);
        assertEquals(4.0, ((Filter) and.queries().get(0)).values().get(0));
        Logical or = (Logical) and.queries().get(1);
        assertEquals("2020-01-01T00:00:00.000+00:00", ((Filter) or.queries().get(1)).values().get(0));
    }

    @Test
    void atMostOneHundredQueriesPerCall() {
        List<String> queries = new ArrayList<>(Collections.nCopies(100, Query.isNull("title")));
        assertEquals(100, QueryPlan.of(queries, MOVIES).filters().size());
        queries.add(Query.isNull("title"));
        QueryException e = assertThrows(QueryException.class, () -> QueryPlan.of(queries, MOVIES));
        assertEquals("Invalid query: Queries count is greater than 100", e.getMessage());
    }

    @Test
    void atMostFiveHundredValuesPerQuery() {
        List<Object> values = new ArrayList<>(Collections.nCopies(500, 1));
        assertEquals(1, plan(Query.equal("year", values)).filters().size());
        values.add(1);
        assertRejected("Invalid query: Query on attribute has greater than 500 values: year", Query.equal("year", values));
    }

    // --- arrays and containment ---

    @Test
    void arrayAttributesAllowOnlyContainmentNullAndExistence() {
        plan(Query.contains("tags", "a"), Query.notContains("tags", "a"), Query.containsAny("scores", List.of(1, 2)),
                Query.containsAll("tags", List.of("a")), Query.isNull("tags"), Query.isNotNull("tags"),
                Query.exists("tags"), Query.notExists("tags"));
        assertRejected("Invalid query: Cannot query equal on attribute \"tags\" because it is an array.", Query.equal("tags", "a"));
        assertRejected("Invalid query: Cannot query greaterThan on attribute \"scores\" because it is an array.", Query.greaterThan("scores", 1));
    }

    @Test
    void containsOnANonArrayAttributeOnlyForStrings() {
        plan(Query.contains("title", "ava"));
        assertRejected("Invalid query: Cannot query contains on attribute \"year\" because it is not an array or string.", Query.contains("year", 1));
        assertRejected("Invalid query: Cannot query notContains on attribute \"year\" because it is not an array or string.", Query.notContains("year", 1));
    }

    // --- search ---

    @Test
    void textMatchersOnlyForStringsAndDatetimes() {
        assertRejected("Invalid query: Cannot query startsWith on attribute \"year\" because it is not a string.",
                "{\"method\":\"startsWith\",\"attribute\":\"year\",\"values\":[19]}");
        assertRejected("Invalid query: Cannot query regex on attribute \"released\" because it is not a string.",
                "{\"method\":\"regex\",\"attribute\":\"released\",\"values\":[true]}");
        assertEquals("Fro", onlyValue(plan(Query.startsWith("title", "Fro"))));
    }

    @Test
    void regexPatternsMustCompileInRe2Syntax() {
        assertRejected("Invalid query: Invalid regular expression: missing closing )", Query.regex("title", "("));
        assertRejected("Invalid query: Invalid regular expression: invalid escape sequence",
                Query.regex("title", "(a)\\1"));
        assertEquals("^Fro(z|s)en$", onlyValue(plan(Query.regex("title", "^Fro(z|s)en$"))));
    }

    @Test
    void searchNeedsAFulltextIndex() {
        plan(Query.search("title", "space"), Query.notSearch("title", "space"));
        QueryException e = assertThrows(QueryException.class, () -> plan(Query.search("$id", "x")));
        assertEquals("Searching by attribute \"$id\" requires a fulltext index.", e.getMessage());
    }

    // --- select ---

    @Test
    void selectRejectsEmptyAndDuplicateLists() {
        assertRejected("Invalid query: No attributes selected", Query.select(List.of()));
        assertRejected("Invalid query: Duplicate attributes selected", Query.select(List.of("title", "title")));
    }

    @Test
    void selectKeepsOrderAndStarMeansAll() {
        assertEquals(List.of("year", "title", "$id"), plan(Query.select(List.of("year", "title", "$id"))).select());
        assertEquals(List.of(), plan(Query.select(List.of("*", "title"))).select());
        assertEquals(List.of(), plan().select());
    }

    // --- pagination ---

    @Test
    void limitMustBeAtLeastOne() {
        assertEquals(1, plan(Query.limit(1)).limit());
        assertRejected("Invalid query: Invalid limit: Value must be a valid range between 1 and 2,147,483,647", Query.limit(0));
    }

    @Test
    void offsetMustNotBeNegative() {
        assertEquals(0, plan(Query.offset(0)).offset());
        assertRejected("Invalid query: Invalid offset: Value must be a valid range between 0 and 2,147,483,647", Query.offset(-1));
    }

    @Test
    void onlyTheFirstLimitOffsetAndCursorCount() {
        QueryPlan plan = plan(Query.limit(5), Query.offset(2), Query.cursorAfter("a"), Query.limit(50), Query.offset(9),
                Query.cursorBefore("b"));
        assertEquals(5, plan.limit());
        assertEquals(2, plan.offset());
        assertEquals(new Cursor(Method.CURSOR_AFTER, "a"), plan.cursor());
    }

    @Test
    void absentPaginationIsNull() {
        QueryPlan plan = plan();
        assertNull(plan.limit());
        assertNull(plan.offset());
        assertNull(plan.cursor());
    }

    @Test
    void cursorMustBeAValidId() {
        plan(Query.cursorAfter("doc-1.a_b"));
        assertRejected(Trees.INVALID_CURSOR, Query.cursorAfter("_x"));
        assertRejected(Trees.INVALID_CURSOR, Query.cursorAfter("x".repeat(37)));
        assertRejected(Trees.INVALID_CURSOR, Query.cursorAfter(""));
    }

    // --- orders and misc ---

    @Test
    void ordersKeepTheirSequence() {
        assertEquals(List.of(new Order(Method.ORDER_ASC, "year"), new Order(Method.ORDER_RANDOM, null)),
                plan(Query.orderAsc("year"), Query.orderRandom()).orders());
    }

    @Test
    void plainSchemasHaveNoSystemAttributes() {
        QuerySchema databases = QuerySchema.of(List.of(new Field("name", FieldType.STRING, false)));
        assertEquals(1, QueryPlan.of(List.of(Query.equal("name", "x")), databases).filters().size());
        QueryException e = assertThrows(QueryException.class,
                () -> QueryPlan.of(List.of(Query.equal("$sequence", 1)), databases));
        assertEquals("Invalid query: Attribute not found in schema: $sequence", e.getMessage());
    }

    @Test
    void nullQueryListMeansNoQueries() {
        assertEquals(List.of(), QueryPlan.of(null, MOVIES).filters());
    }

    @Test
    void nullQueryInTheListIsInvalid() {
        QueryException e = assertThrows(QueryException.class,
                () -> QueryPlan.of(Collections.singletonList(null), MOVIES));
        assertEquals("Invalid query: Syntax error", e.getMessage());
    }

    @Test
    void legacySyntaxIsValidatedTheSameWay() {
        assertEquals(List.of(new Filter(Method.EQUAL, "rating", List.of(4.0))), plan("equal(\"rating\", 4)").filters());
    }
}
