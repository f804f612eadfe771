package dev.quire.queries;

import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every filter method against the {@link Movies} fixture; results come back in insertion order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterTest {
    private static final List<String> NONE = List.of();
    private Movies movies;

    @BeforeAll
    void open() {
        movies = new Movies();
    }

    @AfterAll
    void close() {
        movies.close();
    }

    @Test
    void equalMatchesOneValue() {
        assertEquals(List.of("frozen"), movies.ids(Query.equal("name", "Frozen")));
    }

    @Test
    void equalWithSeveralValuesMatchesAnyOfThem() {
        assertEquals(List.of("frozen", "captain-america"), movies.ids(Query.equal("year", List.of(2011, 2013))));
    }

    @Test
    void equalOnABooleanMatchesThatValue() {
        assertEquals(List.of("wip", "wip-2"), movies.ids(Query.equal("active", false)));
    }

    @Test
    void equalOnAFloatAcceptsAWholeNumber() {
        assertEquals(List.of("wip", "wip-2"), movies.ids(Query.equal("price", 0)));
        assertEquals(List.of("frozen", "frozen-2"), movies.ids(Query.equal("price", 39.5)));
    }

    @Test
    void notEqualExcludesTheValue() {
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.notEqual("director", "TBD")));
    }

    @Test
    void lessThanAndLessThanEqualCompareNumbers() {
        assertEquals(List.of("frozen", "captain-america"), movies.ids(Query.lessThan("year", 2019)));
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.lessThanEqual("year", 2019)));
    }

    @Test
    void greaterThanAndGreaterThanEqualCompareFloats() {
        assertEquals(List.of("frozen", "frozen-2", "captain-marvel"), movies.ids(Query.greaterThan("price", 25.94)));
        assertEquals(List.of("frozen", "frozen-2"), movies.ids(Query.greaterThanEqual("price", 39.5)));
    }

    @Test
    void betweenIncludesBothEnds() {
        assertEquals(List.of("frozen", "frozen-2", "captain-marvel"), movies.ids(Query.between("year", 2013, 2019)));
    }

    @Test
    void notBetweenExcludesBothEnds() {
        assertEquals(List.of("captain-america", "wip", "wip-2"), movies.ids(Query.notBetween("year", 2013, 2019)));
    }

    @Test
    void isNullAndIsNotNullSplitOnAMissingValue() {
        assertEquals(List.of("wip", "wip-2"), movies.ids(Query.isNull("releasedAt")));
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.isNotNull("releasedAt")));
    }

    @Test
    void existsAndNotExistsSplitOnAMissingValue() {
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.exists("releasedAt")));
        assertEquals(List.of("wip", "wip-2"), movies.ids(Query.notExists("releasedAt")));
    }

    @Test
    void existsOnSeveralAttributesNeedsAllOfThem() {
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.exists(List.of("director", "releasedAt"))));
        assertEquals(NONE, movies.ids(Query.notExists(List.of("director", "releasedAt"))));
    }

    @Test
    void startsWithAndNotStartsWith() {
        assertEquals(List.of("wip", "wip-2"), movies.ids(Query.startsWith("name", "Work")));
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.notStartsWith("name", "Work")));
    }

    @Test
    void endsWithAndNotEndsWith() {
        assertEquals(List.of("captain-marvel"), movies.ids(Query.endsWith("name", "Marvel")));
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel", "wip"),
                movies.ids(Query.notEndsWith("name", "2")));
    }

    @Test
    void containsOnAStringMatchesASubstring() {
        assertEquals(List.of("wip", "wip-2"), movies.ids(Query.contains("name", "in Prog")));
        assertEquals(List.of("captain-america", "wip", "wip-2"), movies.ids(Query.contains("name", List.of("First", "Work"))));
    }

    @Test
    void notContainsOnAStringExcludesEverySubstring() {
        assertEquals(List.of("frozen", "frozen-2"), movies.ids(Query.notContains("name", List.of("Captain", "Work"))));
    }

    @Test
    void containsAllOnAStringNeedsEverySubstring() {
        assertEquals(List.of("captain-marvel"), movies.ids(Query.containsAll("name", List.of("Captain", "Marvel"))));
    }

    @Test
    void containsOnAnArrayMatchesAWholeElement() {
        assertEquals(List.of("captain-america", "captain-marvel"), movies.ids(Query.contains("genres", "comics")));
        assertEquals(NONE, movies.ids(Query.contains("genres", "comic")));
    }

    @Test
    void containsAnyOnAnArrayNeedsOneElement() {
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel"),
                movies.ids(Query.containsAny("genres", List.of("kids", "comics"))));
    }

    @Test
    void containsAllOnAnArrayNeedsEveryElement() {
        assertEquals(List.of("captain-america", "captain-marvel"),
                movies.ids(Query.containsAll("genres", List.of("science fiction", "comics"))));
        assertEquals(NONE, movies.ids(Query.containsAll("genres", List.of("kids", "comics"))));
    }

    @Test
    void notContainsOnAnArrayKeepsEmptyArrays() {
        assertEquals(List.of("captain-america", "captain-marvel", "wip", "wip-2"),
                movies.ids(Query.notContains("genres", "kids")));
    }

    @Test
    void regexMatchesAPattern() {
        assertEquals(List.of("frozen", "frozen-2"), movies.ids(Query.regex("name", "^Froz.n")));
    }

    @Test
    void datetimeComparisonsAreChronological() {
        assertEquals(List.of("frozen-2", "captain-marvel"),
                movies.ids(Query.greaterThan("releasedAt", "2019-01-01T00:00:00.000+00:00")));
        assertEquals(List.of("frozen", "captain-america"),
                movies.ids(Query.lessThan("releasedAt", "2019-01-01T00:00:00.000+00:00")));
    }

    @Test
    void datetimeValuesWithAnOffsetCompareInUtc() {
        assertEquals(List.of("captain-marvel"), movies.ids(Query.equal("releasedAt", "2019-03-08T01:00:00.000+01:00")));
    }

    @Test
    void systemFieldsAreQueryable() {
        assertEquals(List.of("frozen-2"), movies.ids(Query.equal("$id", "frozen-2")));
        String captain = movies.list(Query.equal("$id", "captain-america")).getDocuments().get(0).getCreatedAt();
        long sequence = movies.list(Query.equal("$id", "captain-america")).getDocuments().get(0).getSequence();
        assertEquals(List.of("captain-marvel", "wip", "wip-2"), movies.ids(Query.greaterThan("$sequence", sequence)));
        assertEquals(List.of("frozen", "frozen-2", "captain-america", "captain-marvel", "wip", "wip-2"),
                movies.ids(Query.createdAfter("2000-01-01T00:00:00.000+00:00")));
        assertEquals(NONE, movies.ids(Query.updatedBefore("2000-01-01T00:00:00.000+00:00")));
        assertEquals(List.of("captain-america"), movies.ids(Query.equal("$createdAt", captain), Query.equal("$id", "captain-america")));
    }

    @Test
    void orMatchesEitherSide() {
        assertEquals(List.of("captain-america", "wip", "wip-2"),
                movies.ids(Query.or(List.of(Query.equal("year", 2011), Query.equal("director", "TBD")))));
    }

    @Test
    void andInsideOrGroupsConditions() {
        assertEquals(List.of("frozen", "frozen-2", "captain-marvel"), movies.ids(Query.or(List.of(
                Query.and(List.of(Query.greaterThanEqual("year", 2019), Query.equal("active", true))),
                Query.equal("name", "Frozen")))));
    }

    @Test
    void orInsideAndWithATopLevelFilter() {
        assertEquals(List.of("frozen-2"), movies.ids(
                Query.equal("year", 2019),
                Query.and(List.of(Query.or(List.of(Query.contains("genres", "kids"), Query.isNull("releasedAt"))),
                        Query.equal("active", true)))));
    }

    @Test
    void topLevelFiltersAllMustMatch() {
        assertEquals(List.of("captain-marvel"), movies.ids(Query.equal("year", 2019), Query.lessThan("price", 30)));
    }

    @Test
    void searchWithoutAFulltextIndexIsInvalid() {
        dev.quire.QuireException e = movies.rejected(Query.search("name", "Frozen"));
        assertEquals("general_query_invalid", e.getType());
        assertEquals(400, e.getCode());
        assertEquals("Searching by attribute \"name\" requires a fulltext index.", e.getMessage());
    }

    @Test
    void anUnknownAttributeIsNamedInTheError() {
        Movies.assertQueryInvalid(movies.rejected(Query.equal("budget", 100)),
                "Invalid query: Attribute not found in schema: budget");
    }
}
