package dev.quire.queries;

import dev.quire.DocumentList;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders, tie-breaks, limit/offset, cursors and totals against the {@link Movies} fixture. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderAndPagingTest {
    private static final List<String> INSERTION_ORDER =
            List.of("frozen", "frozen-2", "captain-america", "captain-marvel", "wip", "wip-2");
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
    void withoutOrdersDocumentsComeInInsertionOrder() {
        assertEquals(INSERTION_ORDER, movies.ids());
    }

    @Test
    void orderAscBreaksTiesByInsertionOrder() {
        assertEquals(List.of("captain-america", "frozen", "frozen-2", "captain-marvel", "wip", "wip-2"),
                movies.ids(Query.orderAsc("year")));
    }

    @Test
    void orderDescStillBreaksTiesByAscendingInsertionOrder() {
        assertEquals(List.of("wip-2", "wip", "frozen-2", "captain-marvel", "frozen", "captain-america"),
                movies.ids(Query.orderDesc("year")));
    }

    @Test
    void laterOrdersBreakTiesOfEarlierOnes() {
        assertEquals(List.of("frozen", "frozen-2", "captain-marvel", "captain-america", "wip", "wip-2"),
                movies.ids(Query.orderDesc("price"), Query.orderAsc("name")));
        assertEquals(List.of("frozen-2", "frozen", "captain-marvel", "captain-america", "wip-2", "wip"),
                movies.ids(Query.orderDesc("price"), Query.orderDesc("name")));
    }

    @Test
    void orderDescOnCreatedAtIsNewestFirstEvenWithinOneMillisecond() {
        assertEquals(List.of("wip-2", "wip", "captain-marvel", "captain-america", "frozen-2", "frozen"),
                movies.ids(Query.orderDesc("$createdAt")));
        assertEquals(INSERTION_ORDER, movies.ids(Query.orderAsc("$createdAt")));
    }

    @Test
    void orderOnIdIsByText() {
        assertEquals(List.of("captain-america", "captain-marvel", "frozen", "frozen-2", "wip", "wip-2"),
                movies.ids(Query.orderAsc("$id")));
    }

    @Test
    void orderOnADatetimeIsChronologicalWithNullsFirst() {
        assertEquals(List.of("wip", "wip-2", "captain-america", "frozen", "captain-marvel", "frozen-2"),
                movies.ids(Query.orderAsc("releasedAt")));
    }

    @Test
    void orderRandomReturnsEveryMatchInVaryingOrder() {
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            List<String> ids = movies.ids(Query.orderRandom());
            assertEquals(Set.copyOf(INSERTION_ORDER), Set.copyOf(ids));
            assertEquals(6, ids.size());
            orders.add(ids);
        }
        // 30 draws of 720 permutations all alike has probability 720^-29.
        assertTrue(orders.size() > 1, "orderRandom always gave " + orders);
    }

    @Test
    void orderRandomKeepsFiltersAndLimit() {
        List<String> ids = movies.ids(Query.orderRandom(), Query.equal("active", true), Query.limit(3));
        assertEquals(3, ids.size());
        assertTrue(Set.of("frozen", "frozen-2", "captain-america", "captain-marvel").containsAll(ids), ids.toString());
    }

    @Test
    void orderRandomCannotBeCombinedWithACursor() {
        QuireException e = movies.rejected(Query.orderRandom(), Query.cursorAfter("frozen"));
        assertEquals("general_query_invalid", e.getType());
        assertEquals(400, e.getCode());
    }

    @Test
    void limitAndOffsetCutThePage() {
        assertEquals(List.of("frozen", "frozen-2"), movies.ids(Query.limit(2)));
        assertEquals(List.of("captain-america", "captain-marvel"), movies.ids(Query.limit(2), Query.offset(2)));
        assertEquals(List.of("wip-2"), movies.ids(Query.offset(5)));
        assertEquals(List.of(), movies.ids(Query.offset(6)));
    }

    @Test
    void onlyTheFirstLimitAndOffsetCount() {
        assertEquals(List.of("frozen-2"), movies.ids(Query.limit(1), Query.offset(1), Query.limit(5), Query.offset(4)));
    }

    @Test
    void limitAppliesAfterOrdering() {
        assertEquals(List.of("wip-2", "wip"), movies.ids(Query.orderDesc("year"), Query.limit(2)));
    }

    @Test
    void cursorAfterContinuesAfterTheDocument() {
        assertEquals(List.of("captain-america", "captain-marvel", "wip", "wip-2"),
                movies.ids(Query.cursorAfter("frozen-2")));
        assertEquals(List.of("captain-america", "captain-marvel"), movies.ids(Query.cursorAfter("frozen-2"), Query.limit(2)));
        assertEquals(List.of(), movies.ids(Query.cursorAfter("wip-2")));
    }

    @Test
    void cursorBeforeReturnsThePageInRequestedOrder() {
        assertEquals(List.of("frozen-2", "captain-america"), movies.ids(Query.cursorBefore("captain-marvel"), Query.limit(2)));
        assertEquals(List.of("frozen", "frozen-2", "captain-america"), movies.ids(Query.cursorBefore("captain-marvel")));
        assertEquals(List.of(), movies.ids(Query.cursorBefore("frozen")));
    }

    @Test
    void cursorAfterFollowsAnOrderWithTies() {
        // year ascending: captain-america 2011, frozen 2013, frozen-2 2019, captain-marvel 2019, wip 2025, wip-2 2026
        assertEquals(List.of("captain-marvel", "wip", "wip-2"), movies.ids(Query.orderAsc("year"), Query.cursorAfter("frozen-2")));
        assertEquals(List.of("frozen-2", "captain-marvel"),
                movies.ids(Query.orderAsc("year"), Query.cursorAfter("frozen"), Query.limit(2)));
    }

    @Test
    void cursorBeforeFollowsADescendingOrder() {
        // year descending: wip-2, wip, frozen-2, captain-marvel, frozen, captain-america
        assertEquals(List.of("wip-2", "wip", "frozen-2"), movies.ids(Query.orderDesc("year"), Query.cursorBefore("captain-marvel")));
        assertEquals(List.of("wip", "frozen-2"),
                movies.ids(Query.orderDesc("year"), Query.cursorBefore("captain-marvel"), Query.limit(2)));
        assertEquals(List.of("captain-marvel", "frozen", "captain-america"),
                movies.ids(Query.orderDesc("year"), Query.cursorAfter("frozen-2")));
    }

    @Test
    void cursorAfterFollowsCreatedAtDescending() {
        assertEquals(List.of("frozen-2", "frozen"), movies.ids(Query.orderDesc("$createdAt"), Query.cursorAfter("captain-america")));
    }

    @Test
    void cursorCombinesWithOffset() {
        assertEquals(List.of("captain-marvel", "wip"), movies.ids(Query.cursorAfter("frozen"), Query.offset(2), Query.limit(2)));
    }

    @Test
    void pagingWithCursorAfterVisitsEveryDocumentOnceInOrder() {
        List<String> order = List.of("frozen", "frozen-2", "captain-marvel", "captain-america", "wip", "wip-2");
        List<String> seen = new ArrayList<>();
        List<String> page = movies.ids(Query.orderDesc("price"), Query.orderAsc("name"), Query.limit(2));
        while (!page.isEmpty()) {
            seen.addAll(page);
            page = movies.ids(Query.orderDesc("price"), Query.orderAsc("name"), Query.limit(2),
                    Query.cursorAfter(page.get(page.size() - 1)));
        }
        assertEquals(order, seen);
    }

    @Test
    void pagingBackwardsWithCursorBeforeVisitsEveryDocumentOnce() {
        List<String> seen = new ArrayList<>();
        List<String> page = movies.ids(Query.orderDesc("year"), Query.cursorBefore("captain-america"), Query.limit(2));
        while (!page.isEmpty()) {
            seen.addAll(0, page);
            page = movies.ids(Query.orderDesc("year"), Query.cursorBefore(page.get(0)), Query.limit(2));
        }
        assertEquals(List.of("wip-2", "wip", "frozen-2", "captain-marvel", "frozen"), seen);
    }

    @Test
    void cursorWithFiltersReturnsOnlyMatches() {
        assertEquals(List.of("frozen-2", "captain-marvel"),
                movies.ids(Query.equal("active", true), Query.orderAsc("year"), Query.cursorAfter("frozen")));
    }

    @Test
    void cursorDocumentNeedNotMatchTheFilters() {
        // frozen is 2013; the page holds the 2019 movies inserted after it.
        assertEquals(List.of("frozen-2", "captain-marvel"), movies.ids(Query.equal("year", 2019), Query.cursorAfter("frozen")));
        assertEquals(List.of("captain-marvel"), movies.ids(Query.equal("year", 2019), Query.cursorAfter("captain-america")));
    }

    @Test
    void cursorOnAMissingDocumentIsCursorNotFound() {
        QuireException e = movies.rejected(Query.cursorAfter("no-such-movie"));
        assertEquals("general_cursor_not_found", e.getType());
        assertEquals(400, e.getCode());
        assertTrue(e.getMessage().contains("'no-such-movie'"), e.getMessage());
    }

    @Test
    void cursorWhoseOrderValueIsNullIsOrderNull() {
        QuireException e = movies.rejected(Query.orderAsc("releasedAt"), Query.cursorAfter("wip"));
        assertEquals("database_query_order_null", e.getType());
        assertEquals(400, e.getCode());
        assertEquals("The order attribute 'releasedAt' had a null value. Cursor pagination requires all documents "
                + "order attribute values are non-null.", e.getMessage());
    }

    @Test
    void cursorWhoseOrderValueIsSetPassesNullRowsWhenAscending() {
        assertEquals(List.of("frozen", "captain-marvel", "frozen-2"),
                movies.ids(Query.orderAsc("releasedAt"), Query.cursorAfter("captain-america")));
    }

    @Test
    void totalCountsEveryMatchIndependentOfThePage() {
        assertEquals(6, movies.list().getTotal());
        assertEquals(6, movies.list(Query.limit(1)).getTotal());
        assertEquals(6, movies.list(Query.offset(5)).getTotal());
        assertEquals(6, movies.list(Query.offset(100)).getTotal());
        assertEquals(6, movies.list(Query.cursorAfter("wip")).getTotal());
        assertEquals(4, movies.list(Query.equal("active", true), Query.limit(1), Query.cursorAfter("frozen")).getTotal());
        assertEquals(0, movies.list(Query.equal("name", "Avatar")).getTotal());
    }

    @Test
    void totalFalseSkipsTheCount() {
        DocumentList list = movies.db.listDocuments(Movies.DB, Movies.MOVIES, List.of(Query.limit(2)), false);
        assertEquals(0, list.getTotal());
        assertEquals(List.of("frozen", "frozen-2"), Movies.ids(list));
    }

    @Test
    void theDefaultPageHoldsTwentyFiveDocuments() {
        movies.db.createCollection(Movies.DB, "many", "Many");
        movies.db.createIntegerAttribute(Movies.DB, "many", "n", true, null, null, null, false);
        for (int i = 0; i < 30; i++) {
            movies.db.createDocument(Movies.DB, "many", "n" + i, java.util.Map.of("n", i), List.of());
        }
        DocumentList list = movies.db.listDocuments(Movies.DB, "many", List.of());
        assertEquals(25, list.getDocuments().size());
        assertEquals(30, list.getTotal());
        assertEquals("n24", list.getDocuments().get(24).getId());
    }

    @Test
    void theLargestLimitAndOffsetAreAnswered() {
        assertEquals(INSERTION_ORDER, movies.ids(Query.limit(Integer.MAX_VALUE)));
        assertEquals(List.of(), movies.ids(Query.offset(Integer.MAX_VALUE)));
        assertEquals(6, movies.list(Query.offset(Integer.MAX_VALUE)).getTotal());
    }
}
