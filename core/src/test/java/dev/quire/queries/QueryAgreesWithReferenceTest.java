package dev.quire.queries;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

/**
 * Random query trees over a fixed random dataset give what a small in-memory evaluator written here says:
 * the same ids in the same order, and the same total.
 *
 * <p>The evaluator follows SQL's NULL rules: every comparison with a null value is false, and so are the
 * negated methods ({@code notEqual}, {@code notContains}, {@code notBetween}, ...) on null. Orders put nulls
 * first when ascending and last when descending, then break ties by {@code $sequence} (descending only when
 * the first order is {@code $createdAt}/{@code $updatedAt} descending). A cursor keeps the rows strictly after
 * the cursor row in that order, compared column by column with the same NULL rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryAgreesWithReferenceTest {
    private static final String DB = "prop";
    private static final String THINGS = "things";
    private static final int DOCUMENTS = 30;
    private static final int DEFAULT_LIMIT = 25;

    private static final List<String> SCALARS = List.of("s", "n", "f", "b", "d");
    private static final List<String> ORDERABLE = List.of("s", "n", "f", "b", "d", "$id", "$sequence", "$createdAt");
    private static final List<String> STRINGS = List.of("", "a", "ab", "b", "B", "a%", "_b", "ba", "x'y");
    private static final List<String> FRAGMENTS = List.of("", "a", "b", "%", "_", "a%", "B", "x'", "ab");
    private static final List<String> PATTERNS = List.of("^a", "b$", "a.", "^$", "[AB]", "%");
    private static final List<Long> INTEGERS = List.of(-2L, -1L, 0L, 1L, 2L, 3L);
    private static final List<Object> FLOATS = List.of(-1.5, 0.0, 0.5, 2.0, 2L, -1L);
    private static final List<String> TAGS = List.of("x", "y", "z");
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2020-06-15T12:30:00.250Z"), Instant.parse("2021-03-01T08:00:00Z"),
            Instant.parse("2024-12-31T23:59:59.999Z"));
    private static final DateTimeFormatter CANONICAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.ofHours(2));

    private final Databases db = Databases.inMemory();
    /** The dataset as the evaluator sees it: attributes plus {@code $id}, {@code $sequence}, {@code $createdAt}. */
    private final List<Map<String, Object>> rows = new ArrayList<>();

    // ---- the dataset -------------------------------------------------------------------------------------

    @BeforeAll
    void createDataset() {
        db.create(DB, "Properties");
        db.createCollection(DB, THINGS, "Things");
        db.createStringAttribute(DB, THINGS, "s", 16, false, null, false);
        db.createIntegerAttribute(DB, THINGS, "n", false, null, null, null, false);
        db.createFloatAttribute(DB, THINGS, "f", false, null, null, null, false);
        db.createBooleanAttribute(DB, THINGS, "b", false, null, false);
        db.createDatetimeAttribute(DB, THINGS, "d", false, null, false);
        db.createStringAttribute(DB, THINGS, "tags", 8, false, null, true);
        Random random = new Random(20240601);
        for (int i = 0; i < DOCUMENTS; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("s", maybe(random, STRINGS.get(random.nextInt(STRINGS.size()))));
            data.put("n", maybe(random, INTEGERS.get(random.nextInt(INTEGERS.size()))));
            data.put("f", maybe(random, ((Number) FLOATS.get(random.nextInt(4))).doubleValue()));
            data.put("b", maybe(random, random.nextBoolean()));
            data.put("d", maybe(random, CANONICAL.format(INSTANTS.get(random.nextInt(INSTANTS.size())))));
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    tags.add(tag);
                }
            }
            data.put("tags", maybe(random, tags));
            Document created = db.createDocument(DB, THINGS, String.format("doc-%02d", i), data, List.of());
            Map<String, Object> row = new HashMap<>(data);
            row.put("$id", created.getId());
            row.put("$sequence", created.getSequence());
            row.put("$createdAt", created.getCreatedAt());
            rows.add(row);
        }
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(5) == 0 ? null : value;
    }

    @AfterAll
    void close() {
        db.close();
    }

    // ---- the query model ---------------------------------------------------------------------------------

    sealed interface Condition {
        String query();
    }

    /** One filter; {@code values} as the builders take them (a list for several). */
    record Leaf(String method, String attribute, List<Object> values) implements Condition {
        @Override
        public String query() {
            Object value = values.size() == 1 ? values.get(0) : values;
            return switch (method) {
                case "equal" -> Query.equal(attribute, value);
                case "notEqual" -> Query.notEqual(attribute, value);
                case "lessThan" -> Query.lessThan(attribute, value);
                case "lessThanEqual" -> Query.lessThanEqual(attribute, value);
                case "greaterThan" -> Query.greaterThan(attribute, value);
                case "greaterThanEqual" -> Query.greaterThanEqual(attribute, value);
                case "between" -> Query.between(attribute, values.get(0), values.get(1));
                case "notBetween" -> Query.notBetween(attribute, values.get(0), values.get(1));
                case "isNull" -> Query.isNull(attribute);
                case "isNotNull" -> Query.isNotNull(attribute);
                case "exists" -> Query.exists(values.stream().map(String.class::cast).toList());
                case "notExists" -> Query.notExists(values.stream().map(String.class::cast).toList());
                case "startsWith" -> Query.startsWith(attribute, (String) value);
                case "notStartsWith" -> Query.notStartsWith(attribute, (String) value);
                case "endsWith" -> Query.endsWith(attribute, (String) value);
                case "notEndsWith" -> Query.notEndsWith(attribute, (String) value);
                case "contains" -> Query.contains(attribute, values);
                case "notContains" -> Query.notContains(attribute, values);
                case "containsAny" -> Query.containsAny(attribute, values);
                case "containsAll" -> Query.containsAll(attribute, values);
                case "regex" -> Query.regex(attribute, (String) value);
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    record Group(boolean and, List<Condition> children) implements Condition {
        @Override
        public String query() {
            List<String> queries = children.stream().map(Condition::query).toList();
            return and ? Query.and(queries) : Query.or(queries);
        }
    }

    record Sort(String attribute, boolean descending) {
    }

    record Case(List<Condition> filters, List<Sort> orders, Integer limit, Integer offset, String cursorAfter,
                String cursorBefore) {
        List<String> queries() {
            List<String> queries = new ArrayList<>();
            filters.forEach(f -> queries.add(f.query()));
            orders.forEach(o -> queries.add(o.descending() ? Query.orderDesc(o.attribute()) : Query.orderAsc(o.attribute())));
            if (limit != null) {
                queries.add(Query.limit(limit));
            }
            if (offset != null) {
                queries.add(Query.offset(offset));
            }
            if (cursorAfter != null) {
                queries.add(Query.cursorAfter(cursorAfter));
            }
            if (cursorBefore != null) {
                queries.add(Query.cursorBefore(cursorBefore));
            }
            return queries;
        }

        @Override
        public String toString() {
            return String.join("\n", queries());
        }
    }

    // ---- generators --------------------------------------------------------------------------------------

    private static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    private static <T> T any(RandomnessSource in, List<T> values) {
        return values.get(pick(in, values.size()));
    }

    private static <T> List<Object> some(RandomnessSource in, List<T> values, int max) {
        int count = 1 + pick(in, max);
        List<Object> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(any(in, values));
        }
        return chosen;
    }

    /** A value of the attribute's type, sometimes one that no row holds. */
    private Object value(RandomnessSource in, String attribute) {
        return switch (attribute) {
            case "s" -> any(in, STRINGS);
            case "n" -> any(in, INTEGERS);
            case "f" -> any(in, FLOATS);
            case "b" -> pick(in, 2) == 0;
            case "$id" -> pick(in, 8) == 0 ? "doc-99" : any(in, rows).get("$id");
            case "$sequence" -> (long) pick(in, DOCUMENTS + 4);
            default -> {
                // d: a stored instant or one a millisecond off, written in UTC or at +02:00.
                Instant instant = any(in, INSTANTS).plusMillis(pick(in, 3) - 1);
                yield pick(in, 3) == 0 ? WITH_OFFSET.format(instant) : CANONICAL.format(instant);
            }
        };
    }

    private Leaf leaf(RandomnessSource in) {
        String attribute = any(in, List.of("s", "n", "f", "b", "d", "tags", "$id", "$sequence"));
        if (attribute.equals("tags")) {
            String method = any(in, List.of("contains", "notContains", "containsAny", "containsAll", "isNull",
                    "isNotNull"));
            return method.startsWith("is") ? new Leaf(method, attribute, List.of())
                    : new Leaf(method, attribute, some(in, TAGS, 2));
        }
        List<String> methods = new ArrayList<>(List.of("equal", "notEqual", "lessThan", "lessThanEqual", "greaterThan",
                "greaterThanEqual", "between", "notBetween", "isNull", "isNotNull", "exists", "notExists"));
        if (attribute.equals("s")) {
            methods.addAll(List.of("startsWith", "notStartsWith", "endsWith", "notEndsWith", "contains", "notContains",
                    "containsAny", "containsAll", "regex"));
        }
        String method = any(in, methods);
        return switch (method) {
            case "equal" -> new Leaf(method, attribute, valuesOf(in, attribute, 1 + pick(in, 3)));
            case "between", "notBetween" -> new Leaf(method, attribute, valuesOf(in, attribute, 2));
            case "isNull", "isNotNull" -> new Leaf(method, attribute, List.of());
            case "exists", "notExists" -> new Leaf(method, null, some(in, List.of("s", "n", "f", "b", "d", "tags"), 2));
            case "startsWith", "notStartsWith", "endsWith", "notEndsWith" ->
                    new Leaf(method, attribute, List.of(any(in, FRAGMENTS)));
            case "contains", "notContains", "containsAny", "containsAll" -> new Leaf(method, attribute, some(in, FRAGMENTS, 2));
            case "regex" -> new Leaf(method, attribute, List.of(any(in, PATTERNS)));
            default -> new Leaf(method, attribute, valuesOf(in, attribute, 1));
        };
    }

    private List<Object> valuesOf(RandomnessSource in, String attribute, int count) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(value(in, attribute));
        }
        return values;
    }

    private Condition condition(RandomnessSource in, int depth) {
        if (depth >= 3 || pick(in, 4) != 0) {
            return leaf(in);
        }
        List<Condition> children = new ArrayList<>();
        int count = 2 + pick(in, 2);
        for (int i = 0; i < count; i++) {
            children.add(condition(in, depth + 1));
        }
        return new Group(pick(in, 2) == 0, children);
    }

    private Case generate(RandomnessSource in, boolean cursors) {
        List<Condition> filters = new ArrayList<>();
        int filterCount = pick(in, 4);
        for (int i = 0; i < filterCount; i++) {
            filters.add(condition(in, 1));
        }
        List<Sort> orders = new ArrayList<>();
        int orderCount = pick(in, 3);
        for (int i = 0; i < orderCount; i++) {
            orders.add(new Sort(any(in, ORDERABLE), pick(in, 2) == 0));
        }
        Integer limit = pick(in, 3) == 0 ? null : 1 + pick(in, 12);
        Integer offset = pick(in, 3) == 0 ? null : pick(in, 8);
        String after = null;
        String before = null;
        if (cursors) {
            String id = pick(in, 12) == 0 ? "doc-99" : (String) any(in, rows).get("$id");
            if (pick(in, 2) == 0) {
                after = id;
            } else {
                before = id;
            }
        }
        return new Case(filters, orders, limit, offset, after, before);
    }

    // ---- the reference evaluator -------------------------------------------------------------------------

    /** The outcome Quire must produce: ids and total, or an error type. */
    record Outcome(List<String> ids, long total, String error) {
    }

    private static String canonical(Object datetime) {
        return dev.quire.query.internal.Datetimes.canonical((String) datetime).orElseThrow();
    }

    /** Compares two non-null values of one attribute. */
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return ((String) a).compareTo((String) b);
    }

    private static Object operand(String attribute, Object value) {
        return attribute.equals("d") || attribute.equals("$createdAt") ? canonical(value) : value;
    }

    private static boolean matches(Condition condition, Map<String, Object> row) {
        if (condition instanceof Group group) {
            Predicate<Condition> child = c -> matches(c, row);
            return group.and() ? group.children().stream().allMatch(child) : group.children().stream().anyMatch(child);
        }
        Leaf leaf = (Leaf) condition;
        if (leaf.method().equals("exists") || leaf.method().equals("notExists")) {
            boolean wanted = leaf.method().equals("exists");
            return leaf.values().stream().allMatch(a -> (row.get((String) a) != null) == wanted);
        }
        Object actual = row.get(leaf.attribute());
        if (leaf.method().equals("isNull")) {
            return actual == null;
        }
        if (leaf.method().equals("isNotNull")) {
            return actual != null;
        }
        if (actual == null) {
            return false; // every other method compares, and a comparison with NULL is never true
        }
        List<Object> values = leaf.values().stream().map(v -> operand(leaf.attribute(), v)).toList();
        Object first = values.get(0);
        if (actual instanceof List<?> tags) {
            return switch (leaf.method()) {
                case "contains", "containsAny" -> values.stream().anyMatch(tags::contains);
                case "containsAll" -> tags.containsAll(values);
                case "notContains" -> values.stream().noneMatch(tags::contains);
                default -> throw new IllegalStateException(leaf.method());
            };
        }
        return switch (leaf.method()) {
            case "equal" -> values.stream().anyMatch(v -> compare(actual, v) == 0);
            case "notEqual" -> compare(actual, first) != 0;
            case "lessThan" -> compare(actual, first) < 0;
            case "lessThanEqual" -> compare(actual, first) <= 0;
            case "greaterThan" -> compare(actual, first) > 0;
            case "greaterThanEqual" -> compare(actual, first) >= 0;
            case "between" -> compare(actual, first) >= 0 && compare(actual, values.get(1)) <= 0;
            case "notBetween" -> compare(actual, first) < 0 || compare(actual, values.get(1)) > 0;
            case "startsWith" -> ((String) actual).startsWith((String) first);
            case "notStartsWith" -> !((String) actual).startsWith((String) first);
            case "endsWith" -> ((String) actual).endsWith((String) first);
            case "notEndsWith" -> !((String) actual).endsWith((String) first);
            case "contains", "containsAny" -> values.stream().anyMatch(v -> ((String) actual).contains((String) v));
            case "containsAll" -> values.stream().allMatch(v -> ((String) actual).contains((String) v));
            case "notContains" -> values.stream().noneMatch(v -> ((String) actual).contains((String) v));
            case "regex" -> Pattern.compile((String) first).matcher((String) actual).find();
            default -> throw new IllegalStateException(leaf.method());
        };
    }

    /** The full order: requested columns (first occurrence of each), then $sequence as the tie-breaker. */
    private static List<Sort> fullOrder(List<Sort> orders) {
        Map<String, Sort> columns = new LinkedHashMap<>();
        orders.forEach(o -> columns.putIfAbsent(o.attribute(), o));
        boolean newestFirst = !orders.isEmpty() && orders.get(0).descending()
                && orders.get(0).attribute().equals("$createdAt");
        columns.putIfAbsent("$sequence", new Sort("$sequence", newestFirst));
        return List.copyOf(columns.values());
    }

    /** Nulls sort low: first when ascending, last when descending. */
    private static Comparator<Map<String, Object>> comparator(List<Sort> order) {
        return (x, y) -> {
            for (Sort sort : order) {
                Object a = x.get(sort.attribute());
                Object b = y.get(sort.attribute());
                int c = a == null ? (b == null ? 0 : -1) : b == null ? 1 : compare(a, b);
                if (c != 0) {
                    return sort.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    /** Strictly after the cursor row in this order, column by column; comparisons with null are false. */
    private static boolean after(Map<String, Object> row, Map<String, Object> cursor, List<Sort> order) {
        for (int i = 0; i < order.size(); i++) {
            boolean prefixEqual = true;
            for (int j = 0; j < i && prefixEqual; j++) {
                Object a = row.get(order.get(j).attribute());
                Object b = cursor.get(order.get(j).attribute());
                prefixEqual = a != null && b != null && compare(a, b) == 0;
            }
            Object a = row.get(order.get(i).attribute());
            Object b = cursor.get(order.get(i).attribute());
            if (prefixEqual && a != null && b != null && (order.get(i).descending() ? compare(a, b) < 0 : compare(a, b) > 0)) {
                return true;
            }
        }
        return false;
    }

    private Outcome expected(Case c) {
        List<Map<String, Object>> matching = rows.stream().filter(r -> c.filters().stream().allMatch(f -> matches(f, r)))
                .toList();
        String cursorId = c.cursorAfter() != null ? c.cursorAfter() : c.cursorBefore();
        Map<String, Object> cursor = null;
        if (cursorId != null) {
            cursor = rows.stream().filter(r -> r.get("$id").equals(cursorId)).findFirst().orElse(null);
            if (cursor == null) {
                return new Outcome(null, 0, "general_cursor_not_found");
            }
            for (Sort sort : c.orders()) {
                if (cursor.get(sort.attribute()) == null) {
                    return new Outcome(null, 0, "database_query_order_null");
                }
            }
        }
        List<Sort> order = fullOrder(c.orders());
        boolean before = c.cursorBefore() != null;
        if (before) {
            order = order.stream().map(s -> new Sort(s.attribute(), !s.descending())).toList();
        }
        List<Map<String, Object>> sorted = new ArrayList<>(matching);
        sorted.sort(comparator(order));
        if (cursor != null) {
            Map<String, Object> from = cursor;
            List<Sort> keyset = order;
            sorted.removeIf(r -> !after(r, from, keyset));
        }
        int offset = c.offset() == null ? 0 : c.offset();
        int limit = c.limit() == null ? DEFAULT_LIMIT : c.limit();
        List<String> ids = new ArrayList<>(sorted.stream().skip(offset).limit(limit).map(r -> (String) r.get("$id")).toList());
        if (before) {
            java.util.Collections.reverse(ids);
        }
        return new Outcome(ids, matching.size(), null);
    }

    private Outcome actual(Case c) {
        try {
            DocumentList list = db.listDocuments(DB, THINGS, c.queries());
            return new Outcome(Movies.ids(list), list.getTotal(), null);
        } catch (QuireException e) {
            return new Outcome(null, 0, e.getType());
        }
    }

    // ---- properties --------------------------------------------------------------------------------------

    @Test
    void theDatasetReadsBackAsWritten() {
        DocumentList all = db.listDocuments(DB, THINGS, List.of(Query.limit(100)));
        assertEquals(DOCUMENTS, all.getTotal());
        for (int i = 0; i < DOCUMENTS; i++) {
            Map<String, Object> expected = new HashMap<>(rows.get(i));
            Document document = all.getDocuments().get(i);
            assertEquals(expected.remove("$id"), document.getId());
            assertEquals(expected.remove("$sequence"), document.getSequence());
            assertEquals(expected.remove("$createdAt"), document.getCreatedAt());
            assertEquals(expected, new HashMap<>(document.getData()), document.getId());
        }
    }

    @Test
    void filtersOrdersLimitsAndOffsetsAgreeWithTheReference() {
        Gen<Case> cases = in -> generate(in, false);
        qt().withExamples(700).forAll(cases).checkAssert(c -> assertEquals(expected(c), actual(c), c.toString()));
    }

    @Test
    void cursorPagesAgreeWithTheReference() {
        Gen<Case> cases = in -> generate(in, true);
        qt().withExamples(500).forAll(cases).checkAssert(c -> assertEquals(expected(c), actual(c), c.toString()));
    }

    @Test
    void totalFalseReturnsTheSamePageWithoutATotal() {
        Gen<Case> cases = in -> generate(in, false);
        qt().withExamples(150).forAll(cases).checkAssert(c -> {
            DocumentList list = db.listDocuments(DB, THINGS, c.queries(), false);
            assertEquals(0, list.getTotal());
            assertEquals(expected(c).ids(), Movies.ids(list), c.toString());
        });
    }

    @Test
    void theReferenceRejectsWhatQuireRejects() {
        // Guards the evaluator itself: a cursor on an unknown id must be refused, not treated as "from the start".
        QuireException e = assertThrows(QuireException.class,
                () -> db.listDocuments(DB, THINGS, List.of(Query.cursorAfter("doc-99"))));
        assertEquals(Objects.requireNonNull(expected(new Case(List.of(), List.of(), null, null, "doc-99", null)).error()),
                e.getType());
        assertEquals(400, e.getCode());
    }
}
