package dev.quire.query;

import dev.quire.query.internal.Datetimes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates parsed queries against a schema and gathers them into a {@link QueryPlan}. */
final class Planner {

    private static final Set<Method> AT_LEAST_ONE = EnumSet.of(Method.EQUAL, Method.CONTAINS,
            Method.NOT_CONTAINS, Method.CONTAINS_ANY, Method.CONTAINS_ALL, Method.EXISTS, Method.NOT_EXISTS);
    private static final Set<Method> EXACTLY_TWO = EnumSet.of(Method.BETWEEN, Method.NOT_BETWEEN);
    private static final Set<Method> ANY_COUNT = EnumSet.of(Method.IS_NULL, Method.IS_NOT_NULL);
    private static final Set<Method> CONTAINMENT = EnumSet.of(Method.CONTAINS, Method.NOT_CONTAINS,
            Method.CONTAINS_ANY, Method.CONTAINS_ALL);
    // Text methods: on numbers and booleans MariaDB would compare their decimal text; Quire refuses them.
    private static final Set<Method> TEXT_ONLY = EnumSet.of(Method.STARTS_WITH, Method.NOT_STARTS_WITH,
            Method.ENDS_WITH, Method.NOT_ENDS_WITH, Method.REGEX);
    private static final Set<Method> ALLOWED_ON_ARRAYS = EnumSet.of(Method.CONTAINS, Method.NOT_CONTAINS,
            Method.CONTAINS_ANY, Method.CONTAINS_ALL, Method.IS_NULL, Method.IS_NOT_NULL, Method.EXISTS, Method.NOT_EXISTS);
    // Every document has these, so they can be selected whatever the schema lists.
    private static final Set<String> ALWAYS_SELECTABLE = Set.of("*", "$id", "$sequence", "$createdAt", "$updatedAt",
            "$permissions", "$collectionId", "$databaseId");
    // utopia's Key rule for ids: up to 36 of a-z, A-Z, 0-9, '.', '-', '_', not starting with a special char.
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,35}");

    private final QuerySchema schema;

    Planner(QuerySchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    QueryPlan plan(List<String> queries) {
        if (queries.size() > QueryPlan.MAX_QUERIES) {
            throw new QueryException("Invalid query: Queries count is greater than " + QueryPlan.MAX_QUERIES);
        }
        List<QueryNode> filters = new ArrayList<>();
        Set<String> select = new LinkedHashSet<>();
        List<Order> orders = new ArrayList<>();
        Integer limit = null;
        Integer offset = null;
        Cursor cursor = null;
        for (String query : queries) {
            if (query == null) {
                throw new QueryException(Trees.SYNTAX_ERROR);
            }
            QueryNode node = QueryParser.parse(query);
            if (node instanceof Filter || node instanceof Logical) {
                filters.add(filter(node));
            } else if (node instanceof Select s) {
                select.addAll(select(s));
            } else if (node instanceof Order o) {
                orders.add(order(o));
            } else if (node instanceof Limit l) {
                limit = first(limit, atLeast(l.value(), 1, "limit"));
            } else if (node instanceof Offset o) {
                offset = first(offset, atLeast(o.value(), 0, "offset"));
            } else if (node instanceof Cursor c) {
                cursor = first(cursor, cursor(c));
            }
        }
        List<String> selected = select.contains("*") ? List.of() : List.copyOf(select);
        return new QueryPlan(filters, selected, orders, limit, offset, cursor);
    }

    // Recursion follows and/or nesting, which the parser caps at Logical.MAX_DEPTH.
    private QueryNode filter(QueryNode node) {
        if (node instanceof Logical logical) {
            List<QueryNode> children = new ArrayList<>();
            for (QueryNode child : logical.queries()) {
                children.add(filter(child));
            }
            if (children.size() < 2) {
                throw invalid(Trees.capitalised(logical.method()) + " queries require at least two queries");
            }
            return new Logical(logical.method(), children);
        }
        Filter filter = (Filter) node;
        Method method = filter.method();
        List<Object> values = filter.values();
        String name = Trees.capitalised(method);
        if (AT_LEAST_ONE.contains(method) && values.isEmpty()) {
            throw invalid(name + " queries require at least one value.");
        }
        if (EXACTLY_TWO.contains(method) && values.size() != 2) {
            throw invalid(name + " queries require exactly two values.");
        }
        if (!AT_LEAST_ONE.contains(method) && !EXACTLY_TWO.contains(method) && !ANY_COUNT.contains(method)
                && values.size() != 1) {
            throw invalid(name + " queries require exactly one value.");
        }
        if (method == Method.EXISTS || method == Method.NOT_EXISTS) {
            return existence(filter);
        }
        String attribute = filter.attribute() == null ? "" : filter.attribute();
        Field field = field(attribute);
        if (values.size() > QueryPlan.MAX_VALUES) {
            throw invalid("Query on attribute has greater than " + QueryPlan.MAX_VALUES + " values: " + attribute);
        }
        List<Object> typed = new ArrayList<>(values.size());
        for (Object value : values) {
            typed.add(convert(field.type(), value)
                    .orElseThrow(() -> invalid("Query value is invalid for attribute \"" + attribute + "\"")));
        }
        if (!field.array() && CONTAINMENT.contains(method) && field.type() != FieldType.STRING) {
            throw invalid("Cannot query " + method.wireName() + " on attribute \"" + attribute
                    + "\" because it is not an array or string.");
        }
        if (field.array() && !ALLOWED_ON_ARRAYS.contains(method)) {
            throw invalid("Cannot query " + method.wireName() + " on attribute \"" + attribute + "\" because it is an array.");
        }
        if (TEXT_ONLY.contains(method) && field.type() != FieldType.STRING && field.type() != FieldType.DATETIME) {
            throw invalid("Cannot query " + method.wireName() + " on attribute \"" + attribute
                    + "\" because it is not a string.");
        }
        if (method == Method.REGEX) {
            checkPattern((String) typed.get(0));
        }
        if ((method == Method.SEARCH || method == Method.NOT_SEARCH) && !schema.fulltextAttributes().contains(attribute)) {
            // Appwrite raises this one without the "Invalid query: " prefix.
            throw new QueryException("Searching by attribute \"" + attribute + "\" requires a fulltext index.");
        }
        return new Filter(method, attribute, typed);
    }

    // exists/notExists name their attributes in values (the SDKs send no attribute field).
    private Filter existence(Filter filter) {
        List<Object> names = new ArrayList<>();
        if (filter.attribute() != null && !filter.attribute().isEmpty()) {
            names.add(filter.attribute());
        }
        names.addAll(filter.values());
        for (Object name : names) {
            if (!(name instanceof String key)) {
                throw invalid("Query value is invalid for attribute \"\"");
            }
            field(key);
        }
        return new Filter(filter.method(), null, names);
    }

    private List<String> select(Select select) {
        List<String> attributes = select.attributes();
        if (attributes.isEmpty()) {
            throw invalid("No attributes selected");
        }
        if (new HashSet<>(attributes).size() != attributes.size()) {
            throw invalid("Duplicate attributes selected");
        }
        for (String attribute : attributes) {
            if (!ALWAYS_SELECTABLE.contains(attribute)) {
                field(attribute);
            }
        }
        return attributes;
    }

    private Order order(Order order) {
        if (order.attribute() != null) {
            field(order.attribute());
        }
        return order;
    }

    private static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new QueryException(Trees.rangeMessage(name, min));
        }
        return value;
    }

    private static Cursor cursor(Cursor cursor) {
        if (!UID.matcher(cursor.documentId()).matches()) {
            throw new QueryException(Trees.INVALID_CURSOR);
        }
        return cursor;
    }

    /**
     * Patterns run on RE2/J in storage, which matches in time linear in the value; the price is RE2's syntax:
     * no backreferences or lookaround. A pattern it cannot compile is the caller's mistake, answered here,
     * before any SQL runs.
     */
    private static void checkPattern(String pattern) {
        try {
            com.google.re2j.Pattern.compile(pattern);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw invalid("Invalid regular expression: " + e.getDescription());
        }
    }

    private static <T> T first(T current, T next) {
        return current != null ? current : next;
    }

    private Field field(String attribute) {
        Field field = schema.fields().get(attribute);
        if (field == null) {
            throw invalid("Attribute not found in schema: " + attribute);
        }
        return field;
    }

    private static Optional<Object> convert(FieldType type, Object value) {
        return Optional.ofNullable(switch (type) {
            case STRING -> value instanceof String ? value : null;
            case INTEGER -> value instanceof Long ? value : null;
            case FLOAT -> value instanceof Long l ? (Object) l.doubleValue() : value instanceof Double ? value : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case DATETIME -> value instanceof String s ? Datetimes.canonical(s).orElse(null) : null;
        });
    }

    private static QueryException invalid(String message) {
        return new QueryException("Invalid query: " + message);
    }
}
