package dev.quire.query.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatetimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2020-10-15T06:38:00.000+00:00 | 2020-10-15T06:38:00.000+00:00",
            "2020-10-15 06:38:00           | 2020-10-15T06:38:00.000+00:00",
            "2020-10-15                    | 2020-10-15T00:00:00.000+00:00",
            "2020-10-15T06:38              | 2020-10-15T06:38:00.000+00:00",
            "2020-10-15T06:38:00Z          | 2020-10-15T06:38:00.000+00:00",
            "2020-10-15T08:38:00+02:00     | 2020-10-15T06:38:00.000+00:00",
            "2020-10-15T01:08:00-0530      | 2020-10-15T06:38:00.000+00:00",
            "2020-10-15T06:38:00.123456789 | 2020-10-15T06:38:00.123+00:00",
            "2020-10-15T06:38:00.5+01      | 2020-10-15T05:38:00.500+00:00",
            "0000-01-01                    | 0000-01-01T00:00:00.000+00:00",
            "9999-12-31T23:59:59.999Z      | 9999-12-31T23:59:59.999+00:00",
            // Appwrite tests/e2e/Services/Databases/Legacy/DatabasesBase.php testCreateDocument (birthDay)
            "1975-06-12 14:12:55+02:00     | 1975-06-12T12:12:55.000+00:00",
            "1975-06-12 14:12:55 America/New_York | 1975-06-12T18:12:55.000+00:00",
            "2020-01-15T12:00 Europe/Paris | 2020-01-15T11:00:00.000+00:00",
            "2020-10-15 06:38:00 UTC       | 2020-10-15T06:38:00.000+00:00"})
    void acceptedDatetimesBecomeCanonicalUtc(String input, String canonical) {
        assertEquals(Optional.of(canonical), Datetimes.canonical(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2020-13-01", "2020-02-30", "2020-10-15T25:00:00", "20201015",
            "2020-10-15T06:38:00+25:00", "10000-01-01", "9999-12-31T23:00:00-02:00", "2020-10-15X06:38",
            "2020-10-15 06:38:00 Nowhere/Atlantis", "2020-10-15 Europe/Paris", "2020-10-15T06:38:00+02:00 Europe/Paris"})
    void otherStringsAreNotDatetimes(String input) {
        assertEquals(Optional.empty(), Datetimes.canonical(input));
    }

    @Test
    void nullIsNotADatetime() {
        assertEquals(Optional.empty(), Datetimes.canonical(null));
    }

    @Test
    void formatTruncatesToMilliseconds() {
        assertEquals("2020-10-15T06:38:00.123+00:00", Datetimes.format(Instant.parse("2020-10-15T06:38:00.123999Z")));
    }

    @Test
    void formatRejectsYearsBeyondAppwritesRange() {
        assertThrows(IllegalArgumentException.class, () -> Datetimes.format(Instant.parse("+10000-01-01T00:00:00Z")));
    }
}
