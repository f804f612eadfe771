package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** How operators are found in data, checked against their attribute and applied, as Appwrite does it. */
class UpdateOperatorTest {

    private static final Field COUNT = new Field("count", FieldType.INTEGER, false);
    private static final Field PRICE = new Field("price", FieldType.FLOAT, false);
    private static final Field TITLE = new Field("title", FieldType.STRING, false);
    private static final Field TAGS = new Field("tags", FieldType.STRING, true);
    private static final Field SCORES = new Field("scores", FieldType.INTEGER, true);
    private static final Field ACTIVE = new Field("active", FieldType.BOOLEAN, false);
    private static final Field DUE = new Field("due", FieldType.DATETIME, false);
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    // ---- recognition ----------------------------------------------------------------------------------

    @Test
    void anOperatorStringFromTheBuildersIsRecognised() {
        UpdateOperator op = UpdateOperator.recognise("count", Operator.increment(2, 10)).orElseThrow();
        assertEquals(new UpdateOperator("count", OperatorMethod.INCREMENT, List.of(2L, 10L)), op);
    }

    @Test
    void anOperatorObjectIsRecognisedAsTransactionLogsHoldIt() {
        Map<String, Object> object = Map.of("method", "toggle", "values", List.of());
        assertEquals(OperatorMethod.TOGGLE, UpdateOperator.recognise("active", object).orElseThrow().method());
    }

    @Test
    void theDataKeyNamesTheAttributeWhateverTheOperatorSays() {
        String json = "{\"method\":\"increment\",\"attribute\":\"other\",\"values\":[1]}";
        assertEquals("count", UpdateOperator.recognise("count", json).orElseThrow().attribute());
    }

    @Test
    void ordinaryValuesAreNotOperators() {
        assertTrue(UpdateOperator.recognise("title", "hello").isEmpty());
        assertTrue(UpdateOperator.recognise("title", "{not json").isEmpty());
        assertTrue(UpdateOperator.recognise("title", "{\"method\":\"equal\",\"values\":[1]}").isEmpty());
        assertTrue(UpdateOperator.recognise("title", "{\"values\":[1]}").isEmpty());
        assertTrue(UpdateOperator.recognise("title", "[\"increment\"]").isEmpty());
        assertTrue(UpdateOperator.recognise("count", 5L).isEmpty());
        assertTrue(UpdateOperator.recognise("tags", List.of("{\"method\":\"toggle\"}")).isEmpty());
    }

    @Test
    void systemKeysAreNeverOperators() {
        assertTrue(UpdateOperator.recognise("$id", Operator.increment()).isEmpty());
    }

    @Test
    void missingValuesMeanNoValues() {
        assertEquals(List.of(), UpdateOperator.recognise("active", "{\"method\":\"toggle\"}").orElseThrow().values());
    }

    @Test
    void malformedOperatorsAreBadRequests() {
        OperatorException e = assertThrows(OperatorException.class,
                () -> UpdateOperator.recognise("count", "{\"method\":\"increment\",\"values\":\"1\"}"));
        assertEquals("general_bad_request", e.getType());
        assertEquals(400, e.getCode());
        assertEquals("Invalid operator for attribute \"count\": Invalid operator values. Must be an array, got string",
                e.getMessage());
        assertEquals("Invalid operator for attribute \"count\": Invalid operator attribute. Must be a string, got integer",
                assertThrows(OperatorException.class, () -> UpdateOperator.recognise("count",
                        "{\"method\":\"increment\",\"attribute\":5,\"values\":[1]}")).getMessage());
    }

    @Test
    void toJsonWritesWhatTheBuildersWrite() {
        String json = Operator.arrayFilter(Condition.GREATER_THAN, 2.5);
        assertEquals(json, UpdateOperator.recognise("scores", json).orElseThrow().toJson());
    }

    // ---- checks against the attribute -----------------------------------------------------------------

    @Test
    void numericOperatorsNeedANumericAttribute() {
        assertInvalid("Cannot apply increment operator to non-numeric field 'title'", TITLE, Operator.increment());
        assertInvalid("Cannot apply power operator to non-numeric field 'scores'", SCORES, Operator.power(2));
    }

