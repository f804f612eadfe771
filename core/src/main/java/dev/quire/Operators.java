package dev.quire;

import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.query.Field;
import dev.quire.query.UpdateOperator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators in one write's data ({@code Operator.increment(1)} and the like, see
 * {@link dev.quire.query.Operator}), found and checked against the collection as Appwrite does it for
 * updates and upserts. Numeric ones are left to SQL when the document exists, so concurrent writes all count;
 * the others are computed here from the stored value, which the write holds locked.
 *
 * <p>An operator on a key the collection does not have stays an ordinary value, so the validator reports
 * the unknown attribute as it would any other.
 */
final class Operators {
    private final Map<String, Object> data;
    private final Map<String, UpdateOperator> computed;
    private final List<UpdateOperator> numeric;
    private final CollectionSchema schema;

    private Operators(Map<String, Object> data, Map<String, UpdateOperator> computed, List<UpdateOperator> numeric,
                      CollectionSchema schema) {
        this.data = data;
        this.computed = computed;
        this.numeric = numeric;
        this.schema = schema;
    }

    /**
     * Finds and checks the operators among a write's attributes.
     *
     * @throws dev.quire.query.OperatorException {@code general_bad_request} for a malformed operator,
     *                                           {@code document_invalid_structure} for one that does not fit
     */
    static Operators in(CollectionSchema schema, Map<String, Object> data) {
        Map<String, UpdateOperator> computed = new LinkedHashMap<>();
        List<UpdateOperator> numeric = new ArrayList<>();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            Field field = schema.querySchema().fields().get(entry.getKey());
            Optional<UpdateOperator> found = UpdateOperator.recognise(entry.getKey(), entry.getValue());
            if (found.isEmpty() || field == null) {
                continue;
            }
            UpdateOperator operator = found.get();
            operator.check(field);
            if (operator.method().isNumeric()) {
                numeric.add(operator);
            }
            computed.put(entry.getKey(), operator);
        }
        return new Operators(data, computed, List.copyOf(numeric), schema);
    }

    boolean any() {
        return !computed.isEmpty();
    }

    /** Whether some operator is computed here from each document's value (any but a numeric one). */
    boolean computedInJava() {
        return computed.size() > numeric.size();
    }

    /** The data's ordinary values, without its operators. */
    Map<String, Object> plain() {
        Map<String, Object> plain = new LinkedHashMap<>(data);
        plain.keySet().removeAll(computed.keySet());
        return plain;
    }

    /** The numeric operators, which SQL computes from the stored value. */
    List<UpdateOperator> numeric() {
        return numeric;
    }

    /**
     * The data with each operator other than a numeric one replaced by its result over the stored document;
     * numeric operators are left out, for SQL to compute.
     */
    Map<String, Object> appliedTo(Map<String, Object> current, String now) {
        return applied(current, now, false);
    }

    /** The data with every operator replaced by its result over no stored value: a document about to be created. */
    Map<String, Object> appliedToNew(String now) {
        return applied(Map.of(), now, true);
    }

    private Map<String, Object> applied(Map<String, Object> current, String now, boolean numericToo) {
        if (computed.isEmpty()) {
            return new LinkedHashMap<>(data);
        }
        Instant instant = OffsetDateTime.parse(now).toInstant();
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            UpdateOperator operator = computed.get(entry.getKey());
            if (operator == null) {
                result.put(entry.getKey(), entry.getValue());
            } else if (numericToo || !operator.method().isNumeric()) {
                AttributeDef attribute = schema.attribute(entry.getKey()).orElseThrow();
                result.put(entry.getKey(), operator.apply(schema.querySchema().fields().get(entry.getKey()),
                        attribute.size(), current.get(entry.getKey()), instant));
            }
        }
        return result;
    }
}
