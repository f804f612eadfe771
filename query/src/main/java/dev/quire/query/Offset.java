package dev.quire.query;

/**
 * How many results to skip, e.g. {@code offset(50)}. {@link QueryPlan} rejects negative offsets.
 *
 * @param value the requested offset
 */
public record Offset(int value) implements QueryNode {

    @Override
    public Method method() {
        return Method.OFFSET;
    }

    @Override
    public String toJson() {
        return "{\"method\":\"offset\",\"values\":[" + value + "]}";
    }
}
