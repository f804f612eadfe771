package dev.quire.queries;

import dev.quire.Document;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Random and malformed query strings only ever end in {@code general_query_invalid} (or, for strings that
 * happen to be valid, in an answer or a cursor error), never in another exception, and never change the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedQueriesTest {
    /** Outcomes a query that happens to be valid may legitimately have besides a page. */
    private static final Set<String> VALID_QUERY_ERRORS =
            Set.of("general_query_invalid", "general_cursor_not_found", "database_query_order_null");
    private static final List<String> TEMPLATES = List.of(
            Query.equal("name", "Frozen"),
            Query.equal("year", List.of(2013, 2019)),
            Query.between("year", 2000, 2010),
            Query.greaterThan("price", 25.5),
            Query.isNull("releasedAt"),
            Query.startsWith("name", "Fro"),
            Query.contains("genres", "kids"),
            Query.exists(List.of("director", "releasedAt")),
            Query.or(List.of(Query.equal("year", 2019), Query.contains("genres", "kids"))),
            Query.and(List.of(Query.equal("active", true), Query.lessThan("price", 30))),
            Query.select(List.of("name", "year")),
            Query.orderDesc("year"),
            Query.orderRandom(),
            Query.limit(3),
            Query.offset(1),
            Query.cursorAfter("frozen"),
            Query.cursorBefore("wip"),
            Query.createdBefore("2030-01-01T00:00:00.000+00:00"),
            "equal(\"name\", [\"Frozen\", \"Up\"])",
            "between(\"year\", 2000, 2010)",
            "isNull(\"director\")",
            "orderAsc(\"name\")",
            "limit(25)",
            "cursorAfter(\"frozen\")",
            "startsWith(\"name\", \"F\\\"ro\\\\\")");
    private static final String SYNTAX = "{}[](),:\"'\\ .-+eE0123456789$_azAZnultr\u0000\u00e9\ud83d\ude00\ud800";

    private Movies movies;
    private List<Document> before;

    @BeforeAll
    void open() {
        movies = new Movies();
        before = movies.list(Query.limit(100)).getDocuments();
    }

    @AfterAll
    void storeIsUnchanged() {
        try {
            assertEquals(before, movies.list(Query.limit(100)).getDocuments());
            assertEquals(1, movies.db.list(List.of()).getTotal());
            assertEquals(1, movies.db.listCollections(Movies.DB, List.of()).getTotal());
            assertEquals(7, movies.db.listAttributes(Movies.DB, Movies.MOVIES, List.of()).getTotal());
        } finally {
            movies.close();
        }
    }

    private static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1));
    }

    /** A valid query string with one to three characters or slices deleted, inserted, replaced or repeated. */
    private static String mutated(RandomnessSource in) {
        StringBuilder text = new StringBuilder(TEMPLATES.get(pick(in, TEMPLATES.size())));
        int mutations = 1 + pick(in, 3);
        for (int i = 0; i < mutations; i++) {
            int at = pick(in, text.length() + 1);
            char c = SYNTAX.charAt(pick(in, SYNTAX.length()));
            switch (pick(in, 5)) {
                case 0 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 1 -> text.insert(at, c);
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, c);
                    }
                }
                case 3 -> text.setLength(at);
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + pick(in, 12))));
            }
        }
        return text.toString();
    }

    /** Runs the queries through one of the list calls; returns the error type, or null when it answered. */
    private String outcome(int target, List<String> queries) {
        try {
            switch (target) {
                case 0 -> movies.db.listDocuments(Movies.DB, Movies.MOVIES, queries);
                case 1 -> movies.db.listDocuments(Movies.DB, Movies.MOVIES, queries, false);
                case 2 -> movies.db.getDocument(Movies.DB, Movies.MOVIES, "frozen", queries);
                case 3 -> movies.db.list(queries);
                case 4 -> movies.db.listCollections(Movies.DB, queries);
                default -> movies.db.listAttributes(Movies.DB, Movies.MOVIES, queries);
            }
            return null;
        } catch (QuireException e) {
            assertEquals(400, e.getCode(), e::toString);
            return e.getType();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("Not a QuireException for " + queries + ": " + e, e);
        }
    }

    @Test
    void randomStringsAreInvalidQueries() {
        Gen<String> junk = strings().allPossible().ofLengthBetween(0, 40)
                .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 40));
        qt().withExamples(600).forAll(junk).checkAssert(text -> {
            for (int target = 0; target < 6; target++) {
                assertEquals("general_query_invalid", outcome(target, List.of(text)), text);
            }
        });
    }

    @Test
    void mutatedQueriesAnswerOrFailAsInvalid() {
        Gen<List<String>> queries = in -> {
            List<String> list = new ArrayList<>();
            int count = 1 + pick(in, 3);
            for (int i = 0; i < count; i++) {
                list.add(pick(in, 2) == 0 ? TEMPLATES.get(pick(in, TEMPLATES.size())) : mutated(in));
            }
            return list;
        };
        qt().withExamples(1500).forAll(queries, SourceDSLTargets.TARGETS).checkAssert((list, target) -> {
            String error = outcome(target, list);
            assertTrue(error == null || VALID_QUERY_ERRORS.contains(error), () -> error + " for " + list);
        });
    }

    /** The index of a list call, for {@link #outcome}. */
    private static final class SourceDSLTargets {
        static final Gen<Integer> TARGETS = org.quicktheories.generators.SourceDSL.integers().between(0, 5);
    }

    @Test
    void edgeCasesAreInvalidQueries() {
        List<String> cases = new ArrayList<>(List.of(
                "", " ", "null", "[]", "{}", "\u0000", "\"equal\"", "equal", "equal(", "limit()", "limit(1",
                "{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[1e400]}",
                "{\"method\":\"equal\",\"attribute\":\"price\",\"values\":[-1e400]}",
                "{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[123456789012345678901234567890]}",
                "{\"method\":\"equal\",\"attribute\":\"year\",\"values\":[2013.5]}",
                "{\"method\":\"limit\",\"values\":[1e400]}",
                "{\"method\":\"limit\",\"values\":[99999999999999999999]}",
                "{\"method\":\"limit\",\"values\":[2.5]}",
                "{\"method\":\"limit\",\"values\":[\"5\"]}",
                "{\"method\":\"limit\",\"values\":[0]}",
                "{\"method\":\"offset\",\"values\":[-1]}",
                "{\"method\":\"equal\",\"attribute\":null,\"values\":[\"x\"]}",
                "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":\"Frozen\"}",
                "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[{\"a\":1}]}",
                "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[[\"Frozen\"]]}",
                "{\"method\":\"equal\",\"attribute\":\"genres\",\"values\":[\"kids\"]}",
                "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[]}",
                "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[null]}",
                "{\"method\":\"contains\",\"attribute\":\"year\",\"values\":[1]}",
                "{\"method\":\"between\",\"attribute\":\"releasedAt\",\"values\":[\"not a date\",\"x\"]}",
                "{\"method\":\"between\",\"attribute\":\"year\",\"values\":[1]}",
                "{\"method\":\"search\",\"attribute\":\"name\",\"values\":[\"Frozen\"]}",
                "{\"method\":\"crosses\",\"attribute\":\"name\",\"values\":[1]}",
                "{\"method\":\"elemMatch\",\"attribute\":\"genres\",\"values\":[]}",
                "{\"method\":\"select\",\"values\":[]}",
                "{\"method\":\"select\",\"values\":[null]}",
                "{\"method\":\"select\",\"values\":[1]}",
                "{\"method\":\"select\",\"values\":[\"name\",\"name\"]}",
                "{\"method\":\"cursorAfter\",\"values\":[]}",
                "{\"method\":\"cursorAfter\",\"values\":[null]}",
                "{\"method\":\"cursorAfter\",\"values\":[1]}",
                "{\"method\":\"cursorAfter\",\"values\":[\"bad id!\"]}",
                "{\"method\":\"orderAsc\",\"attribute\":1}",
                "{\"method\":\"and\",\"values\":[1,2]}",
                "{\"method\":\"and\",\"values\":[\"x\",\"y\"]}",
                "{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[\"x\"]}]}",
                "{\"method\":\"or\",\"values\":[{\"method\":\"limit\",\"values\":[1]},{\"method\":\"limit\",\"values\":[2]}]}",
                "{\"method\":\"exists\",\"values\":[1]}",
                "{\"method\":\"exists\",\"values\":[\"nope\"]}",
                "{\"method\":\"Equal\",\"attribute\":\"name\",\"values\":[\"Frozen\"]}",
                "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[\"Frozen\"]} trailing",
                "equal(\"year\", 1e400)",
                "equal(\"name\", \"unterminated)",
                "equal(\"name\", [\"a\" \"b\"])",
                "limit(99999999999999999999)",
                "cursorAfter()",
                "orderAsc(name)"));
        cases.add("{\"method\":\"or\",\"values\":[".repeat(3000) + "]}".repeat(3000));
        cases.add("[".repeat(100_000));
        cases.add("or(".repeat(3000) + ")".repeat(3000));
        for (String text : cases) {
            assertEquals("general_query_invalid", outcome(0, List.of(text)), text);
        }
    }

    @Test
    void anOrderWithoutAnAttributeAnswersOrIsInvalid() {
        // utopia's orderAsc() defaults the attribute to ""; whichever way Quire reads it, nothing else may escape.
        for (String text : List.of("{\"method\":\"orderAsc\"}", "{\"method\":\"orderDesc\",\"attribute\":\"\"}")) {
            String error = outcome(0, List.of(text));
            assertTrue(error == null || error.equals("general_query_invalid"), text + ": " + error);
        }
    }

    @Test
    void aNullQueryIsInvalid() {
        assertEquals("general_query_invalid", outcome(0, Arrays.asList(Query.limit(1), null)));
    }

    @Test
    void moreThanAHundredQueriesAreInvalid() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Query.equal("year", 2013));
        }
        QuireException e = assertThrows(QuireException.class, () -> movies.list(many.toArray(String[]::new)));
        Movies.assertQueryInvalid(e, "Invalid query: Queries count is greater than 100");
        if (movies.list(many.subList(0, 100).toArray(String[]::new)).getTotal() != 1) {
            fail("a hundred queries are allowed");
        }
    }
}
