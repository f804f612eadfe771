package dev.quire.reliability;

import dev.quire.Databases;
import dev.quire.QuireException;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Generated misuse of each kind issue 19 names (regex patterns, substring needles, document data, query
 * builder arguments, permission builder arguments) against a store under a 2-second time bound. Every call
 * returns, or fails with a {@link QuireException} that is a caller's mistake (4xx) or the time bound
 * ({@code database_timeout}); anything else (a JDK exception, a 500) is an escape, and there must be none. The
 * sentinel document is unchanged after each class. Prints one line per class: inputs tried, outcomes,
 * escapes, slowest call (the figures in RELIABILITY.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisuseFuzzTest {
    /** Examples per class; {@code -Dquire.reliability.examples=2000} for a longer run. */
    private static final int EXAMPLES = Integer.getInteger("quire.reliability.examples", 200);
    private static final String DB = "fuzz";
    private static final String COLL = "things";
    private static final List<String> REGEX_PARTS = List.of("(", ")", "[", "]", "{", "}", "{2,}", "{1,3}", "*", "+",
            "?", "*?", "|", "\\", "\\1", "\\d", "\\p{L}", "\\Q", "\\E", "^", "$", ".", "(?i)", "(?=", "(?<!", "(?P<n>",
            "a", "B", "B+", "(B+)+", "(a|aa)*", "[^a]", "[z-a]", "\u0000", "\uD800", "😀", "%", "_");
    private static final List<String> TEXT_PARTS = List.of("%", "_", "\\", "'", "\"", "B", "b", "BBBB", "B".repeat(300),
            "x", " ", "\u0000", "\uD800", "😀", "ESCAPE", "--");
    private static final List<Object> VALUES = Arrays.asList(null, "text", "", 5, 5L, 5.0, 5.5f, Double.NaN,
            Double.POSITIVE_INFINITY, Float.NaN, -0.0, Long.MAX_VALUE, BigInteger.TEN.pow(30), new BigDecimal("5.0"),
            new BigDecimal("5"), true, List.of(), List.of("a"), Arrays.asList("a", null), List.of(1, 2.0),
            Map.of("k", "v"), new Object(), 'c', new byte[]{1}, "B".repeat(10_000));
    private static final List<String> KEYS = Arrays.asList(null, "title", "count", "ratio", "tags", "flag",
            "unknown", "$id", "", "_seq");
    private static final List<String> ROLE_ARGS = Arrays.asList(null, "", "u1", "_bad", "a".repeat(40), "t 1",
            "owner", "verified", "a:b", "😀");

    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private Databases db;

    @BeforeAll
    void schema() {
        db = Databases.builder().inMemory().timeout(Duration.ofSeconds(2)).build();
        db.create(DB, "Fuzz");
        db.createCollection(DB, COLL, "Things");
        db.createStringAttribute(DB, COLL, "title", 1_000_000, false, null, false);
        db.createIntegerAttribute(DB, COLL, "count", false, null, null, null, false);
        db.createFloatAttribute(DB, COLL, "ratio", false, null, null, null, false);
        db.createStringAttribute(DB, COLL, "tags", 64, false, null, true);
        db.createBooleanAttribute(DB, COLL, "flag", false, null, false);
        db.createDocument(DB, COLL, "sentinel", Map.of("title", "B".repeat(1_000_000), "count", 7), null);
        db.createDocument(DB, COLL, "small", Map.of("title", "a_b%c\\d", "count", 1), null);
    }

    @AfterAll
    void report() {
        stats.forEach((kind, s) -> System.out.println("misuse fuzz: " + kind + ": " + s));
        db.close();
    }

    /** Outcomes of one class of input. */
    private static final class Stats {
        final AtomicLong tried = new AtomicLong();
        final AtomicLong returned = new AtomicLong();
        final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        final AtomicLong escapes = new AtomicLong();
        volatile long slowestNanos;
        volatile String slowest = "";

        @Override
        public String toString() {
            return tried + " tried, " + returned + " returned, refused " + refused + ", " + escapes + " escapes, slowest "
                    + slowestNanos / 1_000_000 + " ms (" + slowest + ")";
        }
    }

    /** Runs one generated call and classifies it; an escape fails the property. */
    private void attempt(String kind, String input, Runnable call) {
        Stats s = stats.computeIfAbsent(kind, k -> new Stats());
        s.tried.incrementAndGet();
        long start = System.nanoTime();
        try {
            call.run();
            s.returned.incrementAndGet();
        } catch (QuireException e) {
            s.refused.computeIfAbsent(e.getType() + "/" + e.getCode(), k -> new AtomicLong()).incrementAndGet();
            if (e.getCode() >= 500) {
                s.escapes.incrementAndGet();
                throw new AssertionError(kind + " " + input + ": a server error for a caller's input: " + e, e);
            }
        } catch (RuntimeException | StackOverflowError e) {
            s.escapes.incrementAndGet();
            throw new AssertionError(kind + " " + input + ": escaped as " + e, e);
        } finally {
            long took = System.nanoTime() - start;
            if (took > s.slowestNanos) {
                s.slowestNanos = took;
                s.slowest = input.length() > 60 ? input.substring(0, 60) + "…" : input;
            }
        }
        assertEquals(7L, db.getDocument(DB, COLL, "sentinel").get("count"));
    }

    private static Gen<String> joined(List<String> parts, int most) {
        return lists().of(Generate.pick(parts)).ofSizeBetween(0, most).map(p -> String.join("", p));
    }

    @Test
    void regexPatterns() {
        qt().withExamples(EXAMPLES).forAll(joined(REGEX_PARTS, 8)).checkAssert(pattern ->
                attempt("regex", pattern, () -> db.listDocuments(DB, COLL, List.of(Query.regex("title", pattern)))));
    }

    @Test
    void substringNeedles() {
        qt().withExamples(EXAMPLES).forAll(joined(TEXT_PARTS, 12), integers().between(0, 5)).checkAssert((needle, method) ->
                attempt("contains/startsWith/endsWith", needle, () -> db.listDocuments(DB, COLL, List.of(switch (method) {
                    case 0 -> Query.contains("title", needle);
                    case 1 -> Query.notContains("title", needle);
                    case 2 -> Query.startsWith("title", needle);
                    case 3 -> Query.endsWith("title", needle);
                    case 4 -> Query.containsAll("title", List.of(needle, "B"));
                    default -> Query.notEndsWith("count", needle);
                }))));
    }

    @Test
    void documentData() {
        qt().withExamples(EXAMPLES).forAll(lists().of(Generate.pick(KEYS)).ofSizeBetween(0, 4),
                lists().of(Generate.pick(VALUES)).ofSizeBetween(4, 4), integers().between(0, 2)).checkAssert((keys, values, call) -> {
            Map<String, Object> data = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                data.put(keys.get(i), values.get(i));
            }
            String input = call + " " + describe(data);
            attempt("document data", input, () -> {
                switch (call) {
                    case 0 -> db.createDocument(DB, COLL, "d" + Math.abs(data.hashCode() % 50), data, null);
                    case 1 -> db.updateDocument(DB, COLL, "small", data, null);
                    default -> db.upsertDocument(DB, COLL, "u" + Math.abs(data.hashCode() % 50), data, null);
                }
            });
        });
    }

    @Test
    void queryBuilderArguments() {
        qt().withExamples(EXAMPLES).forAll(Generate.pick(KEYS), Generate.pick(VALUES), integers().between(0, 6))
                .checkAssert((attribute, value, method) -> attempt("query builders", method + " " + attribute + " "
                        + describe(value), () -> {
                    String query = switch (method) {
                        case 0 -> Query.equal(attribute, value);
                        case 1 -> Query.lessThan(attribute, value);
                        case 2 -> Query.between(attribute, value, value);
                        case 3 -> Query.contains(attribute, value);
                        case 4 -> Query.or(Arrays.asList(Query.equal("title", "x"), value instanceof String s ? s : null));
                        case 5 -> Query.orderAsc(attribute);
                        default -> Query.select(Arrays.asList(attribute));
                    };
                    db.listDocuments(DB, COLL, List.of(query));
                }));
    }

    @Test
    void permissionBuilderArguments() {
        qt().withExamples(EXAMPLES).forAll(Generate.pick(ROLE_ARGS), Generate.pick(ROLE_ARGS), integers().between(0, 7))
                .checkAssert((first, second, builder) -> attempt("permission builders", builder + " " + first + " "
                        + second, () -> {
                    switch (builder) {
                        case 0 -> db.updateDocument(DB, COLL, "small", null, List.of(Permission.read(first)));
                        case 1 -> db.updateDocument(DB, COLL, "small", null, List.of(Permission.write(Role.user(first))));
                        case 2 -> db.updateDocument(DB, COLL, "small", null, List.of(Permission.update(Role.user(first, second))));
                        case 3 -> db.updateDocument(DB, COLL, "small", null, List.of(Permission.read(Role.team(first, second))));
                        case 4 -> db.updateDocument(DB, COLL, "small", null, List.of(Permission.delete(Role.label(first))));
                        case 5 -> db.as(Caller.user(first).team(second)).listDocuments(DB, COLL, List.of());
                        case 6 -> db.as(Caller.user(first).label(second)).listDocuments(DB, COLL, List.of());
                        default -> db.as(Caller.guest().member(first)).listDocuments(DB, COLL, List.of());
                    }
                }));
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(k + "=" + describe(v)));
            return entries.toString();
        }
        String text = value instanceof byte[] ? "byte[]" : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
