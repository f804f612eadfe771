package dev.quire.queries;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.DocumentList;
import dev.quire.QuireException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The movie collection of Appwrite's own engine tests (utopia-php/database {@code DocumentTests::testFind}),
 * with a datetime and one title per row that is easy to read in assertions. Rows are inserted in this order,
 * so {@code $sequence} follows it.
 *
 * <pre>
 * id               name                                 director                   year  price  active genres                              releasedAt
 * frozen           Frozen                               Chris Buck &amp; Jennifer Lee  2013  39.50  true   [animation, kids]                   2013-11-27
 * frozen-2         Frozen II                            Chris Buck &amp; Jennifer Lee  2019  39.50  true   [animation, kids]                   2019-11-22
 * captain-america  Captain America: The First Avenger   Joe Johnston               2011  25.94  true   [science fiction, action, comics]   2011-07-22
 * captain-marvel   Captain Marvel                       Anna Boden &amp; Ryan Fleck   2019  25.99  true   [science fiction, action, comics]   2019-03-08
 * wip              Work in Progress                     TBD                        2025   0.00  false  []                                  null
 * wip-2            Work in Progress 2                   TBD                        2026   0.00  false  []                                  null
 * </pre>
 */
final class Movies implements AutoCloseable {
    static final String DB = "films";
    static final String MOVIES = "movies";

    final Databases db = Databases.inMemory();

    Movies() {
        db.create(DB, "Films");
        db.createCollection(DB, MOVIES, "Movies");
        db.createStringAttribute(DB, MOVIES, "name", 128, true, null, false);
        db.createStringAttribute(DB, MOVIES, "director", 128, false, null, false);
        db.createIntegerAttribute(DB, MOVIES, "year", true, null, null, null, false);
        db.createFloatAttribute(DB, MOVIES, "price", true, null, null, null, false);
        db.createBooleanAttribute(DB, MOVIES, "active", true, null, false);
        db.createStringAttribute(DB, MOVIES, "genres", 32, false, null, true);
        db.createDatetimeAttribute(DB, MOVIES, "releasedAt", false, null, false);
        add("frozen", "Frozen", "Chris Buck & Jennifer Lee", 2013, 39.50, true, List.of("animation", "kids"),
                "2013-11-27T00:00:00.000+00:00");
        add("frozen-2", "Frozen II", "Chris Buck & Jennifer Lee", 2019, 39.50, true, List.of("animation", "kids"),
                "2019-11-22T00:00:00.000+00:00");
        add("captain-america", "Captain America: The First Avenger", "Joe Johnston", 2011, 25.94, true,
                List.of("science fiction", "action", "comics"), "2011-07-22T00:00:00.000+00:00");
        add("captain-marvel", "Captain Marvel", "Anna Boden & Ryan Fleck", 2019, 25.99, true,
                List.of("science fiction", "action", "comics"), "2019-03-08T00:00:00.000+00:00");
        add("wip", "Work in Progress", "TBD", 2025, 0.0, false, List.of(), null);
        add("wip-2", "Work in Progress 2", "TBD", 2026, 0.0, false, List.of(), null);
    }

    private void add(String id, String name, String director, long year, double price, boolean active,
                     List<String> genres, String releasedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("director", director);
        data.put("year", year);
        data.put("price", price);
        data.put("active", active);
        data.put("genres", genres);
        data.put("releasedAt", releasedAt);
        db.createDocument(DB, MOVIES, id, data, List.of());
    }

    DocumentList list(String... queries) {
        return db.listDocuments(DB, MOVIES, Arrays.asList(queries));
    }

    /** The ids of the page, in the order returned. */
    List<String> ids(String... queries) {
        return ids(list(queries));
    }

    static List<String> ids(DocumentList list) {
        List<String> ids = new ArrayList<>();
        for (Document document : list.getDocuments()) {
            ids.add(document.getId());
        }
        return ids;
    }

    QuireException rejected(String... queries) {
        return assertThrows(QuireException.class, () -> list(queries));
    }

    static void assertQueryInvalid(QuireException e, String message) {
        assertEquals("general_query_invalid", e.getType());
        assertEquals(400, e.getCode());
        assertEquals(message, e.getMessage());
    }

    @Override
    public void close() {
        db.close();
    }
}
