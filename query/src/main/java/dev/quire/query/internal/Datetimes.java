package dev.quire.query.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appwrite's datetime rules: which strings are accepted as datetimes and the one canonical form
 * every stored and compared datetime takes ({@code 2020-10-15T06:38:00.000+00:00}, UTC, millisecond
 * precision).
 *
 * <p>Accepted input: {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and
 * {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.fraction}, optionally followed by {@code Z} or an
 * offset ({@code +02:00}, {@code +0200}, {@code +02}) or by a space and a time-zone name
 * ({@code 1975-06-12 14:12:55 America/New_York}, which PHP accepts and Appwrite's own tests use). A time
 * without an offset is UTC, as it is on an Appwrite server. Years must lie in 0000..9999 once converted to UTC, matching the range utopia's
 * datetime validator allows.
 *
 * <p>Internal: not part of Quire's API; core uses it for datetime attributes and system timestamps.
 */
public final class Datetimes {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})"
                    + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "(?:(Z|z|[+-]\\d{2}(?::?\\d{2})?)|\\s+([A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*))?)?");

    private Datetimes() {
    }

    /**
     * Parses an Appwrite datetime string into its canonical UTC form.
     *
     * @param input a datetime such as {@code 2020-10-15}, {@code 2020-10-15 06:38:00} or
     *              {@code 2020-10-15T08:38:00.123+02:00}; may be null
     * @return the canonical form, e.g. {@code 2020-10-15T06:38:00.123+00:00}, or empty when the input
     *         is not a datetime Appwrite accepts
     */
    public static Optional<String> canonical(String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(input.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                    : LocalTime.of(number(m, 4), number(m, 5), m.group(6) == null ? 0 : number(m, 6),
                            nanos(m.group(7)));
            LocalDateTime local = LocalDateTime.of(date, time);
            Instant instant = m.group(9) != null ? local.atZone(ZoneId.of(m.group(9))).toInstant()
                    : local.toInstant(m.group(8) == null ? ZoneOffset.UTC : offset(m.group(8)));
            return inRange(instant) ? Optional.of(format(instant)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Formats an instant in the canonical form, truncating to milliseconds.
     *
     * @param instant an instant whose UTC year lies in 0000..9999
     * @return e.g. {@code 2020-10-15T06:38:00.000+00:00}
     * @throws IllegalArgumentException if the year is outside 0000..9999
     */
    public static String format(Instant instant) {
        if (!inRange(instant)) {
            throw new IllegalArgumentException("Datetime outside years 0000..9999: " + instant);
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03d+00:00", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    private static boolean inRange(Instant instant) {
        int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        return year >= 0 && year <= 9999;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int nanos(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        return text.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                : ZoneOffset.ofHoursMinutes(hours, minutes);
    }
}
