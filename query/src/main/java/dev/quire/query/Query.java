package dev.quire.query;

import dev.quire.QuireException;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds Appwrite query strings, byte for byte what the Appwrite Node and Kotlin SDKs produce.
 *
 * <pre>{@code
 * List<String> queries = List.of(
 *         Query.equal("genre", List.of("drama", "comedy")),  // {"method":"equal","attribute":"genre","values":["drama","comedy"]}
 *         Query.greaterThan("year", 1999),                   // {"method":"greaterThan","attribute":"year","values":[1999]}
 *         Query.or(List.of(Query.isNull("rating"), Query.lessThan("rating", 2.5))),
 *         Query.orderDesc("year"),
 *         Query.limit(25));
 * DocumentList movies = db.listDocuments("library", "movies", queries);
 * }</pre>
 *
 * <p>Values may be {@code String}, {@code Boolean}, any {@code Number} (written as JavaScript's
 * {@code JSON.stringify} writes numbers, so {@code 26.0} becomes {@code 26}) or {@code null}; where a
 * method takes {@code Object value}, a {@code List} supplies several values and anything else one.
 * Arguments are checked here, and a builder given {@code null} where a query needs a value, a number that is
 * not finite, a value of another type or a logical query over something that is not a filter throws a
 * {@link QuireException} {@code general_argument_invalid} (400): the SDKs would write such a string and
 * Appwrite refuse it when the call is made; Quire refuses it on the line that builds it. Whether attributes
 * exist is checked when the query runs.
 */
public final class Query {

    private static final String ARGUMENT_INVALID = "general_argument_invalid";

    private Query() {
    }

    /**
     * Matches documents whose attribute equals any of the values.
     *
     * @param attribute the attribute key
     * @param value     one value, or a {@code List} of values
     * @return the query string
     */
    public static String equal(String attribute, Object value) {
        return filter(Method.EQUAL, attribute, value);
    }

    /**
     * Matches documents whose attribute differs from the value.
     *
     * @param attribute the attribute key
     * @param value     one value, or a {@code List} of values
     * @return the query string
     */
    public static String notEqual(String attribute, Object value) {
        return filter(Method.NOT_EQUAL, attribute, value);
    }

    /**
     * Matches documents whose attribute is less than the value.
     *
     * @param attribute the attribute key
     * @param value     a number, or a datetime or other string
     * @return the query string
     */
    public static String lessThan(String attribute, Object value) {
        return filter(Method.LESS_THAN, attribute, value);
    }

    /**
     * Matches documents whose attribute is less than or equal to the value.
     *
     * @param attribute the attribute key
     * @param value     a number, or a datetime or other string
     * @return the query string
     */
    public static String lessThanEqual(String attribute, Object value) {
        return filter(Method.LESS_THAN_EQUAL, attribute, value);
    }

    /**
     * Matches documents whose attribute is greater than the value.
     *
     * @param attribute the attribute key
     * @param value     a number, or a datetime or other string
     * @return the query string
     */
    public static String greaterThan(String attribute, Object value) {
        return filter(Method.GREATER_THAN, attribute, value);
    }

    /**
     * Matches documents whose attribute is greater than or equal to the value.
     *
     * @param attribute the attribute key
     * @param value     a number, or a datetime or other string
     * @return the query string
     */
    public static String greaterThanEqual(String attribute, Object value) {
        return filter(Method.GREATER_THAN_EQUAL, attribute, value);
    }

    /**
     * Matches documents whose attribute lies between start and end, both included.
     *
     * @param attribute the attribute key
     * @param start     the lower bound
     * @param end       the upper bound
     * @return the query string
     */
    public static String between(String attribute, Object start, Object end) {
        return range(Method.BETWEEN, attribute, start, end);
    }

    /**
     * Matches documents whose attribute lies outside start..end.
     *
     * @param attribute the attribute key
     * @param start     the lower bound
     * @param end       the upper bound
     * @return the query string
     */
    public static String notBetween(String attribute, Object start, Object end) {
        return range(Method.NOT_BETWEEN, attribute, start, end);
    }

    /**
     * Matches documents whose attribute is null.
     *
     * @param attribute the attribute key
     * @return the query string
     */
    public static String isNull(String attribute) {
        return new Filter(Method.IS_NULL, requireAttribute(attribute), List.of()).toJson();
    }

    /**
     * Matches documents whose attribute is not null.
     *
     * @param attribute the attribute key
     * @return the query string
     */
    public static String isNotNull(String attribute) {
        return new Filter(Method.IS_NOT_NULL, requireAttribute(attribute), List.of()).toJson();
    }

    /**
     * Matches documents that have the attribute. Written as the SDKs write {@code exists([attribute])}.
     *
     * @param attribute the attribute key
     * @return the query string
     */
    public static String exists(String attribute) {
        return exists(List.of(requireAttribute(attribute)));
    }

    /**
     * Matches documents that have every one of the attributes.
     *
     * @param attributes the attribute keys
     * @return the query string
     */
    public static String exists(List<String> attributes) {
        return new Filter(Method.EXISTS, null, attributeList(attributes)).toJson();
    }

