package dev.quire.queries;

import dev.quire.Document;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static dev.quire.queries.Movies.assertQueryInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code select}, literal wildcards, case sensitivity, and values or keys that look like SQL, against the
 * {@link Movies} fixture plus a {@code titles} collection of awkward strings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectAndSafetyTest {
    private static final String TITLES = "titles";
    private static final String INJECTION = "x' OR '1'='1";
    private Movies movies;

    @BeforeAll
    void open() {
        movies = new Movies();
        movies.db.createCollection(Movies.DB, TITLES, "Titles");
        movies.db.createStringAttribute(Movies.DB, TITLES, "title", 64, true, null, false);
        for (String[] row : new String[][]{{"percent", "100% Wolf"}, {"hundred", "100 Wolf"}, {"underscore", "a_b"},
                {"axb", "axb"}, {"backslash", "back\\slash"}, {"plain", "backslash"}}) {
            movies.db.createDocument(Movies.DB, TITLES, row[0], Map.of("title", row[1]), List.of());
        }
    }

    @AfterAll
    void close() {
        movies.close();
    }

    private List<String> titles(String... queries) {
        return Movies.ids(movies.db.listDocuments(Movies.DB, TITLES, List.of(queries)));
    }

    @Test
    void selectReturnsOnlyTheChosenAttributes() {
        Document frozen = movies.list(Query.select(List.of("name", "year")), Query.equal("$id", "frozen"))
                .getDocuments().get(0);
        assertEquals(Map.of("name", "Frozen", "year", 2013L), frozen.getData());
    }

    @Test
    void selectAlwaysReturnsTheSystemFields() {
        Document frozen = movies.list(Query.select(List.of("year")), Query.equal("$id", "frozen")).getDocuments().get(0);
        assertEquals(List.of("$id", "$sequence", "$collectionId", "$databaseId", "$createdAt", "$updatedAt",
                "$permissions", "year"), List.copyOf(frozen.toMap().keySet()));
        assertEquals("frozen", frozen.getId());
        assertEquals(Movies.MOVIES, frozen.getCollectionId());
        assertEquals(Movies.DB, frozen.getDatabaseId());
    }

    @Test
    void selectingOnlySystemFieldsReturnsNoAttributes() {
        Document frozen = movies.list(Query.select(List.of("$id", "$createdAt")), Query.equal("$id", "frozen"))
                .getDocuments().get(0);
        assertEquals(Map.of(), frozen.getData());
        assertEquals("frozen", frozen.getId());
    }

    @Test
    void selectStarReturnsEveryAttribute() {
        Document frozen = movies.list(Query.select(List.of("*")), Query.equal("$id", "frozen")).getDocuments().get(0);
        assertEquals(List.of("name", "director", "year", "price", "active", "genres", "releasedAt"),
                List.copyOf(frozen.getData().keySet()));
    }

    @Test
    void selectDoesNotLimitWhatFiltersAndOrdersUse() {
        List<Document> documents = movies.list(Query.select(List.of("name")), Query.equal("year", 2019),
                Query.orderDesc("price")).getDocuments();
        assertEquals(List.of(Map.of("name", "Frozen II"), Map.of("name", "Captain Marvel")),
                documents.stream().map(Document::getData).toList());
    }

    @Test
    void selectOfAnUnknownAttributeIsInvalid() {
        assertQueryInvalid(movies.rejected(Query.select(List.of("name", "budget"))),
                "Invalid query: Attribute not found in schema: budget");
    }

    @Test
    void percentAndUnderscoreMatchThemselvesInStartsWith() {
        assertEquals(List.of("percent"), titles(Query.startsWith("title", "100%")));
        assertEquals(List.of(), titles(Query.startsWith("title", "%")));
        assertEquals(List.of("underscore"), titles(Query.startsWith("title", "a_")));
    }

    @Test
    void percentAndUnderscoreMatchThemselvesInEndsWith() {
        assertEquals(List.of("underscore"), titles(Query.endsWith("title", "_b")));
        assertEquals(List.of(), titles(Query.endsWith("title", "%")));
    }

    @Test
    void percentUnderscoreAndBackslashMatchThemselvesInContains() {
        assertEquals(List.of("underscore"), titles(Query.contains("title", "_")));
        assertEquals(List.of("percent"), titles(Query.contains("title", "0%")));
        assertEquals(List.of("backslash"), titles(Query.contains("title", "\\")));
        assertEquals(List.of("backslash"), titles(Query.contains("title", "k\\s")));
    }

    @Test
    void notStartsWithTreatsWildcardsLiterally() {
        assertEquals(List.of("hundred", "underscore", "axb", "backslash", "plain"),
                titles(Query.notStartsWith("title", "100%")));
    }

    @Test
    void comparisonsAreCaseSensitive() {
        assertEquals(List.of(), movies.ids(Query.equal("name", "frozen")));
        assertEquals(List.of(), movies.ids(Query.startsWith("name", "frozen")));
        assertEquals(List.of(), movies.ids(Query.endsWith("name", "ii")));
        assertEquals(List.of(), movies.ids(Query.contains("name", "CAPTAIN")));
        assertEquals(List.of(), movies.ids(Query.contains("genres", "Kids")));
        assertEquals(List.of(), movies.ids(Query.equal("$id", "FROZEN")));
        assertEquals(List.of("frozen", "frozen-2"), movies.ids(Query.startsWith("name", "Frozen")));
    }

    @Test
    void orderingOfStringsIsByCodePointSoUpperCaseComesFirst() {
        movies.db.createCollection(Movies.DB, "cases", "Cases");
        movies.db.createStringAttribute(Movies.DB, "cases", "word", 16, true, null, false);
        for (String word : List.of("b", "B", "a", "A")) {
            movies.db.createDocument(Movies.DB, "cases", "w-" + word + "-" + Character.isUpperCase(word.charAt(0)),
                    Map.of("word", word), List.of());
        }
        List<Object> words = movies.db.listDocuments(Movies.DB, "cases", List.of(Query.orderAsc("word")))
                .getDocuments().stream().map(d -> d.get("word")).toList();
        assertEquals(List.of("A", "B", "a", "b"), words);
    }

    @Test
    void aValueThatLooksLikeSqlMatchesNothing() {
        assertEquals(0, movies.list(Query.equal("name", INJECTION)).getTotal());
        assertEquals(0, movies.list(Query.notEqual("name", INJECTION), Query.equal("name", INJECTION)).getTotal());
        assertEquals(0, movies.list(Query.contains("name", INJECTION)).getTotal());
        assertEquals(0, movies.list(Query.startsWith("name", INJECTION)).getTotal());
        assertEquals(0, movies.list(Query.contains("genres", INJECTION)).getTotal());
        assertEquals(0, movies.list(Query.equal("$id", INJECTION)).getTotal());
        assertEquals(0, movies.list(Query.equal("name", "Frozen'; DROP TABLE \"docs_1\"; --")).getTotal());
        assertEquals(6, movies.list().getTotal());
    }

    @Test
    void aValueThatLooksLikeSqlIsFoundVerbatim() {
        movies.db.createDocument(Movies.DB, TITLES, "quoted", Map.of("title", INJECTION), List.of());
        try {
            assertEquals(List.of("quoted"), titles(Query.equal("title", INJECTION)));
            assertEquals(List.of("quoted"), titles(Query.startsWith("title", "x' OR")));
        } finally {
            movies.db.deleteDocument(Movies.DB, TITLES, "quoted");
        }
    }

    @Test
    void anAttributeNamedLikeSqlIsUnknownInAFilter() {
        assertQueryInvalid(movies.rejected(Query.equal("name\" = \"name\" OR \"1\"=\"1", "x")),
                "Invalid query: Attribute not found in schema: name\" = \"name\" OR \"1\"=\"1");
        assertQueryInvalid(movies.rejected(Query.equal("year; DROP TABLE docs_1", 1)),
                "Invalid query: Attribute not found in schema: year; DROP TABLE docs_1");
    }

    @Test
    void anAttributeNamedLikeSqlIsUnknownInAnOrderOrSelect() {
        assertQueryInvalid(movies.rejected(Query.orderAsc("year\" DESC, \"name")),
                "Invalid query: Attribute not found in schema: year\" DESC, \"name");
        assertQueryInvalid(movies.rejected(Query.select(List.of("name\", \"_permissions"))),
                "Invalid query: Attribute not found in schema: name\", \"_permissions");
    }

    @Test
    void internalColumnsAreNotQueryable() {
        for (String column : List.of("_uid", "_seq", "_permissions", "_createdAt")) {
            assertQueryInvalid(movies.rejected(Query.equal(column, "x")),
                    "Invalid query: Attribute not found in schema: " + column);
        }
    }

    @Test
    void aFunctionCallQueryThatLooksLikeSqlIsInvalid() {
        QuireException e = assertThrows(QuireException.class,
                () -> movies.list("equal(\"name\", [\"x\"]) OR 1=1"));
        assertEquals("general_query_invalid", e.getType());
        assertEquals(400, e.getCode());
        assertEquals(6, movies.list().getTotal());
    }
}
