package dev.quire.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded query (maps, lists and scalars, from either syntax) into a {@link QueryNode},
 * applying utopia's rules for the fields {@code method}, {@code attribute} and {@code values}.
 */
final class Trees {

    static final String SYNTAX_ERROR = "Invalid query: Syntax error";
    static final String TOO_DEEP = "Invalid query: Maximum stack depth exceeded";
    static final String INVALID_CURSOR = "Invalid query: Invalid cursor: UID must contain at most 36 chars. "
            + "Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore";

    private Trees() {
    }

    /**
     * Appwrite's message, followed by where the parser stopped and why: {@code Invalid query: Syntax error at
     * character 12: expected ',' or ')', found 'x'}. Appwrite says only {@code Syntax error}; the prefix is kept
     * so code matching on it still works.
     *
     * @param offset the 0-based offset in the query string; printed 1-based
     */
    static String syntaxError(int offset, String expected, String found) {
        return SYNTAX_ERROR + " at character " + (offset + 1) + ": expected " + expected + ", found " + found;
    }

    static QueryNode build(Object decoded) {
        return build(decoded, 0);
    }

    private static QueryNode build(Object decoded, int logicalDepth) {
        if (decoded instanceof List) {
            // PHP decodes a JSON array to an array without a "method" key.
            throw new QueryException("Invalid query method: ");
        }
        if (!(decoded instanceof Map<?, ?> query)) {
            throw new QueryException("Invalid query. Must be an array, got " + phpType(decoded));
        }
        Object name = query.get("method");
        if (name != null && !(name instanceof String)) {
            throw new QueryException("Invalid query method. Must be a string, got " + phpType(name));
        }
        String methodName = name == null ? "" : (String) name;
        Method method = Method.fromWireName(methodName)
                .orElseThrow(() -> new QueryException("Invalid query method: " + methodName));
        Object attributeField = query.get("attribute");
        if (attributeField != null && !(attributeField instanceof String)) {
            throw new QueryException("Invalid query attribute. Must be a string, got " + phpType(attributeField));
        }
        String attribute = (String) attributeField;
        Object valuesField = query.get("values");
        if (valuesField != null && !(valuesField instanceof List)) {
            throw new QueryException("Invalid query values. Must be an array, got " + phpType(valuesField));
        }
        List<?> values = valuesField == null ? List.of() : (List<?>) valuesField;

        return switch (method.kind()) {
            case FILTER -> new Filter(method, attribute, scalars(values, attribute));
            case ALIAS -> alias(method, values);
            case LOGICAL -> logical(method, values, logicalDepth + 1);
            case SELECT -> select(values);
            case ORDER -> method == Method.ORDER_RANDOM ? new Order(method, null)
                    // utopia orders by the internal sequence when no attribute is named.
                    : new Order(method, attribute == null || attribute.isEmpty() ? "$sequence" : attribute);
            case LIMIT -> new Limit(whole(values, "limit", 1));
            case OFFSET -> new Offset(whole(values, "offset", 0));
            case CURSOR -> cursor(method, values);
            case UNSUPPORTED -> throw new QueryException(
                    "Invalid query: Method \"" + method.wireName() + "\" is not supported yet");
        };
    }

    private static Filter alias(Method method, List<?> values) {
        String attribute = method.wireName().startsWith("created") ? "$createdAt" : "$updatedAt";
        Method target = switch (method) {
            case CREATED_BEFORE, UPDATED_BEFORE -> Method.LESS_THAN;
            case CREATED_AFTER, UPDATED_AFTER -> Method.GREATER_THAN;
            default -> Method.BETWEEN;
        };
        return new Filter(target, attribute, scalars(values, attribute));
    }

    private static Logical logical(Method method, List<?> values, int depth) {
        if (depth > Logical.MAX_DEPTH) {
            throw new QueryException(TOO_DEEP);
        }
        List<QueryNode> children = new ArrayList<>(values.size());
        for (Object value : values) {
            QueryNode child = build(value, depth);
            if (!(child instanceof Filter || child instanceof Logical)) {
                throw new QueryException("Invalid query: " + capitalised(method) + " queries can only contain filter queries");
            }
            children.add(child);
        }
        return new Logical(method, children);
    }

    private static Select select(List<?> values) {
        List<String> attributes = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof String attribute)) {
                throw new QueryException("Invalid query: Attribute selection must be a string, got " + debugType(value));
            }
            attributes.add(attribute);
        }
        return new Select(attributes);
    }

    private static Cursor cursor(Method method, List<?> values) {
        if (values.isEmpty() || !(values.get(0) instanceof String id)) {
            throw new QueryException(INVALID_CURSOR);
        }
        return new Cursor(method, id);
    }

    private static int whole(List<?> values, String name, int min) {
        Object value = values.isEmpty() ? null : values.get(0);
        if (!(value instanceof Long || value instanceof Double)) {
            // utopia says "Invalid limit" for a non-numeric offset too; kept so messages match.
            throw new QueryException("Invalid query: Invalid limit: Value must be a valid number");
        }
        // PHP's range check wants an int: a fraction, or anything beyond Java's int, is out of range.
        if (value instanceof Double || (Long) value > Integer.MAX_VALUE || (Long) value < Integer.MIN_VALUE) {
            throw new QueryException(rangeMessage(name, min));
        }
        return ((Long) value).intValue();
    }

    static String rangeMessage(String name, int min) {
        return "Invalid query: Invalid " + name + ": Value must be a valid range between " + min + " and 2,147,483,647";
    }

    private static List<Object> scalars(List<?> values, String attribute) {
        List<Object> scalars = new ArrayList<>(values.size());
        for (Object value : values) {
            boolean scalar = !(value instanceof List || value instanceof Map)
                    && !(value instanceof Double d && !Double.isFinite(d));
            if (!scalar) {
                throw new QueryException("Invalid query: Query value is invalid for attribute \""
                        + (attribute == null ? "" : attribute) + "\"");
            }
            scalars.add(value);
        }
        return scalars;
    }

    static String capitalised(Method method) {
        String name = method.wireName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    // The type names PHP's gettype() prints, which Appwrite's messages quote.
    private static String phpType(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "integer";
        }
        if (value instanceof Double) {
            return "double";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "array";
    }

    // The names PHP's get_debug_type() prints.
    private static String debugType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return value instanceof String ? "string" : "array";
    }
}