    /**
     * Matches documents that lack the attribute. Written as the SDKs write {@code notExists([attribute])}.
     *
     * @param attribute the attribute key
     * @return the query string
     */
    public static String notExists(String attribute) {
        return notExists(List.of(requireAttribute(attribute)));
    }

    /**
     * Matches documents that lack every one of the attributes.
     *
     * @param attributes the attribute keys
     * @return the query string
     */
    public static String notExists(List<String> attributes) {
        return new Filter(Method.NOT_EXISTS, null, attributeList(attributes)).toJson();
    }

    /**
     * Matches documents whose string attribute starts with the value.
     *
     * @param attribute the attribute key
     * @param value     the prefix
     * @return the query string
     */
    public static String startsWith(String attribute, String value) {
        return text(Method.STARTS_WITH, attribute, value);
    }

    /**
     * Matches documents whose string attribute does not start with the value.
     *
     * @param attribute the attribute key
     * @param value     the prefix
     * @return the query string
     */
    public static String notStartsWith(String attribute, String value) {
        return text(Method.NOT_STARTS_WITH, attribute, value);
    }

    /**
     * Matches documents whose string attribute ends with the value.
     *
     * @param attribute the attribute key
     * @param value     the suffix
     * @return the query string
     */
    public static String endsWith(String attribute, String value) {
        return text(Method.ENDS_WITH, attribute, value);
    }

    /**
     * Matches documents whose string attribute does not end with the value.
     *
     * @param attribute the attribute key
     * @param value     the suffix
     * @return the query string
     */
    public static String notEndsWith(String attribute, String value) {
        return text(Method.NOT_ENDS_WITH, attribute, value);
    }

    /**
     * Matches documents whose attribute contains the value: a substring of a string attribute, or an
     * element of an array attribute.
     *
     * @param attribute the attribute key
     * @param value     one value, or a {@code List} of values (any may match)
     * @return the query string
     */
    public static String contains(String attribute, Object value) {
        return filter(Method.CONTAINS, attribute, value);
    }

    /**
     * Matches documents whose attribute contains none of the values.
     *
     * @param attribute the attribute key
     * @param value     one value, or a {@code List} of values
     * @return the query string
     */
    public static String notContains(String attribute, Object value) {
        return filter(Method.NOT_CONTAINS, attribute, value);
    }

    /**
     * Matches documents whose array attribute contains at least one of the values.
     *
     * @param attribute the attribute key
     * @param value     one value, or a {@code List} of values
     * @return the query string
     */
    public static String containsAny(String attribute, Object value) {
        return filter(Method.CONTAINS_ANY, attribute, value);
    }

    /**
     * Matches documents whose array attribute contains every one of the values.
     *
     * @param attribute the attribute key
     * @param value     one value, or a {@code List} of values
     * @return the query string
     */
    public static String containsAll(String attribute, Object value) {
        return filter(Method.CONTAINS_ALL, attribute, value);
    }

    /**
     * Full-text search; the attribute needs a fulltext index.
     *
     * @param attribute the attribute key
     * @param value     the search terms
     * @return the query string
     */
    public static String search(String attribute, String value) {
        return text(Method.SEARCH, attribute, value);
    }

    /**
     * Documents that a full-text search for the value would not find.
     *
     * @param attribute the attribute key
     * @param value     the search terms
     * @return the query string
     */
    public static String notSearch(String attribute, String value) {
        return text(Method.NOT_SEARCH, attribute, value);
    }

    /**
     * Matches documents whose string attribute matches a regular expression.
     *
     * @param attribute the attribute key
     * @param pattern   the regular expression
     * @return the query string
     */
    public static String regex(String attribute, String pattern) {
        return text(Method.REGEX, attribute, pattern);
    }

    /**
     * Returns only the given attributes; {@code "*"} selects all.
     *
     * @param attributes the attribute keys
     * @return the query string
     */
    public static String select(List<String> attributes) {
        require(attributes, "attributes").forEach(Query::requireAttribute);
        return new Select(attributes).toJson();
    }

    /**
     * Sorts ascending by the attribute.
     *
     * @param attribute the attribute key
     * @return the query string
     */
    public static String orderAsc(String attribute) {
        return new Order(Method.ORDER_ASC, requireAttribute(attribute)).toJson();
    }

    /**
     * Sorts descending by the attribute.
     *
     * @param attribute the attribute key
     * @return the query string
     */
    public static String orderDesc(String attribute) {
        return new Order(Method.ORDER_DESC, requireAttribute(attribute)).toJson();
    }

    /**
     * Sorts in random order.
     *
     * @return the query string
     */
    public static String orderRandom() {
        return new Order(Method.ORDER_RANDOM, null).toJson();
    }

    /**
     * Returns at most this many documents.
     *
     * @param limit the page size; Appwrite requires at least 1
     * @return the query string
     */
    public static String limit(int limit) {
        return new Limit(limit).toJson();
    }

    /**
     * Skips this many documents.
     *
     * @param offset the number to skip; Appwrite requires at least 0
     * @return the query string
     */
    public static String offset(int offset) {
        return new Offset(offset).toJson();
    }

