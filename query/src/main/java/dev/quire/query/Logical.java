package dev.quire.query;

import java.util.List;
import java.util.Objects;

/**
 * An {@code and} or {@code or} of filters; children are {@link Filter}s or further {@link Logical}s.
 *
 * <p>Nesting is limited to {@value #MAX_DEPTH} levels: the deepest tree whose JSON still fits
 * Appwrite's parser limit of {@value QueryParser#MAX_NESTING} nested brackets.
 *
 * @param method  {@link Method#AND} or {@link Method#OR}
 * @param queries the child filters, in order
 */
public record Logical(Method method, List<QueryNode> queries) implements QueryNode {

    /** The deepest allowed nesting of {@code and}/{@code or}. */
    public static final int MAX_DEPTH = (QueryParser.MAX_NESTING - 2) / 2;

    /** Checks the method, the children's kinds and the depth, and copies the children. */
    public Logical {
        Objects.requireNonNull(method, "method");
        if (method.kind() != Method.Kind.LOGICAL) {
            throw new IllegalArgumentException("Not a logical method: " + method.wireName());
        }
        queries = List.copyOf(queries);
        for (QueryNode child : queries) {
            if (!(child instanceof Filter || child instanceof Logical)) {
                throw new IllegalArgumentException(
                        "A " + method.wireName() + " query can only contain filter queries, got " + child.method().wireName());
            }
        }
        if (depthOf(queries) > MAX_DEPTH) {
            throw new IllegalArgumentException("Queries nest deeper than " + MAX_DEPTH + " levels");
        }
    }

    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"method\":\"").append(method.wireName()).append("\",\"values\":[");
        for (int i = 0; i < queries.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(queries.get(i).toJson());
        }
        return out.append("]}").toString();
    }

    /** @return 1 for a logical of plain filters, 2 when one child is itself a logical, and so on */
    public int depth() {
        return depthOf(queries);
    }

    // Children were depth-checked when they were built, so this recursion is bounded by MAX_DEPTH.
    private static int depthOf(List<QueryNode> queries) {
        int deepest = 0;
        for (QueryNode child : queries) {
            if (child instanceof Logical logical) {
                deepest = Math.max(deepest, logical.depth());
            }
        }
        return deepest + 1;
    }
}
