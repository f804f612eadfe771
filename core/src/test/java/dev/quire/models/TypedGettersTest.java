package dev.quire.models;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Document}'s typed getters: each attribute type read back as its Java type, mismatches named. */
class TypedGettersTest {
    private Databases db;
    private Document up;

    @BeforeEach
    void createMovie() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies");
        db.createStringAttribute("app", "movies", "title", 64, true, null, false);
        db.createIntegerAttribute("app", "movies", "year", false, null, null, null, false);
        db.createFloatAttribute("app", "movies", "rating", false, null, null, null, false);
        db.createBooleanAttribute("app", "movies", "released", false, null, false);
        db.createStringAttribute("app", "movies", "genres", 32, false, null, true);
        db.createIntegerAttribute("app", "movies", "scores", false, null, null, null, true);
        db.createDatetimeAttribute("app", "movies", "premiere", false, null, false);
        up = db.createDocument("app", "movies", "up", Map.of("title", "Up", "year", 2009, "rating", 8.3,
                "released", true, "genres", List.of("animation"), "scores", List.of(9, 8),
                "premiere", "2009-05-13"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachAttributeTypeReadsBackThroughItsGetter() {
        assertEquals("Up", up.getString("title"));
        assertEquals(2009L, up.getLong("year"));
        assertEquals(8.3, up.getDouble("rating"));
        assertEquals(true, up.getBoolean("released"));
        assertEquals(List.of("animation"), up.getList("genres"));
        assertEquals(List.of("animation"), up.getList("genres", String.class));
        assertEquals(List.of(9L, 8L), up.getList("scores", Long.class));
        assertEquals("2009-05-13T00:00:00.000+00:00", up.getString("premiere"));
    }

    @Test
    void nullAndUnknownAttributesReadAsNull() {
        Document heat = db.createDocument("app", "movies", "heat", Map.of("title", "Heat"));

        assertNull(heat.getLong("year"));
        assertNull(heat.getDouble("rating"));
        assertNull(heat.getBoolean("released"));
        assertNull(heat.getList("genres", String.class));
        assertNull(heat.getString("no_such_attribute"));
    }

    @Test
    void aTypeMismatchNamesTheAttributeAndTheTypeItHolds() {
        QuireException e = assertError("general_argument_invalid", 400, () -> up.getString("year"));
        assertEquals("Attribute \"year\" of document up holds a Long (2009), not a String", e.getMessage());

        assertError("general_argument_invalid", 400, () -> up.getDouble("year"));
        assertError("general_argument_invalid", 400, () -> up.getLong("rating"));
        assertError("general_argument_invalid", 400, () -> up.getBoolean("title"));
        assertError("general_argument_invalid", 400, () -> up.getList("title"));
        assertError("general_argument_invalid", 400, () -> up.getString("genres"));
    }

    @Test
    void aListWithItemsOfAnotherTypeIsRefused() {
        QuireException e = assertError("general_argument_invalid", 400, () -> up.getList("scores", String.class));
        assertTrue(e.getMessage().contains("not a List<String>"), e.getMessage());
    }
}
