package dev.quire.query;

import dev.quire.query.internal.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A condition on one attribute, such as {@code equal("title", ["Avatar"])}.
 *
 * <p>Values are held as {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code null};
 * other numbers are converted on the way in ({@code Integer} to {@code Long}, {@code Float} to
 * {@code Double}). A query string cannot tell {@code 26.0} from {@code 26}, so neither does
 * {@link #equals}: numbers are equal when JavaScript would print them the same way. That keeps
 * {@code parse(filter.toJson()).equals(filter)} true while {@link QueryPlan} can still hand out a
 * {@code Double} for every float attribute.
 *
 * @param method    a filter method such as {@link Method#EQUAL}
 * @param attribute the attribute key; null only for {@link Method#EXISTS}/{@link Method#NOT_EXISTS},
 *                  which name their attributes in {@code values}, or when a query string left it out
 * @param values    the values, in order; may contain nulls
 */
public record Filter(Method method, String attribute, List<Object> values) implements QueryNode {

    /** Checks the method and copies the values into an immutable list of normalised scalars. */
    public Filter {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(values, "values");
        if (method.kind() != Method.Kind.FILTER) {
            throw new IllegalArgumentException("Not a filter method: " + method.wireName());
        }
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            copy.add(normalise(value));
        }
        values = Collections.unmodifiableList(copy);
    }

    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder();
        out.append("{\"method\":");
        JsonWriter.string(out, method.wireName());
        if (attribute != null) {
            out.append(",\"attribute\":");
            JsonWriter.string(out, attribute);
        }
        // The SDKs send isNull/isNotNull without a values field and every other filter with one.
        boolean valueless = method == Method.IS_NULL || method == Method.IS_NOT_NULL;
        if (!(valueless && values.isEmpty())) {
            out.append(",\"values\":[");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonWriter.scalar(out, values.get(i));
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    static Object normalise(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = value instanceof Float f ? Double.parseDouble(f.toString()) : ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("Query values must be finite numbers, got " + value);
            }
            return d;
        }
        throw new IllegalArgumentException("Unsupported query value type: " + value.getClass().getName()
                + " (use String, Long, Double, Boolean or null)");
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Filter that) || method != that.method || !Objects.equals(attribute, that.attribute)
                || values.size() != that.values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Objects.equals(wireForm(values.get(i)), wireForm(that.values.get(i)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(method, attribute);
        for (Object value : values) {
            hash = 31 * hash + Objects.hashCode(wireForm(value));
        }
        return hash;
    }

    private static Object wireForm(Object value) {
        return value instanceof Number n ? new PrintedNumber(JsonWriter.number(n)) : value;
    }

    /** A number as it appears in a query string; distinct from a string with the same text. */
    private record PrintedNumber(String text) {
    }
}
