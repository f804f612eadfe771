package dev.quire.query;

/**
 * The maximum number of results, e.g. {@code limit(25)}. The range (at least 1) is checked by
 * {@link QueryPlan}, as Appwrite checks it when validating rather than when parsing.
 *
 * @param value the requested limit
 */
public record Limit(int value) implements QueryNode {

    @Override
    public Method method() {
        return Method.LIMIT;
    }

    @Override
    public String toJson() {
        return "{\"method\":\"limit\",\"values\":[" + value + "]}";
    }
}
