package dev.quire.models;

import dev.quire.Databases;
import dev.quire.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A {@code Map} may hold what a record may: java.time values and Java enums. */
class MapValuesTest {
    enum Kind { FILM, SERIES }

    record Show(String title, Kind kind, Instant premiere) {
    }

    private Databases db;

    @BeforeEach
    void open() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "shows", "Shows");
        db.createStringAttribute("app", "shows", "title", 64, false, null, false);
        db.createEnumAttribute("app", "shows", "kind", List.of("FILM", "SERIES"), false, null, false);
        db.createDatetimeAttribute("app", "shows", "premiere", false, null, false);
        db.createDatetimeAttribute("app", "shows", "dates", false, null, true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aMapAndARecordWithTheSameValuesStoreTheSameDocument() {
        Instant premiere = Instant.parse("2009-05-13T18:30:00.250Z");
        Document fromRecord = db.createDocument("app", "shows", "a", new Show("Up", Kind.FILM, premiere), null);
        Document fromMap = db.createDocument("app", "shows", "b",
                Map.of("title", "Up", "kind", Kind.FILM, "premiere", premiere));

        assertEquals(fromRecord.getData(), fromMap.getData());
        assertEquals("FILM", fromMap.getString("kind"));
        assertEquals("2009-05-13T18:30:00.250+00:00", fromMap.getString("premiere"));
    }

    @Test
    void everyJavaTimeTypeThatNamesAnInstantOrADayIsADatetime() {
        Document d = db.createDocument("app", "shows", "d", Map.of("dates", List.of(
                LocalDate.of(2009, 5, 13),
                LocalDateTime.of(2009, 5, 13, 18, 30),
                OffsetDateTime.of(2009, 5, 13, 20, 30, 0, 0, ZoneOffset.ofHours(2)),
                ZonedDateTime.of(2009, 5, 13, 20, 30, 0, 0, ZoneId.of("Europe/Paris")),
                Date.from(Instant.parse("2009-05-13T18:30:00Z")))));

        assertEquals(List.of("2009-05-13T00:00:00.000+00:00", "2009-05-13T18:30:00.000+00:00",
                "2009-05-13T18:30:00.000+00:00", "2009-05-13T18:30:00.000+00:00", "2009-05-13T18:30:00.000+00:00"),
                d.getList("dates", String.class));
    }

    @Test
    void updatesAndUpsertsAcceptThemToo() {
        db.createDocument("app", "shows", "a", Map.of("title", "Up"));

        assertEquals("SERIES", db.updateDocument("app", "shows", "a", Map.of("kind", Kind.SERIES), null).getString("kind"));
        assertEquals("2010-01-01T00:00:00.000+00:00", db.upsertDocument("app", "shows", "a",
                Map.of("premiere", LocalDate.of(2010, 1, 1)), null).getString("premiere"));
    }

    @Test
    void anEnumOutsideTheElementsAndATimeOfDayAreStillRefused() {
        enum Other { DOCUMENTARY }

        assertError("document_invalid_structure", 400,
                () -> db.createDocument("app", "shows", "x", Map.of("kind", Other.DOCUMENTARY)));
        assertError("document_invalid_structure", 400,
                () -> db.createDocument("app", "shows", "x", Map.of("premiere", java.time.LocalTime.NOON)));
        assertEquals(0, db.listDocuments("app", "shows", null).getTotal());
    }
}
