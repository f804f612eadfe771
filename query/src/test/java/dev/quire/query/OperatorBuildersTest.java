package dev.quire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quire.QuireException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each expected string is what node-appwrite 27.1.0's {@code Operator} returns for the same call (printed
 * with node from the package's {@code dist/operator.js}).
 */
class OperatorBuildersTest {

    @Test
    void incrementDefaultsToOne() {
        assertEquals("{\"method\":\"increment\",\"values\":[1]}", Operator.increment());
        assertEquals("{\"method\":\"increment\",\"values\":[5]}", Operator.increment(5));
    }

    @Test
    void incrementWithMaxWritesBothValues() {
        assertEquals("{\"method\":\"increment\",\"values\":[2.5,10]}", Operator.increment(2.5, 10));
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        assertEquals("{\"method\":\"increment\",\"values\":[26]}", Operator.increment(26.0));
        assertEquals("{\"method\":\"increment\",\"values\":[1e+21]}", Operator.increment(1e21));
        assertEquals("{\"method\":\"increment\",\"values\":[0.000001]}", Operator.increment(0.000001));
        assertEquals("{\"method\":\"increment\",\"values\":[1e-7]}", Operator.increment(1e-7));
    }

    @Test
    void decrementDefaultsToOneAndTakesAMinimum() {
        assertEquals("{\"method\":\"decrement\",\"values\":[1]}", Operator.decrement());
        assertEquals("{\"method\":\"decrement\",\"values\":[3,0]}", Operator.decrement(3, 0));
    }

    @Test
    void multiplyDivideModuloPower() {
        assertEquals("{\"method\":\"multiply\",\"values\":[2]}", Operator.multiply(2));
        assertEquals("{\"method\":\"multiply\",\"values\":[1.5,100]}", Operator.multiply(1.5, 100));
        assertEquals("{\"method\":\"divide\",\"values\":[4]}", Operator.divide(4));
        assertEquals("{\"method\":\"divide\",\"values\":[2,1]}", Operator.divide(2, 1));
        assertEquals("{\"method\":\"modulo\",\"values\":[3]}", Operator.modulo(3));
        assertEquals("{\"method\":\"power\",\"values\":[2]}", Operator.power(2));
        assertEquals("{\"method\":\"power\",\"values\":[3,1000]}", Operator.power(3, 1000));
    }

    @Test
    void arrayOperatorsSpreadTheirValues() {
        assertEquals("{\"method\":\"arrayAppend\",\"values\":[\"a\",1,true,null]}",
                Operator.arrayAppend(Arrays.asList("a", 1, true, null)));
        assertEquals("{\"method\":\"arrayAppend\",\"values\":[]}", Operator.arrayAppend(List.of()));
        assertEquals("{\"method\":\"arrayPrepend\",\"values\":[\"x\"]}", Operator.arrayPrepend(List.of("x")));
        assertEquals("{\"method\":\"arrayIntersect\",\"values\":[\"a\",\"b\"]}",
                Operator.arrayIntersect(List.of("a", "b")));
        assertEquals("{\"method\":\"arrayDiff\",\"values\":[1,2]}", Operator.arrayDiff(List.of(1, 2)));
    }

    @Test
    void nestedValuesAreWrittenAsJson() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("k", "v");
        assertEquals("{\"method\":\"arrayAppend\",\"values\":[[1,2],{\"k\":\"v\"}]}",
                Operator.arrayAppend(List.of(List.of(1, 2), object)));
    }

    @Test
    void arrayInsertRemoveUnique() {
        assertEquals("{\"method\":\"arrayInsert\",\"values\":[0,\"first\"]}", Operator.arrayInsert(0, "first"));
        assertEquals("{\"method\":\"arrayInsert\",\"values\":[2,7.5]}", Operator.arrayInsert(2, 7.5));
        assertEquals("{\"method\":\"arrayRemove\",\"values\":[\"old\"]}", Operator.arrayRemove("old"));
        assertEquals("{\"method\":\"arrayUnique\",\"values\":[]}", Operator.arrayUnique());
    }

    @Test
    void arrayFilterWritesTheConditionAndAValueOrNull() {
        assertEquals("{\"method\":\"arrayFilter\",\"values\":[\"greaterThan\",10]}",
                Operator.arrayFilter(Condition.GREATER_THAN, 10));
        assertEquals("{\"method\":\"arrayFilter\",\"values\":[\"isNull\",null]}", Operator.arrayFilter(Condition.IS_NULL));
        assertEquals("{\"method\":\"arrayFilter\",\"values\":[\"equal\",\"x\"]}",
                Operator.arrayFilter(Condition.EQUAL, "x"));
    }

    @Test
    void stringOperatorsEscapeAsJsonStringifyDoes() {
        assertEquals("{\"method\":\"stringConcat\",\"values\":[\" world\"]}", Operator.stringConcat(" world"));
        assertEquals("{\"method\":\"stringConcat\",\"values\":[\"quote\\\"\\n\u2028\"]}",
                Operator.stringConcat("quote\"\n\u2028"));
        assertEquals("{\"method\":\"stringReplace\",\"values\":[\"a\",\"b\"]}", Operator.stringReplace("a", "b"));
    }

    @Test
    void toggleAndDates() {
        assertEquals("{\"method\":\"toggle\",\"values\":[]}", Operator.toggle());
        assertEquals("{\"method\":\"dateAddDays\",\"values\":[7]}", Operator.dateAddDays(7));
        assertEquals("{\"method\":\"dateSubDays\",\"values\":[30]}", Operator.dateSubDays(30));
        assertEquals("{\"method\":\"dateSetNow\",\"values\":[]}", Operator.dateSetNow());
    }

    @Test
    void nonFiniteNumbersAreRefusedWithTheSdksMessages() {
        assertMessage("Value cannot be NaN or Infinity", () -> Operator.increment(Double.NaN));
        assertMessage("Max cannot be NaN or Infinity", () -> Operator.increment(1, Double.POSITIVE_INFINITY));
        assertMessage("Min cannot be NaN or Infinity", () -> Operator.decrement(1, Double.NaN));
        assertMessage("Factor cannot be NaN or Infinity", () -> Operator.multiply(Double.NaN));
        assertMessage("Exponent cannot be NaN or Infinity", () -> Operator.power(Double.POSITIVE_INFINITY));
    }

    @Test
    void zeroDivisorsAreRefusedAfterTheBoundIsChecked() {
        assertMessage("Divisor cannot be zero", () -> Operator.divide(0));
        assertMessage("Divisor cannot be zero", () -> Operator.modulo(0));
        assertMessage("Min cannot be NaN or Infinity", () -> Operator.divide(0, Double.NaN));
    }

    @Test
    void missingArgumentsAreInvalidArguments() {
        assertMessage("Param \"value\" is not optional.", () -> Operator.increment(null));
        assertMessage("Param \"values\" is not optional.", () -> Operator.arrayAppend(null));
        assertMessage("Param \"condition\" is not optional.", () -> Operator.arrayFilter(null, 1));
        assertMessage("Param \"replace\" is not optional.", () -> Operator.stringReplace("a", null));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertEquals("general_argument_invalid", e.getType());
        assertEquals(message, e.getMessage());
    }
}