    /**
     * Returns the documents after the given one, in the query's order.
     *
     * @param documentId the id of the last document of the previous page
     * @return the query string
     */
    public static String cursorAfter(String documentId) {
        return new Cursor(Method.CURSOR_AFTER, require(documentId, "documentId")).toJson();
    }

    /**
     * Returns the documents before the given one, in the query's order.
     *
     * @param documentId the id of the first document of the next page
     * @return the query string
     */
    public static String cursorBefore(String documentId) {
        return new Cursor(Method.CURSOR_BEFORE, require(documentId, "documentId")).toJson();
    }

    /**
     * Matches documents that match any of the filter queries.
     *
     * @param queries filter query strings, e.g. from {@link #equal}
     * @return the query string, with the filters nested as JSON objects
     * @throws QueryException    if a query cannot be parsed
     * @throws QuireException    {@code general_argument_invalid} if a query is not a filter or they nest too deep
     */
    public static String or(List<String> queries) {
        return logical(Method.OR, queries);
    }

    /**
     * Matches documents that match all of the filter queries.
     *
     * @param queries filter query strings, e.g. from {@link #equal}
     * @return the query string, with the filters nested as JSON objects
     * @throws QueryException    if a query cannot be parsed
     * @throws QuireException    {@code general_argument_invalid} if a query is not a filter or they nest too deep
     */
    public static String and(List<String> queries) {
        return logical(Method.AND, queries);
    }

    /**
     * Documents created before the datetime; same as {@code lessThan("$createdAt", value)}.
     *
     * @param value a datetime such as {@code 2025-01-01T00:00:00.000+00:00}
     * @return the query string
     */
    public static String createdBefore(String value) {
        return lessThan("$createdAt", requireValue(value));
    }

    /**
     * Documents created after the datetime; same as {@code greaterThan("$createdAt", value)}.
     *
     * @param value a datetime
     * @return the query string
     */
    public static String createdAfter(String value) {
        return greaterThan("$createdAt", requireValue(value));
    }

    /**
     * Documents created between two datetimes; same as {@code between("$createdAt", start, end)}.
     *
     * @param start the earliest datetime
     * @param end   the latest datetime
     * @return the query string
     */
    public static String createdBetween(String start, String end) {
        return between("$createdAt", requireValue(start), requireValue(end));
    }

    /**
     * Documents last updated before the datetime; same as {@code lessThan("$updatedAt", value)}.
     *
     * @param value a datetime
     * @return the query string
     */
    public static String updatedBefore(String value) {
        return lessThan("$updatedAt", requireValue(value));
    }

    /**
     * Documents last updated after the datetime; same as {@code greaterThan("$updatedAt", value)}.
     *
     * @param value a datetime
     * @return the query string
     */
    public static String updatedAfter(String value) {
        return greaterThan("$updatedAt", requireValue(value));
    }

    /**
     * Documents last updated between two datetimes; same as {@code between("$updatedAt", start, end)}.
     *
     * @param start the earliest datetime
     * @param end   the latest datetime
     * @return the query string
     */
    public static String updatedBetween(String start, String end) {
        return between("$updatedAt", requireValue(start), requireValue(end));
    }

    private static String filter(Method method, String attribute, Object value) {
        requireAttribute(attribute);
        List<Object> values = value instanceof List<?> list ? new ArrayList<>(list) : List.of(requireValue(value));
        return filterJson(method, attribute, values);
    }

    private static String range(Method method, String attribute, Object start, Object end) {
        return filterJson(method, requireAttribute(attribute), List.of(requireValue(start), requireValue(end)));
    }

    private static String text(Method method, String attribute, String value) {
        return filterJson(method, requireAttribute(attribute), List.of(requireValue(value)));
    }

    private static String filterJson(Method method, String attribute, List<Object> values) {
        try {
            return new Filter(method, attribute, values).toJson();
        } catch (IllegalArgumentException e) {
            throw invalid("value", e.getMessage()); // a number that is not finite, a type JSON cannot carry
        }
    }

    private static String logical(Method method, List<String> queries) {
        List<QueryNode> children = new ArrayList<>(require(queries, "queries").size());
        for (String query : queries) {
            children.add(QueryParser.parse(require(query, "queries")));
        }
        try {
            return new Logical(method, children).toJson();
        } catch (IllegalArgumentException e) {
            throw invalid("queries", e.getMessage()); // not a filter, or nested too deep
        }
    }

    private static List<Object> attributeList(List<String> attributes) {
        require(attributes, "attributes").forEach(Query::requireAttribute);
        return new ArrayList<>(attributes);
    }

    private static String requireAttribute(String attribute) {
        return require(attribute, "attribute");
    }

    private static <T> T requireValue(T value) {
        return require(value, "value");
    }

    /** Appwrite's answer to a missing required parameter. */
    private static <T> T require(T argument, String param) {
        if (argument == null) {
            throw new QuireException(ARGUMENT_INVALID, 400, "Param \"" + param + "\" is not optional.");
        }
        return argument;
    }

    private static QuireException invalid(String param, String description) {
        return new QuireException(ARGUMENT_INVALID, 400, "Invalid `" + param + "` param: " + description);
    }
}