    @Test
    void numericOperatorsNeedANumericValueAndBound() {
        assertInvalid("Cannot apply increment operator: value must be numeric, got string", COUNT,
                "{\"method\":\"increment\",\"values\":[\"1\"]}");
        assertInvalid("Cannot apply increment operator: value must be numeric, got NULL", COUNT,
                "{\"method\":\"increment\",\"values\":[]}");
        assertInvalid("Cannot apply decrement operator: max/min limit must be numeric, got boolean", COUNT,
                "{\"method\":\"decrement\",\"values\":[1,true]}");
    }

    @Test
    void divisionAndModuloByZeroAreRefused() {
        assertInvalid("Cannot apply divide operator: division by zero", PRICE, "{\"method\":\"divide\",\"values\":[0]}");
        assertInvalid("Cannot apply modulo operator: modulo by zero", COUNT, "{\"method\":\"modulo\",\"values\":[0.0]}");
        assertInvalid("Cannot apply modulo operator: modulo by zero", COUNT, "{\"method\":\"modulo\",\"values\":[0.5]}");
    }

    @Test
    void arrayOperatorsNeedAnArrayAttribute() {
        assertInvalid("Cannot apply arrayAppend operator to non-array field 'title'", TITLE,
                Operator.arrayAppend(List.of("x")));
        assertInvalid("Cannot use arrayIntersect operator on non-array attribute 'title'", TITLE,
                Operator.arrayIntersect(List.of("x")));
        assertInvalid("Cannot use arrayDiff operator on non-array attribute 'count'", COUNT,
                Operator.arrayDiff(List.of(1)));
    }

    @Test
    void arrayOperatorValuesAreChecked() {
        assertInvalid("Cannot apply arrayInsert operator: requires exactly 2 values (index and value)", TAGS,
                "{\"method\":\"arrayInsert\",\"values\":[0]}");
        assertInvalid("Cannot apply arrayInsert operator: index must be a non-negative integer", TAGS,
                Operator.arrayInsert(-1, "x"));
        assertInvalid("Cannot apply arrayInsert operator: index must be a non-negative integer", TAGS,
                "{\"method\":\"arrayInsert\",\"values\":[1.5,\"x\"]}");
        assertInvalid("Cannot apply arrayRemove operator: requires a value to remove", TAGS,
                "{\"method\":\"arrayRemove\",\"values\":[]}");
        assertInvalid("arrayIntersect operator requires a non-empty array value", TAGS,
                Operator.arrayIntersect(List.of()));
        assertInvalid("Cannot apply arrayFilter operator: requires 1 or 2 values (condition and optional comparison value)",
                TAGS, "{\"method\":\"arrayFilter\",\"values\":[]}");
        assertInvalid("Cannot apply arrayFilter operator: condition must be a string", TAGS,
                "{\"method\":\"arrayFilter\",\"values\":[1,2]}");
    }

    @Test
    void theSdksContainsConditionIsRefusedAsTheServerRefusesIt() {
        assertInvalid("Invalid array filter condition 'contains'. Must be one of: equal, notEqual, greaterThan, "
                + "greaterThanEqual, lessThan, lessThanEqual, isNull, isNotNull", TAGS,
                Operator.arrayFilter(Condition.CONTAINS, "x"));
    }

    @Test
    void stringBooleanAndDateOperatorsNeedTheirTypes() {
        assertInvalid("Cannot apply stringConcat operator to non-string field 'tags'", TAGS, Operator.stringConcat("x"));
        assertInvalid("Cannot apply stringConcat operator: requires a string value", TITLE,
                "{\"method\":\"stringConcat\",\"values\":[5]}");
        assertInvalid("Cannot apply stringReplace operator: requires exactly 2 string values (search and replace)",
                TITLE, "{\"method\":\"stringReplace\",\"values\":[\"a\"]}");
        assertInvalid("Cannot apply toggle operator to non-boolean field 'count'", COUNT, Operator.toggle());
        assertInvalid("Cannot apply dateSetNow operator to non-datetime field 'title'", TITLE, Operator.dateSetNow());
        assertInvalid("Cannot apply dateAddDays operator: requires an integer number of days", DUE,
                "{\"method\":\"dateAddDays\",\"values\":[1.5]}");
    }

