package dev.quire.query;

import java.util.Objects;
import java.util.Set;

/**
 * Parses one Appwrite query string into a {@link QueryNode}.
 *
 * <p>Two syntaxes are accepted, as an Appwrite server accepts both:
 * <ul>
 *   <li>the JSON form every SDK has sent since Appwrite 1.5:
 *       {@code {"method":"equal","attribute":"title","values":["Avatar"]}};</li>
 *   <li>the function-call form of older SDKs: {@code equal("title", ["Avatar", "Up"])},
 *       {@code between("year", 2000, 2010)}, {@code limit(25)}; strings in double or single quotes,
 *       a backslash before a quote or backslash escapes it, and {@code true}, {@code false},
 *       {@code null} and numbers are literals. {@code and}/{@code or} take nested calls:
 *       {@code or(equal("a", 1), equal("b", 2))}.</li>
 * </ul>
 * Input is treated as the function-call form when it starts with a letter (other than a bare
 * {@code true}, {@code false} or {@code null}), otherwise as JSON.
 *
 * <pre>{@code
 * QueryNode node = QueryParser.parse("{\"method\":\"limit\",\"values\":[25]}");  // new Limit(25)
 * }</pre>
 *
 * <p>Parsing checks structure only; whether attributes exist and values fit their types is checked
 * by {@link QueryPlan#of}.
 */
public final class QueryParser {

    /**
     * The deepest nesting of brackets (JSON objects and arrays, or parentheses and square brackets)
     * accepted, the same limit PHP's {@code json_decode} gives Appwrite; deeper input fails with
     * {@code Invalid query: Maximum stack depth exceeded}.
     */
    public static final int MAX_NESTING = 512;

    // Bare JSON literals start with a letter too; Appwrite decodes them as JSON and reports their type.
    private static final Set<String> JSON_LITERALS = Set.of("true", "false", "null");

    private QueryParser() {
    }

    /**
     * Parses a query string.
     *
     * @param query a query in either syntax
     * @return the parsed query; {@code created*}/{@code updated*} methods come back as filters on
     *         {@code $createdAt}/{@code $updatedAt}
     * @throws QueryException       if the string is not a valid query ({@code general_query_invalid})
     * @throws NullPointerException if {@code query} is null
     */
    public static QueryNode parse(String query) {
        Objects.requireNonNull(query, "query");
        String trimmed = query.strip();
        boolean functionCall = !trimmed.isEmpty() && Character.isLetter(trimmed.charAt(0))
                && !JSON_LITERALS.contains(trimmed);
        Object decoded = functionCall ? FunctionCallSyntax.decode(query) : JsonSyntax.decode(query);
        return Trees.build(decoded);
    }
}
