package dev.quire.query;

import dev.quire.QuireException;
import dev.quire.query.internal.JsonWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds Appwrite operator strings, byte for byte what the Appwrite Node SDK (node-appwrite 27.1.0)
 * produces. An operator is the value of an attribute in the {@code data} of an update or upsert: instead of
 * a new value it says how to compute one from the stored value, atomically.
 *
 * <pre>{@code
 * db.updateDocument("shop", "products", "p1", Map.of(
 *         "stock", Operator.decrement(1, 0),                 // {"method":"decrement","values":[1,0]}
 *         "tags", Operator.arrayAppend(List.of("sale")),     // {"method":"arrayAppend","values":["sale"]}
 *         "featured", Operator.toggle()), null);             // {"method":"toggle","values":[]}
 * }</pre>
 *
 * <p>Numbers are written as JavaScript's {@code JSON.stringify} writes them ({@code 2.0} becomes {@code 2}).
 * Arguments are checked here as the SDK checks them, with the SDK's messages, as {@link QuireException}s of type
 * {@code general_argument_invalid} ({@code null} where a value is needed: {@code Param "value" is not
 * optional.}); whether the operator fits the attribute is checked when the write runs.
 * Operators are read in updates and upserts (single and bulk); in a create they are plain strings, as in
 * Appwrite.
 */
public final class Operator {
    private static final String ARGUMENT_INVALID = "general_argument_invalid";

    private Operator() {
    }

    /**
     * Adds 1 to a numeric attribute (a null value counts as 0).
     *
     * @return the operator string
     */
    public static String increment() {
        return increment(1);
    }

    /**
     * Adds a value to a numeric attribute (a null value counts as 0).
     *
     * @param value the amount to add
     * @return the operator string
     */
    public static String increment(Number value) {
        return write(OperatorMethod.INCREMENT, finite(value, "Value"));
    }

    /**
     * Adds a value to a numeric attribute, stopping at {@code max}: the result is never above it.
     *
     * @param value the amount to add
     * @param max   the largest result
     * @return the operator string
     */
    public static String increment(Number value, Number max) {
        return write(OperatorMethod.INCREMENT, finite(value, "Value"), finite(max, "Max"));
    }

    /**
     * Subtracts 1 from a numeric attribute (a null value counts as 0).
     *
     * @return the operator string
     */
    public static String decrement() {
        return decrement(1);
    }

    /**
     * Subtracts a value from a numeric attribute.
     *
     * @param value the amount to subtract
     * @return the operator string
     */
    public static String decrement(Number value) {
        return write(OperatorMethod.DECREMENT, finite(value, "Value"));
    }

    /**
     * Subtracts a value from a numeric attribute, stopping at {@code min}: the result is never below it.
     *
     * @param value the amount to subtract
     * @param min   the smallest result
     * @return the operator string
     */
    public static String decrement(Number value, Number min) {
        return write(OperatorMethod.DECREMENT, finite(value, "Value"), finite(min, "Min"));
    }

    /**
     * Multiplies a numeric attribute by a factor.
     *
     * @param factor the factor
     * @return the operator string
     */
    public static String multiply(Number factor) {
        return write(OperatorMethod.MULTIPLY, finite(factor, "Factor"));
    }

    /**
     * Multiplies a numeric attribute by a factor; the result is never above {@code max}.
     *
     * @param factor the factor
     * @param max    the largest result
     * @return the operator string
     */
    public static String multiply(Number factor, Number max) {
        return write(OperatorMethod.MULTIPLY, finite(factor, "Factor"), finite(max, "Max"));
    }

    /**
     * Divides a numeric attribute by a divisor.
     *
     * @param divisor the divisor, not zero
     * @return the operator string
     */
    public static String divide(Number divisor) {
        return write(OperatorMethod.DIVIDE, divisor(divisor));
    }

    /**
     * Divides a numeric attribute by a divisor; the result is never below {@code min}.
     *
     * @param divisor the divisor, not zero
     * @param min     the smallest result
     * @return the operator string
     */
    public static String divide(Number divisor, Number min) {
        finite(divisor, "Divisor");
        finite(min, "Min"); // the SDK checks the bound before the zero divisor
        return write(OperatorMethod.DIVIDE, divisor(divisor), min);
    }

    /**
     * Replaces a numeric attribute with its remainder after division by a divisor.
     *
     * @param divisor the divisor, not zero
     * @return the operator string
     */
    public static String modulo(Number divisor) {
        return write(OperatorMethod.MODULO, divisor(divisor));
    }

    /**
     * Raises a numeric attribute to a power.
     *
     * @param exponent the exponent
     * @return the operator string
     */
    public static String power(Number exponent) {
        return write(OperatorMethod.POWER, finite(exponent, "Exponent"));
    }

    /**
     * Raises a numeric attribute to a power; the result is never above {@code max}.
     *
     * @param exponent the exponent
     * @param max      the largest result
     * @return the operator string
     */
    public static String power(Number exponent, Number max) {
        return write(OperatorMethod.POWER, finite(exponent, "Exponent"), finite(max, "Max"));
    }

    /**
     * Adds values at the end of an array attribute.
     *
     * @param values the values to add, in order
     * @return the operator string
     */
    public static String arrayAppend(List<?> values) {
        return writeAll(OperatorMethod.ARRAY_APPEND, values);
    }