    @Test
    void checkFailuresAreInvalidStructure() {
        OperatorException e = assertThrows(OperatorException.class,
                () -> op(TITLE, Operator.increment()).check(TITLE));
        assertEquals("document_invalid_structure", e.getType());
        assertEquals("Invalid document structure: Cannot apply increment operator to non-numeric field 'title'",
                e.getMessage());
    }

    // ---- applying -------------------------------------------------------------------------------------

    @Test
    void numericOperatorsTreatNullAsZero() {
        assertEquals(1L, apply(COUNT, Operator.increment(), null));
        assertEquals(-3L, apply(COUNT, Operator.decrement(3), null));
    }

    @Test
    void boundsClampInsteadOfFailing() {
        assertEquals(10L, apply(COUNT, Operator.increment(5, 10), 8L));
        assertEquals(10L, apply(COUNT, Operator.increment(1, 10), 50L));
        assertEquals(0L, apply(COUNT, Operator.decrement(5, 0), 3L));
        assertEquals(100.0, apply(PRICE, Operator.multiply(3, 100), 40.0));
        assertEquals(1.0, apply(PRICE, Operator.divide(10, 1), 5.0));
        assertEquals(1000L, apply(COUNT, Operator.power(10, 1000), 7L));
        assertEquals(1000L, apply(COUNT, Operator.power(100000, 1000), 7L));
    }

    @Test
    void integerResultsRoundHalfAwayFromZeroAndStayExact() {
        assertEquals(3L, apply(COUNT, Operator.divide(2), 5L));
        assertEquals(-3L, apply(COUNT, Operator.divide(2), -5L));
        assertEquals(1L, apply(COUNT, Operator.modulo(3), 7L));
        assertEquals(4611686018427387904L, apply(COUNT, Operator.power(62), 2L));
        assertEquals(9007199254740993L, apply(COUNT, Operator.increment(1), 9007199254740992L));
    }

    @Test
    void integersBeyondSixtyFourBitsAreRefused() {
        OperatorException e = assertThrows(OperatorException.class,
                () -> apply(COUNT, Operator.increment(1), Long.MAX_VALUE));
        assertEquals("Invalid document structure: Cannot apply increment operator: would overflow maximum value of "
                + Long.MAX_VALUE, e.getMessage());
        assertThrows(OperatorException.class, () -> apply(COUNT, Operator.decrement(2), Long.MIN_VALUE + 1));
        assertThrows(OperatorException.class, () -> apply(COUNT, Operator.power(100), 3L));
    }

    @Test
    void floatResultsAreDoubles() {
        assertEquals(3.75, apply(PRICE, Operator.increment(1.25), 2.5));
        assertEquals(2.5, apply(PRICE, Operator.divide(2), 5.0));
    }

    @Test
    void arrayOperators() {
        List<String> tags = List.of("a", "b", "a", "c");
        assertEquals(List.of("a", "b", "a", "c", "d"), apply(TAGS, Operator.arrayAppend(List.of("d")), tags));
        assertEquals(List.of("z", "a", "b", "a", "c"), apply(TAGS, Operator.arrayPrepend(List.of("z")), tags));
        assertEquals(List.of("a", "x", "b", "a", "c"), apply(TAGS, Operator.arrayInsert(1, "x"), tags));
        assertEquals(List.of("a", "b", "a", "c", "x"), apply(TAGS, Operator.arrayInsert(4, "x"), tags));
        assertEquals(List.of("b", "c"), apply(TAGS, Operator.arrayRemove("a"), tags));
        assertEquals(List.of("a", "b", "c"), apply(TAGS, Operator.arrayUnique(), tags));
        assertEquals(List.of("a", "a", "c"), apply(TAGS, Operator.arrayIntersect(List.of("a", "c")), tags));
        assertEquals(List.of("b"), apply(TAGS, Operator.arrayDiff(List.of("a", "c")), tags));
        assertEquals(List.of("x"), apply(TAGS, Operator.arrayAppend(List.of("x")), null));
    }

