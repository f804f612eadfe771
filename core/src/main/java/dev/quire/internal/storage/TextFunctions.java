package dev.quire.internal.storage;

import com.google.re2j.Pattern;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The string matching that H2 cannot bound by itself, registered in every store as SQL functions
 * ({@link Sql#functions()}). Not API: public only because H2 calls it by reflection.
 *
 * <p>Why not H2's own: {@code REGEXP_LIKE} is {@code java.util.regex}, which backtracks; {@code (B+)+C} against
 * one 10 MB value did not return in minutes. {@code LIKE '%needle%'} is {@code String.indexOf}, quadratic in the
 * worst case: a 5,000-character needle against a 10 MB value took 10.7 s (20 s once the needle held a
 * {@code %} or {@code _}, which sends H2 to its general matcher). And H2 checks for cancellation between rows
 * only, so one such row cannot be stopped by a query timeout.
 *
 * <p>Here regex runs on RE2/J, which never backtracks: its time grows with the value's length times the pattern's
 * size, not exponentially (that 10 MB case: 0.6 s, 3 s read through the cancellation check below). A long pattern
 * against a long value can still take long, so both functions check the statement's cancellation while they read
 * a long value, and the store's time bound stops them. {@code contains} is {@code String.contains} where its worst
 * case is small and Knuth-Morris-Pratt elsewhere: linear in the value whatever the needle (that 5,000-character
 * needle: 0.4 s).
 *
 * <p>{@code NULL} values give {@code NULL}, as {@code LIKE} does, so {@code NOT contains} leaves them out.
 */
public final class TextFunctions {
    /** Values longer than this are read through a check for cancellation. */
    private static final int CHECKED_LENGTH = 4096;
    /** {@code indexOf}'s worst case is needle × value characters; past this, the linear search is cheaper. */
    private static final long INDEX_OF_WORK = 1L << 22;

    private static final Cache<Pattern> PATTERNS = new Cache<>(Pattern::compile);
    private static final Cache<int[]> PREFIX_TABLES = new Cache<>(TextFunctions::prefixTable);

    private TextFunctions() {
    }

    /**
     * {@code regex}: whether the pattern matches anywhere in the value. The planner has compiled the pattern
     * once already, so it is valid here.
     */
    public static Boolean regex(Connection connection, String value, String pattern) throws SQLException {
        if (value == null || pattern == null) {
            return null;
        }
        CharSequence input = value.length() > CHECKED_LENGTH ? new Cancellable(value, session(connection)) : value;
        return PATTERNS.get(pattern).matcher(input).find();
    }

    /** {@code contains} on a string: whether the needle occurs in the value, literally and case-sensitively. */
    public static Boolean contains(Connection connection, String value, String needle) throws SQLException {
        if (value == null || needle == null) {
            return null;
        }
        if ((long) value.length() * needle.length() <= INDEX_OF_WORK) {
            return value.contains(needle);
        }
        int[] table = PREFIX_TABLES.get(needle);
        SessionLocal session = session(connection);
        int matched = 0;
        for (int i = 0, length = value.length(); i < length; i++) {
            if ((i & 0xFFFF) == 0) {
                session.checkCanceled();
            }
            char c = value.charAt(i);
            while (matched > 0 && c != needle.charAt(matched)) {
                matched = table[matched - 1];
            }
            if (c == needle.charAt(matched) && ++matched == needle.length()) {
                return true;
            }
        }
        return false;
    }

    /** For each prefix of the needle, the length of its longest proper prefix that is also its suffix. */
    private static int[] prefixTable(String needle) {
        int[] table = new int[needle.length()];
        for (int i = 1, k = 0; i < needle.length(); i++) {
            while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
                k = table[k - 1];
            }
            if (needle.charAt(i) == needle.charAt(k)) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }

    private static SessionLocal session(Connection connection) throws SQLException {
        return (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    }

    /** A value that asks H2 every 64K characters read whether its statement was cancelled or timed out. */
    private static final class Cancellable implements CharSequence {
        private final String value;
        private final SessionLocal session;
        private int reads;

        Cancellable(String value, SessionLocal session) {
            this.value = value;
            this.session = session;
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFFF) == 0) {
                session.checkCanceled();
            }
            return value.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.subSequence(start, end);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * Compiled forms of the patterns and needles in use: the function is called once per row with the same
     * argument, and compiling an RE2/J pattern per row tripled a 100k-row regex query. Bounded by dropping
     * everything when full, which a store asked for more than 256 distinct patterns at once can afford.
     */
    private static final class Cache<T> {
        private static final int MAX = 256;
        private final Map<String, T> entries = new ConcurrentHashMap<>();
        private final Function<String, T> compile;

        Cache(Function<String, T> compile) {
            this.compile = compile;
        }

        T get(String key) {
            T value = entries.get(key);
            if (value == null) {
                if (entries.size() >= MAX) {
                    entries.clear();
                }
                value = compile.apply(key);
                entries.put(key, value);
            }
            return value;
        }
    }
}
