package dev.quire.query;

import dev.quire.query.internal.JsonWriter;
import java.util.Objects;

/**
 * A sort: ascending or descending on an attribute, or random.
 *
 * @param method    {@link Method#ORDER_ASC}, {@link Method#ORDER_DESC} or {@link Method#ORDER_RANDOM}
 * @param attribute the attribute to sort on; null exactly when the order is random
 */
public record Order(Method method, String attribute) implements QueryNode {

    /** Checks that the method is an order and that only random orders lack an attribute. */
    public Order {
        Objects.requireNonNull(method, "method");
        if (method.kind() != Method.Kind.ORDER) {
            throw new IllegalArgumentException("Not an order method: " + method.wireName());
        }
        if ((method == Method.ORDER_RANDOM) != (attribute == null)) {
            throw new IllegalArgumentException(method == Method.ORDER_RANDOM
                    ? "orderRandom takes no attribute" : method.wireName() + " needs an attribute");
        }
    }

    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"method\":\"").append(method.wireName()).append('"');
        if (attribute != null) {
            out.append(",\"attribute\":");
            JsonWriter.string(out, attribute);
        }
        return out.append('}').toString();
    }
}
