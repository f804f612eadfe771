package dev.quire.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every query method Appwrite knows, by its wire name ({@code "equal"}, {@code "orderAsc"}, ...).
 *
 * <p>The {@code created*}/{@code updated*} methods are accepted as input only: the parser rewrites them
 * into {@link #LESS_THAN}, {@link #GREATER_THAN} or {@link #BETWEEN} on {@code $createdAt} or
 * {@code $updatedAt}, the way current SDKs already send them. Spatial, vector and {@code elemMatch}
 * methods are recognised so that they can be rejected with a clear message.
 */
public enum Method {
    EQUAL("equal", Kind.FILTER),
    NOT_EQUAL("notEqual", Kind.FILTER),
    LESS_THAN("lessThan", Kind.FILTER),
    LESS_THAN_EQUAL("lessThanEqual", Kind.FILTER),
    GREATER_THAN("greaterThan", Kind.FILTER),
    GREATER_THAN_EQUAL("greaterThanEqual", Kind.FILTER),
    BETWEEN("between", Kind.FILTER),
    NOT_BETWEEN("notBetween", Kind.FILTER),
    IS_NULL("isNull", Kind.FILTER),
    IS_NOT_NULL("isNotNull", Kind.FILTER),
    STARTS_WITH("startsWith", Kind.FILTER),
    NOT_STARTS_WITH("notStartsWith", Kind.FILTER),
    ENDS_WITH("endsWith", Kind.FILTER),
    NOT_ENDS_WITH("notEndsWith", Kind.FILTER),
    CONTAINS("contains", Kind.FILTER),
    NOT_CONTAINS("notContains", Kind.FILTER),
    CONTAINS_ANY("containsAny", Kind.FILTER),
    CONTAINS_ALL("containsAll", Kind.FILTER),
    SEARCH("search", Kind.FILTER),
    NOT_SEARCH("notSearch", Kind.FILTER),
    REGEX("regex", Kind.FILTER),
    EXISTS("exists", Kind.FILTER),
    NOT_EXISTS("notExists", Kind.FILTER),

    AND("and", Kind.LOGICAL),
    OR("or", Kind.LOGICAL),

    SELECT("select", Kind.SELECT),
    ORDER_ASC("orderAsc", Kind.ORDER),
    ORDER_DESC("orderDesc", Kind.ORDER),
    ORDER_RANDOM("orderRandom", Kind.ORDER),
    LIMIT("limit", Kind.LIMIT),
    OFFSET("offset", Kind.OFFSET),
    CURSOR_AFTER("cursorAfter", Kind.CURSOR),
    CURSOR_BEFORE("cursorBefore", Kind.CURSOR),

    CREATED_BEFORE("createdBefore", Kind.ALIAS),
    CREATED_AFTER("createdAfter", Kind.ALIAS),
    CREATED_BETWEEN("createdBetween", Kind.ALIAS),
    UPDATED_BEFORE("updatedBefore", Kind.ALIAS),
    UPDATED_AFTER("updatedAfter", Kind.ALIAS),
    UPDATED_BETWEEN("updatedBetween", Kind.ALIAS),

    CROSSES("crosses", Kind.UNSUPPORTED),
    NOT_CROSSES("notCrosses", Kind.UNSUPPORTED),
    DISTANCE_EQUAL("distanceEqual", Kind.UNSUPPORTED),
    DISTANCE_NOT_EQUAL("distanceNotEqual", Kind.UNSUPPORTED),
    DISTANCE_GREATER_THAN("distanceGreaterThan", Kind.UNSUPPORTED),
    DISTANCE_LESS_THAN("distanceLessThan", Kind.UNSUPPORTED),
    INTERSECTS("intersects", Kind.UNSUPPORTED),
    NOT_INTERSECTS("notIntersects", Kind.UNSUPPORTED),
    OVERLAPS("overlaps", Kind.UNSUPPORTED),
    NOT_OVERLAPS("notOverlaps", Kind.UNSUPPORTED),
    TOUCHES("touches", Kind.UNSUPPORTED),
    NOT_TOUCHES("notTouches", Kind.UNSUPPORTED),
    VECTOR_DOT("vectorDot", Kind.UNSUPPORTED),
    VECTOR_COSINE("vectorCosine", Kind.UNSUPPORTED),
    VECTOR_EUCLIDEAN("vectorEuclidean", Kind.UNSUPPORTED),
    ELEM_MATCH("elemMatch", Kind.UNSUPPORTED);

    /** What a method does; decides which {@link QueryNode} it parses into. */
    enum Kind { FILTER, LOGICAL, SELECT, ORDER, LIMIT, OFFSET, CURSOR, ALIAS, UNSUPPORTED }

    private static final Map<String, Method> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Method::wireName, Function.identity()));

    private final String wireName;
    private final Kind kind;

    Method(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** @return the name used in query strings, e.g. {@code "greaterThanEqual"} */
    public String wireName() {
        return wireName;
    }

    Kind kind() {
        return kind;
    }

    /**
     * Looks a method up by its wire name (case-sensitive, as in Appwrite).
     *
     * @param wireName e.g. {@code "equal"}; may be null
     * @return the method, or empty if Appwrite has no such method
     */
    public static Optional<Method> fromWireName(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
