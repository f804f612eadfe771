package dev.quire.internal.storage;

import dev.quire.internal.Errors;
import dev.quire.query.Field;
import dev.quire.query.Filter;
import dev.quire.query.Logical;
import dev.quire.query.Method;
import dev.quire.query.Order;
import dev.quire.query.QueryNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Compiles validated query trees into SQL over one table (aliased {@code d}): filters, the order, keyset
 * cursors, pages and counts. Values go to {@link #params()}; the text holds only quoted identifiers.
 *
 * <p>One instance builds one statement.
 */
final class QuerySql {
    /**
     * One column of the final order.
     *
     * @param fixed whether an equality filter fixes the column to one value: it is there for the index
     *              only, so a cursor ignores it (the cursor document need not match the filters)
     */
    record OrderColumn(String field, boolean descending, boolean fixed) {
    }

    private final Map<String, Field> fields;
    private final FullText fullText;
    private final List<Object> params = new ArrayList<>();

    QuerySql(Map<String, Field> fields, FullText fullText) {
        this.fields = fields;
        this.fullText = fullText;
    }

    List<Object> params() {
        return params;
    }

    /** Document and metadata tables name their system columns the same way. */
    static String columnName(String field) {
        return switch (field) {
            case "$id" -> Sql.UID;
            case "$sequence" -> Sql.SEQ;
            case "$createdAt" -> Sql.CREATED_AT;
            case "$updatedAt" -> Sql.UPDATED_AT;
            default -> field;
        };
    }

    static String column(String field) {
        return Sql.quote(columnName(field));
    }

    /** A condition that binds its own values while it is written, so parameters stay in text order. */
    @FunctionalInterface
    interface Condition {
        String write(QuerySql sql);
    }

    /**
     * {@code SELECT columns FROM table d WHERE filters AND conditions [AND keyset] ORDER BY ... LIMIT ? OFFSET ?}.
     *
     * @param cursor the cursor row's field values, or {@code null}
     */
    String page(String columns, String table, List<Condition> conditions, List<QueryNode> filters,
                List<Order> orders, boolean random, Map<String, Object> cursor, boolean before, int limit,
                int offset) {
        StringBuilder text = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table)
                .append(" d WHERE ").append(where(filters));
        for (Condition condition : conditions) {
            text.append(" AND ").append(condition.write(this));
        }
        List<OrderColumn> order = orderColumns(filters, orders);
        if (cursor != null) {
            for (OrderColumn column : order) {
                if (!column.fixed() && cursor.get(column.field()) == null) {
                    throw Errors.orderNull(column.field());
                }
            }
            text.append(" AND ").append(keyset(order, cursor, before));
        }
        text.append(" ORDER BY ").append(random ? "RAND()" : orderBy(order, before));
        text.append(" LIMIT ").append(bind(limit)).append(" OFFSET ").append(bind(offset));
        return text.toString();
    }

    /** {@code SELECT COUNT(*) FROM table d WHERE filters AND conditions}. */
    String count(String table, List<Condition> conditions, List<QueryNode> filters) {
        StringBuilder text = new StringBuilder("SELECT COUNT(*) FROM ").append(table).append(" d WHERE ")
                .append(where(filters));
        for (Condition condition : conditions) {
            text.append(" AND ").append(condition.write(this));
        }
        return text.toString();
    }

    void bindTo(java.sql.PreparedStatement statement) throws java.sql.SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** Appends {@code cond AND cond ...} for the given filters; {@code TRUE} when there are none. */
    String where(List<QueryNode> filters) {
        if (filters.isEmpty()) {
            return "TRUE";
        }
        StringJoiner and = new StringJoiner(" AND ");
        for (QueryNode filter : filters) {
            and.add(condition(filter));
        }
        return and.toString();
    }

    private String condition(QueryNode node) {
        if (node instanceof Logical logical) {
            StringJoiner joiner = new StringJoiner(logical.method() == Method.AND ? " AND " : " OR ", "(", ")");
            for (QueryNode child : logical.queries()) {
                joiner.add(condition(child));
            }
            return joiner.toString();
        }
        Filter filter = (Filter) node;
        List<Object> values = filter.values();
        if (filter.method() == Method.EXISTS || filter.method() == Method.NOT_EXISTS) {
            // exists/notExists name their attributes in the values (the SDKs take a list); each must hold.
            StringJoiner and = new StringJoiner(" AND ", "(", ")");
            for (Object attribute : values) {
                and.add("d." + column((String) attribute) + (filter.method() == Method.EXISTS ? " IS NOT NULL" : " IS NULL"));
            }
            return and.toString();
        }
        String column = "d." + column(filter.attribute());
        boolean array = fields.get(filter.attribute()).array();
        return switch (filter.method()) {
            case EQUAL -> values.size() == 1 ? column + " = " + bind(values.get(0))
                    : column + " IN (" + bindAll(values) + ")";
            case NOT_EQUAL -> values.size() == 1 ? column + " <> " + bind(values.get(0))
                    : column + " NOT IN (" + bindAll(values) + ")";
            case LESS_THAN -> column + " < " + bind(values.get(0));
            case LESS_THAN_EQUAL -> column + " <= " + bind(values.get(0));
            case GREATER_THAN -> column + " > " + bind(values.get(0));
            case GREATER_THAN_EQUAL -> column + " >= " + bind(values.get(0));
            case BETWEEN -> column + " BETWEEN " + bind(values.get(0)) + " AND " + bind(values.get(1));
            case NOT_BETWEEN -> column + " NOT BETWEEN " + bind(values.get(0)) + " AND " + bind(values.get(1));
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case STARTS_WITH -> like(column, values, "", "%", false);
            case NOT_STARTS_WITH -> like(column, values, "", "%", true);
            case ENDS_WITH -> like(column, values, "%", "", false);
            case NOT_ENDS_WITH -> like(column, values, "%", "", true);
            case CONTAINS, CONTAINS_ANY -> array ? arrayContains(column, values, " OR ") : contains(column, values, " OR ");
            case CONTAINS_ALL -> array ? arrayContains(column, values, " AND ") : contains(column, values, " AND ");
            case NOT_CONTAINS -> "NOT " + (array ? arrayContains(column, values, " OR ") : contains(column, values, " OR "));
            case REGEX -> Sql.REGEX_FUNCTION + "(" + column + ", " + bind(values.get(0)) + ")";
            case SEARCH -> fullText.matches(filter.attribute(), (String) values.get(0), this);
            case NOT_SEARCH -> "NOT " + fullText.matches(filter.attribute(), (String) values.get(0), this);
            default -> throw new IllegalStateException("Not a filter: " + filter.method());
        };
    }

    /**
     * {@code startsWith} and {@code endsWith}: a pattern with one {@code %} at one end, which H2 matches in time
     * linear in the needle, escapes or not (a 5,000-character {@code endsWith} on a 10 MB value: 31 ms), and
     * which an index can serve for a prefix.
     */
    private String like(String column, List<Object> values, String prefix, String suffix, boolean negate) {
        StringJoiner or = new StringJoiner(" OR ", "(", ")");
        for (Object value : values) {
            // % and _ in the value match themselves, not any character.
            String escaped = ((String) value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            or.add(column + (negate ? " NOT LIKE " : " LIKE ") + bind(prefix + escaped + suffix) + " ESCAPE '\\'");
        }
        return or.toString();
    }

    /**
     * Substrings of a string: any of the values ({@code contains}, {@code containsAny}) or every one
     * ({@code containsAll}). Not {@code LIKE '%value%'}, which is quadratic in the worst case: see
     * {@link TextFunctions}.
     */
    private String contains(String column, List<Object> values, String joiner) {
        StringJoiner joined = new StringJoiner(joiner, "(", ")");
        for (Object value : values) {
            joined.add(Sql.CONTAINS_FUNCTION + "(" + column + ", " + bind(value) + ")");
        }
        return joined.toString();
    }

    private String arrayContains(String column, List<Object> values, String joiner) {
        StringJoiner joined = new StringJoiner(joiner, "(", ")");
        for (Object value : values) {
            joined.add("ARRAY_CONTAINS(" + column + ", " + bind(value) + ")");
        }
        return joined.toString();
    }

    /** Binds a value and returns its placeholder; used by the full-text compiler too. */
    String bind(Object value) {
        params.add(value);
        return "?";
    }

    private String bindAll(List<Object> values) {
        StringJoiner joiner = new StringJoiner(", ");
        for (Object value : values) {
            joiner.add(bind(value));
        }
        return joiner.toString();
    }

    /**
     * The complete order: equality-fixed columns first, then the requested orders, then {@code $sequence}
     * as the tie-breaker (in the direction of a leading {@code $createdAt}/{@code $updatedAt} order, else
     * ascending).
     *
     * <p>Leading with the columns that top-level {@code equal} filters fix to one value changes no result
     * (they are constant over the matches) but lets H2 read an index on {@code (column, ..., _seq)} in order
     * and stop after one page instead of sorting every match: 100x at 100k documents, see
     * shared/reference/h2-measurements.md.
     */
    static List<OrderColumn> orderColumns(List<QueryNode> filters, List<Order> orders) {
        Map<String, OrderColumn> columns = new LinkedHashMap<>();
        for (QueryNode node : filters) {
            if (node instanceof Filter f && f.method() == Method.EQUAL && f.values().size() == 1
                    && !"$sequence".equals(f.attribute())) {
                columns.putIfAbsent(f.attribute(), new OrderColumn(f.attribute(), false, true));
            }
        }
        Map<String, OrderColumn> requested = new LinkedHashMap<>();
        for (Order order : orders) {
            requested.putIfAbsent(order.attribute(),
                    new OrderColumn(order.attribute(), order.method() == Method.ORDER_DESC, false));
        }
        // A requested order on a fixed column keeps its place among the requested ones.
        requested.keySet().forEach(columns::remove);
        columns.putAll(requested);
        if (!columns.containsKey("$sequence")) {
            boolean descending = !orders.isEmpty()
                    && ("$createdAt".equals(orders.get(0).attribute()) || "$updatedAt".equals(orders.get(0).attribute()))
                    && orders.get(0).method() == Method.ORDER_DESC;
            columns.put("$sequence", new OrderColumn("$sequence", descending, false));
        }
        return new ArrayList<>(columns.values());
    }

    static String orderBy(List<OrderColumn> columns, boolean reversed) {
        StringJoiner joiner = new StringJoiner(", ");
        for (OrderColumn column : columns) {
            joiner.add("d." + column(column.field()) + (column.descending() != reversed ? " DESC" : " ASC"));
        }
        return joiner.toString();
    }

    /**
     * The keyset predicate "after the cursor row in this order": {@code (c1 > v1) OR (c1 = v1 AND c2 > v2) ...},
     * led by {@code c1 >= v1} so H2 can start an index range there instead of scanning from the start.
     */
    String keyset(List<OrderColumn> order, Map<String, Object> cursor, boolean reversed) {
        List<OrderColumn> columns = order.stream().filter(c -> !c.fixed()).toList();
        OrderColumn first = columns.get(0);
        String lead = "d." + column(first.field()) + (first.descending() != reversed ? " <= " : " >= ")
                + bind(cursor.get(first.field()));
        StringJoiner or = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < columns.size(); i++) {
            StringJoiner and = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                and.add("d." + column(columns.get(j).field()) + " = " + bind(cursor.get(columns.get(j).field())));
            }
            OrderColumn column = columns.get(i);
            String op = column.descending() != reversed ? " < " : " > ";
            and.add("d." + column(column.field()) + op + bind(cursor.get(column.field())));
            or.add(and.toString());
        }
        return lead + " AND " + or;
    }

    /** Compiles {@code search}/{@code notSearch}; supplied by whoever owns the full-text structures. */
    interface FullText {
        String matches(String attribute, String text, QuerySql sql);

        FullText NONE = (attribute, text, sql) -> {
            throw new IllegalStateException("No full-text index on " + attribute);
        };
    }
}