    @Test
    void arrayInsertPastTheEndIsRefused() {
        OperatorException e = assertThrows(OperatorException.class,
                () -> apply(TAGS, Operator.arrayInsert(3, "x"), List.of("a")));
        assertEquals("Invalid document structure: Cannot apply arrayInsert operator: index 3 is out of bounds for "
                + "array of length 1", e.getMessage());
    }

    @Test
    void arrayFilterComparesNumbersNumerically() {
        List<Long> scores = List.of(1L, 5L, 10L, 15L);
        assertEquals(List.of(10L, 15L), apply(SCORES, Operator.arrayFilter(Condition.GREATER_THAN, 5), scores));
        assertEquals(List.of(1L, 5L), apply(SCORES, Operator.arrayFilter(Condition.LESS_THAN_EQUAL, 5.0), scores));
        assertEquals(List.of(5L), apply(SCORES, Operator.arrayFilter(Condition.EQUAL, 5.0), scores));
        assertEquals(List.of(1L, 10L, 15L), apply(SCORES, Operator.arrayFilter(Condition.NOT_EQUAL, 5), scores));
        assertEquals(List.of("a"), apply(TAGS, Operator.arrayFilter(Condition.IS_NOT_NULL), Arrays.asList("a", null)));
        assertEquals(List.of(), apply(TAGS, Operator.arrayFilter(Condition.GREATER_THAN, 1), List.of("2")));
    }

    @Test
    void numbersEqualAcrossIntegerAndFloat() {
        assertEquals(List.of(2L), apply(SCORES, Operator.arrayRemove(1.0), List.of(1L, 2L, 1L)));
    }

    @Test
    void stringOperators() {
        assertEquals("hello world", apply(TITLE, Operator.stringConcat(" world"), "hello"));
        assertEquals("x", apply(TITLE, Operator.stringConcat("x"), null));
        assertEquals("b-b", apply(TITLE, Operator.stringReplace("a", "b"), "a-a"));
        assertNull(apply(TITLE, Operator.stringReplace("a", "b"), null));
    }

    @Test
    void stringConcatPastTheSizeIsRefused() {
        UpdateOperator op = op(TITLE, Operator.stringConcat("def"));
        OperatorException e = assertThrows(OperatorException.class, () -> op.apply(TITLE, 5L, "abc", NOW));
        assertEquals("Invalid document structure: Cannot apply stringConcat operator: result would exceed maximum "
                + "length of 5 characters", e.getMessage());
    }

    @Test
    void toggleTreatsNullAsFalse() {
        assertEquals(false, apply(ACTIVE, Operator.toggle(), true));
        assertEquals(true, apply(ACTIVE, Operator.toggle(), null));
    }

    @Test
    void dateOperators() {
        assertEquals("2026-01-09T00:00:00.000+00:00",
                apply(DUE, Operator.dateAddDays(7), "2026-01-02T00:00:00.000+00:00"));
        assertEquals("2025-12-26T00:00:00.000+00:00",
                apply(DUE, Operator.dateSubDays(7), "2026-01-02T00:00:00.000+00:00"));
        assertNull(apply(DUE, Operator.dateAddDays(7), null));
        assertEquals("2026-01-02T03:04:05.678+00:00", apply(DUE, Operator.dateSetNow(), null));
        assertThrows(OperatorException.class,
                () -> apply(DUE, Operator.dateAddDays(Integer.MAX_VALUE), "2026-01-02T00:00:00.000+00:00"));
    }

    private static UpdateOperator op(Field field, String json) {
        return UpdateOperator.recognise(field.key(), json).orElseThrow();
    }

    private static Object apply(Field field, String json, Object current) {
        UpdateOperator op = op(field, json);
        op.check(field);
        return op.apply(field, null, current, NOW);
    }

    private static void assertInvalid(String reason, Field field, String json) {
        Executable check = () -> op(field, json).check(field);
        OperatorException e = assertThrows(OperatorException.class, check);
        assertEquals("Invalid document structure: " + reason, e.getMessage());
    }
}
