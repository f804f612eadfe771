package dev.quire.internal;

import dev.quire.query.internal.Datetimes;

import java.time.Instant;

/** The time Quire stamps on what it writes, in Appwrite's format: UTC, millisecond precision. */
public final class Clock {
    private Clock() {
    }

    /** Now, as {@code 2020-10-15T06:38:00.000+00:00}. */
    public static String now() {
        return Datetimes.format(Instant.now());
    }
}
