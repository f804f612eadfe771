package dev.quire.query;

import java.util.List;

/**
 * A validated list of queries, split by what storage does with them.
 *
 * <pre>{@code
 * QueryPlan plan = QueryPlan.of(List.of(Query.greaterThan("year", 1999), Query.limit(10)), schema);
 * plan.filters();  // [Filter[method=GREATER_THAN, attribute=year, values=[1999]]]
 * plan.limit();    // 10
 * }</pre>
 *
 * <p>Every filter value has its field's Java type: {@code String} for strings, {@code Long} for
 * integers, {@code Double} for floats, {@code Boolean} for booleans and the canonical UTC string
 * ({@code 2020-10-15T06:38:00.000+00:00}) for datetimes, so storage can compare datetimes as strings.
 *
 * @param filters filters and and/or groups, all of which must match
 * @param select  the attributes to return, in order; empty means all
 * @param orders  sorts, in order of precedence
 * @param limit   the first limit given, or null
 * @param offset  the first offset given, or null
 * @param cursor  the first cursor given, or null
 */
public record QueryPlan(List<QueryNode> filters, List<String> select, List<Order> orders,
                        Integer limit, Integer offset, Cursor cursor) {

    /** The most queries one call may pass, as in Appwrite. */
    public static final int MAX_QUERIES = 100;

    /** The most values one query may carry, as in Appwrite. */
    public static final int MAX_VALUES = 500;

    /** Copies the lists. */
    public QueryPlan {
        filters = List.copyOf(filters);
        select = List.copyOf(select);
        orders = List.copyOf(orders);
    }

    /**
     * Parses and validates query strings against a schema, following Appwrite's rules and messages.
     * Only the first limit, offset and cursor count; later ones are validated and then ignored.
     *
     * @param queries query strings in either syntax; null means none
     * @param schema  what the queries may refer to
     * @return the plan
     * @throws QueryException with Appwrite's message if any query is invalid
     */
    public static QueryPlan of(List<String> queries, QuerySchema schema) {
        return new Planner(schema).plan(queries == null ? List.of() : queries);
    }
}