    /**
     * Adds values at the start of an array attribute.
     *
     * @param values the values to add, in order
     * @return the operator string
     */
    public static String arrayPrepend(List<?> values) {
        return writeAll(OperatorMethod.ARRAY_PREPEND, values);
    }

    /**
     * Inserts a value into an array attribute at an index (0 to the array's length).
     *
     * @param index where the value goes
     * @param value the value
     * @return the operator string
     */
    public static String arrayInsert(int index, Object value) {
        return write(OperatorMethod.ARRAY_INSERT, index, value);
    }

    /**
     * Removes every element equal to the value from an array attribute.
     *
     * @param value the value to remove
     * @return the operator string
     */
    public static String arrayRemove(Object value) {
        return write(OperatorMethod.ARRAY_REMOVE, value);
    }

    /**
     * Removes duplicate elements from an array attribute, keeping the first of each.
     *
     * @return the operator string
     */
    public static String arrayUnique() {
        return write(OperatorMethod.ARRAY_UNIQUE);
    }

    /**
     * Keeps only the elements of an array attribute that are also among the values.
     *
     * @param values the values to keep
     * @return the operator string
     */
    public static String arrayIntersect(List<?> values) {
        return writeAll(OperatorMethod.ARRAY_INTERSECT, values);
    }

    /**
     * Removes the elements of an array attribute that are among the values.
     *
     * @param values the values to remove
     * @return the operator string
     */
    public static String arrayDiff(List<?> values) {
        return writeAll(OperatorMethod.ARRAY_DIFF, values);
    }

    /**
     * Keeps the elements of an array attribute that meet a condition without a value ({@code isNull},
     * {@code isNotNull}); written with a {@code null} value, as the SDK writes it.
     *
     * @param condition the condition
     * @return the operator string
     */
    public static String arrayFilter(Condition condition) {
        return arrayFilter(condition, null);
    }

    /**
     * Keeps the elements of an array attribute that meet a condition against a value.
     *
     * @param condition the condition, e.g. {@link Condition#GREATER_THAN}
     * @param value     the value elements are compared with; may be null
     * @return the operator string
     */
    public static String arrayFilter(Condition condition, Object value) {
        return write(OperatorMethod.ARRAY_FILTER, require(condition, "condition").getValue(), value);
    }

    /**
     * Appends text to a string attribute (a null value counts as empty).
     *
     * @param value the text to append
     * @return the operator string
     */
    public static String stringConcat(String value) {
        return write(OperatorMethod.STRING_CONCAT, require(value, "value"));
    }

    /**
     * Replaces every occurrence of {@code search} in a string attribute with {@code replace}.
     *
     * @param search  the text to find
     * @param replace the text to put in its place
     * @return the operator string
     */
    public static String stringReplace(String search, String replace) {
        return write(OperatorMethod.STRING_REPLACE, require(search, "search"),
                require(replace, "replace"));
    }

    /**
     * Negates a boolean attribute (a null value becomes {@code true}).
     *
     * @return the operator string
     */
    public static String toggle() {
        return write(OperatorMethod.TOGGLE);
    }

    /**
     * Moves a datetime attribute forward by whole days (a null value stays null).
     *
     * @param days the number of days
     * @return the operator string
     */
    public static String dateAddDays(int days) {
        return write(OperatorMethod.DATE_ADD_DAYS, days);
    }

    /**
     * Moves a datetime attribute back by whole days (a null value stays null).
     *
     * @param days the number of days
     * @return the operator string
     */
    public static String dateSubDays(int days) {
        return write(OperatorMethod.DATE_SUB_DAYS, days);
    }

    /**
     * Sets a datetime attribute to the time of the write.
     *
     * @return the operator string
     */
    public static String dateSetNow() {
        return write(OperatorMethod.DATE_SET_NOW);
    }

    private static String write(OperatorMethod method, Object... values) {
        return writeAll(method, Arrays.asList(values));
    }

    private static String writeAll(OperatorMethod method, List<?> values) {
        require(values, "values");
        StringBuilder out = new StringBuilder(32);
        out.append("{\"method\":");
        JsonWriter.string(out, method.wireName());
        out.append(",\"values\":");
        JsonWriter.value(out, new ArrayList<>(values));
        return out.append('}').toString();
    }

    /** The SDK's check, with its wording: {@code "Max cannot be NaN or Infinity"}. */
    private static Number finite(Number value, String name) {
        require(value, name.toLowerCase(java.util.Locale.ROOT));
        if (!Double.isFinite(value.doubleValue())) {
            throw new QuireException(ARGUMENT_INVALID, 400, name + " cannot be NaN or Infinity");
        }
        return value;
    }

    /** Appwrite's answer to a missing required parameter, as the {@link Query} builders give it. */
    private static <T> T require(T argument, String param) {
        if (argument == null) {
            throw new QuireException(ARGUMENT_INVALID, 400, "Param \"" + param + "\" is not optional.");
        }
        return argument;
    }

    private static Number divisor(Number divisor) {
        finite(divisor, "Divisor");
        if (divisor.doubleValue() == 0) {
            throw new QuireException(ARGUMENT_INVALID, 400, "Divisor cannot be zero");
        }
        return divisor;
    }
}
