package dev.quire.query;

import dev.quire.query.internal.Datetimes;
import dev.quire.query.internal.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An operator found in a write's {@code data}, parsed: which attribute it changes, how, and with what.
 *
 * <p>Appwrite recognises an operator as the value of a data key that does not start with {@code $}: either a
 * string that decodes as JSON to an object whose {@code method} names an operator (what the SDKs send, see
 * {@link Operator}), or such an object itself (what transaction logs hold). Anything else is an ordinary
 * value, including a JSON string with an unknown method. Checking happens in two steps, as in Appwrite:
 * {@link #check(Field)} against the attribute alone, then {@link #apply} against the stored value.
 *
 * <pre>{@code
 * Optional<UpdateOperator> op = UpdateOperator.recognise("stock", Operator.decrement(1, 0));
 * op.get().check(new Field("stock", FieldType.INTEGER, false));
 * Object next = op.get().apply(field, null, 5L, Instant.now());   // 4L
 * }</pre>
 *
 * @param attribute the attribute key the operator was found under
 * @param method    the operator
 * @param values    its arguments: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, null, or
 *                  lists and maps of those
 */
public record UpdateOperator(String attribute, OperatorMethod method, List<Object> values) {

    /** The conditions Appwrite's server accepts in {@code arrayFilter}; the SDK's {@code contains} is not one. */
    private static final List<String> FILTER_CONDITIONS = List.of("equal", "notEqual", "greaterThan",
            "greaterThanEqual", "lessThan", "lessThanEqual", "isNull", "isNotNull");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Checks presence and copies the values, turning {@code Integer}s into {@code Long}s and so on. */
    public UpdateOperator {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(method, "method");
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            copy.add(normalise(value));
        }
        values = Collections.unmodifiableList(copy);
    }

    /**
     * Reads the value of one data key as an operator, if Appwrite would.
     *
     * @param key   the data key
     * @param value its value
     * @return the operator, or empty when the value is an ordinary value
     * @throws OperatorException {@code general_bad_request} when the value names an operator but is malformed
     */
    public static Optional<UpdateOperator> recognise(String key, Object value) {
        if (key == null || key.startsWith("$")) {
            return Optional.empty();
        }
        Object decoded = value;
        if (value instanceof String text) {
            // Only a JSON object can be an operator; most strings are not even worth parsing.
            if (!text.strip().startsWith("{")) {
                return Optional.empty();
            }
            decoded = JsonSyntax.tryDecode(text).orElse(null);
        }
        if (decoded instanceof Map<?, ?> object && object.get("method") instanceof String name) {
            Optional<OperatorMethod> method = OperatorMethod.fromWireName(name);
            if (method.isPresent()) {
                return Optional.of(parse(key, method.get(), object));
            }
        }
        return Optional.empty();
    }

    private static UpdateOperator parse(String key, OperatorMethod method, Map<?, ?> object) {
        Object attribute = object.get("attribute");
        if (attribute != null && !(attribute instanceof String)) {
            throw OperatorException.malformed(key, "Invalid operator attribute. Must be a string, got "
                    + phpType(attribute));
        }
        Object values = object.get("values");
        if (values != null && !(values instanceof List<?>)) {
            throw OperatorException.malformed(key, "Invalid operator values. Must be an array, got "
                    + phpType(values));
        }
        // The data key names the attribute, whatever the operator object says.
        return new UpdateOperator(key, method, values == null ? List.of() : new ArrayList<>((List<?>) values));
    }

    /**
     * Checks that the operator fits its attribute, with Appwrite's messages.
     *
     * @param field the attribute the operator changes
     * @throws OperatorException {@code document_invalid_structure}
     */
    public void check(Field field) {
        FieldType type = field.type();
        switch (method) {
            case INCREMENT, DECREMENT, MULTIPLY, DIVIDE, MODULO, POWER -> {
                if (type != FieldType.INTEGER && type != FieldType.FLOAT || field.array()) {
                    throw fail("Cannot apply " + name() + " operator to non-numeric field '" + attribute + "'");
                }
                Object operand = values.isEmpty() ? null : values.get(0);
                if (!isNumber(operand)) {
                    throw fail("Cannot apply " + name() + " operator: value must be numeric, got " + phpType(operand));
                }
                // The remainder is of whole parts, so a divisor below 1 is a zero divisor too.
                if (method == OperatorMethod.DIVIDE && ((Number) operand).doubleValue() == 0
                        || method == OperatorMethod.MODULO && ((Number) operand).longValue() == 0) {
                    throw fail("Cannot apply " + name() + " operator: "
                            + (method == OperatorMethod.DIVIDE ? "division" : "modulo") + " by zero");
                }
                Object bound = bound();
                if (bound != null && !isNumber(bound)) {
                    throw fail("Cannot apply " + name() + " operator: max/min limit must be numeric, got "
                            + phpType(bound));
                }
            }
            case ARRAY_APPEND, ARRAY_PREPEND, ARRAY_UNIQUE, ARRAY_INSERT, ARRAY_REMOVE, ARRAY_FILTER -> {
                if (!field.array()) {
                    throw fail("Cannot apply " + name() + " operator to non-array field '" + attribute + "'");
                }
                checkArrayValues();
            }
            case ARRAY_INTERSECT, ARRAY_DIFF -> {
                if (!field.array()) {
                    throw fail("Cannot use " + name() + " operator on non-array attribute '" + attribute + "'");
                }
                if (method == OperatorMethod.ARRAY_INTERSECT && values.isEmpty()) {
                    throw fail(name() + " operator requires a non-empty array value");
                }
            }
            case STRING_CONCAT -> {
                if (type != FieldType.STRING || field.array()) {
                    throw fail("Cannot apply " + name() + " operator to non-string field '" + attribute + "'");
                }
                if (values.isEmpty() || !(values.get(0) instanceof String)) {
                    throw fail("Cannot apply " + name() + " operator: requires a string value");
                }
            }
            case STRING_REPLACE -> {
                if (type != FieldType.STRING || field.array()) {
                    throw fail("Cannot apply " + name() + " operator to non-string field '" + attribute + "'");
                }
                if (values.size() != 2 || !(values.get(0) instanceof String) || !(values.get(1) instanceof String)) {
                    throw fail("Cannot apply " + name()
                            + " operator: requires exactly 2 string values (search and replace)");
                }
            }
            case TOGGLE -> {
                if (type != FieldType.BOOLEAN || field.array()) {
                    throw fail("Cannot apply " + name() + " operator to non-boolean field '" + attribute + "'");
                }
            }
            case DATE_ADD_DAYS, DATE_SUB_DAYS, DATE_SET_NOW -> {
                if (type != FieldType.DATETIME || field.array()) {
                    throw fail("Cannot apply " + name() + " operator to non-datetime field '" + attribute + "'");
                }
                if (method != OperatorMethod.DATE_SET_NOW && (values.isEmpty() || !(values.get(0) instanceof Long))) {
                    throw fail("Cannot apply " + name() + " operator: requires an integer number of days");
                }
            }
        }
    }

    private void checkArrayValues() {
        switch (method) {
            case ARRAY_INSERT -> {
                if (values.size() != 2) {
                    throw fail("Cannot apply " + name() + " operator: requires exactly 2 values (index and value)");
                }
                if (!(values.get(0) instanceof Long index) || index < 0) {
                    throw fail("Cannot apply " + name() + " operator: index must be a non-negative integer");
                }
            }
            case ARRAY_REMOVE -> {
                if (values.isEmpty()) {
                    throw fail("Cannot apply " + name() + " operator: requires a value to remove");
                }
            }
            case ARRAY_FILTER -> {
                if (values.isEmpty() || values.size() > 2) {
                    throw fail("Cannot apply " + name()
                            + " operator: requires 1 or 2 values (condition and optional comparison value)");
                }
                if (!(values.get(0) instanceof String condition)) {
                    throw fail("Cannot apply " + name() + " operator: condition must be a string");
                }
                if (!FILTER_CONDITIONS.contains(condition)) {
                    throw fail("Invalid array filter condition '" + condition + "'. Must be one of: "
                            + String.join(", ", FILTER_CONDITIONS));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The bound of a numeric operator: the {@code max} of increment, multiply and power, the {@code min} of
     * decrement and divide.
     *
     * @return the bound, or null when there is none
     */
    public Object bound() {
        return method.isNumeric() && values.size() > 1 ? values.get(1) : null;
    }

    /**
     * Computes the attribute's new value from its stored one, after {@link #check(Field)} passed. Bounds clamp
     * the result (an increment past {@code max} gives {@code max}); a null stored number counts as 0, a null
     * string as empty, a null array as empty, a null boolean as false; a null datetime stays null except for
     * {@code dateSetNow}.
     *
     * @param field     the attribute
     * @param maxLength a string attribute's size, or null
     * @param current   the stored value
     * @param now       the time of the write, for {@code dateSetNow}
     * @return the new value, typed as the attribute stores it ({@code Long} for integers)
     * @throws OperatorException {@code document_invalid_structure} when the stored value makes the operator
     *                           impossible: an index past the end, a string grown past its size, an integer
     *                           beyond 64 bits
     */
    public Object apply(Field field, Long maxLength, Object current, Instant now) {
        return switch (method) {
            case INCREMENT, DECREMENT, MULTIPLY, DIVIDE, MODULO, POWER -> number(field, current);
            case STRING_CONCAT -> {
                String result = (current == null ? "" : (String) current) + values.get(0);
                if (maxLength != null && result.codePointCount(0, result.length()) > maxLength) {
                    throw fail("Cannot apply " + name() + " operator: result would exceed maximum length of "
                            + maxLength + " characters");
                }
                yield result;
            }
            case STRING_REPLACE -> current == null ? null
                    : ((String) current).replace((String) values.get(0), (String) values.get(1));
            case TOGGLE -> !(current instanceof Boolean b && b);
            case DATE_ADD_DAYS, DATE_SUB_DAYS -> current == null ? null : shiftDays((String) current);
            case DATE_SET_NOW -> Datetimes.format(now);
            default -> array(list(current));
        };
    }

    private List<Object> array(List<Object> current) {
        List<Object> result = new ArrayList<>(current.size() + values.size());
        switch (method) {
            case ARRAY_APPEND -> {
                result.addAll(current);
                result.addAll(values);
            }
            case ARRAY_PREPEND -> {
                result.addAll(values);
                result.addAll(current);
            }
            case ARRAY_INSERT -> {
                long index = (Long) values.get(0);
                if (index > current.size()) {
                    throw fail("Cannot apply " + name() + " operator: index " + index
                            + " is out of bounds for array of length " + current.size());
                }
                result.addAll(current);
                result.add((int) index, values.get(1));
            }
            case ARRAY_REMOVE -> {
                Object removed = key(values.get(0));
                current.stream().filter(item -> !Objects.equals(key(item), removed)).forEach(result::add);
            }
            case ARRAY_UNIQUE -> {
                Set<Object> seen = new HashSet<>();
                current.stream().filter(item -> seen.add(key(item))).forEach(result::add);
            }
            case ARRAY_INTERSECT, ARRAY_DIFF -> {
                Set<Object> given = new LinkedHashSet<>();
                values.forEach(value -> given.add(key(value)));
                boolean keep = method == OperatorMethod.ARRAY_INTERSECT;
                current.stream().filter(item -> given.contains(key(item)) == keep).forEach(result::add);
            }
            case ARRAY_FILTER -> {
                String condition = (String) values.get(0);
                Object compared = values.size() > 1 ? values.get(1) : null;
                current.stream().filter(item -> matches(condition, item, compared)).forEach(result::add);
            }
            default -> throw new IllegalStateException("Not an array operator: " + method);
        }
        return result;
    }

    private static boolean matches(String condition, Object item, Object compared) {
        return switch (condition) {
            case "equal" -> Objects.equals(key(item), key(compared));
            case "notEqual" -> !Objects.equals(key(item), key(compared));
            case "isNull" -> item == null;
            case "isNotNull" -> item != null;
            default -> {
                // Ordering conditions compare numbers only, as Appwrite's do.
                if (!isNumber(item) || !isNumber(compared)) {
                    yield false;
                }
                int order = decimal(item).compareTo(decimal(compared));
                yield switch (condition) {
                    case "greaterThan" -> order > 0;
                    case "greaterThanEqual" -> order >= 0;
                    case "lessThan" -> order < 0;
                    default -> order <= 0;
                };
            }
        };
    }

    /**
     * The arithmetic, exact in decimals and then stored as the attribute's type: clamped to the bound first
     * (so a bounded increment cannot overflow), then rounded half away from zero for integer attributes.
     */
    private Object number(Field field, Object current) {
        BigDecimal base = current == null ? BigDecimal.ZERO : decimal(current);
        BigDecimal operand = decimal(values.get(0));
        BigDecimal result = switch (method) {
            case INCREMENT -> base.add(operand);
            case DECREMENT -> base.subtract(operand);
            case MULTIPLY -> base.multiply(operand);
            case DIVIDE -> base.divide(operand, MathContext.DECIMAL64);
            case MODULO -> BigDecimal.valueOf(base.toBigInteger().remainder(operand.toBigInteger()).longValue());
            default -> power(base, operand);
        };
        Object bound = bound();
        if (bound != null) {
            BigDecimal limit = decimal(bound);
            boolean upper = method == OperatorMethod.INCREMENT || method == OperatorMethod.MULTIPLY
                    || method == OperatorMethod.POWER;
            result = upper ? result.min(limit) : result.max(limit);
        }
        if (field.type() == FieldType.FLOAT) {
            double d = result.doubleValue();
            if (!Double.isFinite(d)) {
                throw fail("Cannot apply " + name() + " operator: would overflow maximum value of "
                        + Double.MAX_VALUE);
            }
            return d;
        }
        BigDecimal whole = result.setScale(0, RoundingMode.HALF_UP);
        if (whole.compareTo(LONG_MAX) > 0) {
            throw fail("Cannot apply " + name() + " operator: would overflow maximum value of " + Long.MAX_VALUE);
        }
        if (whole.compareTo(LONG_MIN) < 0) {
            throw fail("Cannot apply " + name() + " operator: would underflow minimum value of " + Long.MIN_VALUE);
        }
        return whole.longValueExact();
    }

    private BigDecimal power(BigDecimal base, BigDecimal exponent) {
        double d = Math.pow(base.doubleValue(), exponent.doubleValue());
        if (!Double.isFinite(d)) {
            // Past every double: only a maximum can still give a result.
            Object max = bound();
            if (max != null && d > 0) {
                return decimal(max);
            }
            throw fail(Double.isNaN(d) ? "Cannot apply " + name() + " operator: result is not a real number"
                    : "Cannot apply " + name() + " operator: would overflow maximum value of " + Long.MAX_VALUE);
        }
        // Small whole powers stay exact (2^62 must not lose its last digit to a double); the rest are doubles,
        // as SQL's POWER gives them.
        boolean whole = exponent.signum() >= 0 && exponent.stripTrailingZeros().scale() <= 0;
        return whole && Math.abs(d) < 0x1p63 ? base.pow(exponent.intValue()) : new BigDecimal(d);
    }

    private String shiftDays(String current) {
        try {
            long seconds = Math.multiplyExact((Long) values.get(0), 86_400L);
            Instant instant = OffsetDateTime.parse(current).toInstant()
                    .plusSeconds(method == OperatorMethod.DATE_SUB_DAYS ? Math.negateExact(seconds) : seconds);
            return Datetimes.format(instant);
        } catch (ArithmeticException | DateTimeException | IllegalArgumentException e) {
            throw fail("Cannot apply " + name() + " operator: result is outside years 0000..9999");
        }
    }

    /** @return the operator as the SDKs write it, e.g. {@code {"method":"increment","values":[1]}} */
    public String toJson() {
        StringBuilder out = new StringBuilder();
        out.append("{\"method\":");
        JsonWriter.string(out, method.wireName());
        out.append(",\"values\":");
        JsonWriter.value(out, values);
        return out.append('}').toString();
    }

    private String name() {
        return method.wireName();
    }

    private static OperatorException fail(String reason) {
        return OperatorException.invalid(reason);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object current) {
        return current == null ? List.of() : (List<Object>) current;
    }

    private static boolean isNumber(Object value) {
        return (value instanceof Long) || (value instanceof Double d && Double.isFinite(d));
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal((Double) number);
    }

    /** Equality as Appwrite's array operators see it: {@code 1} and {@code 1.0} are the same element. */
    private static Object key(Object value) {
        return isNumber(value) ? decimal(value).stripTrailingZeros() : value;
    }

    private static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof BigDecimal big) {
            return big.doubleValue();
        }
        return value;
    }

    /** PHP's {@code gettype}, which Appwrite's messages quote. */
    private static String phpType(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "integer";
        }
        if (value instanceof Number) {
            return "double";
        }
        if (value instanceof String) {
            return "string";
        }
        return value instanceof List<?> || value instanceof Map<?, ?> ? "array" : "object";
    }
}
