package dev.quire;

import dev.quire.internal.Errors;

import java.security.SecureRandom;

/**
 * Ids for databases, collections and documents, as the Appwrite SDKs make them.
 *
 * <pre>{@code
 * db.createDocument("app", "movies", ID.unique(), Map.of("title", "Up"), null);
 * db.createDocument("app", "movies", ID.custom("up-2009"), Map.of("title", "Up"), null);
 * }</pre>
 */
public final class ID {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ID() {
    }

    /**
     * A new id that sorts by creation time: 13 hex digits of the time in microseconds-ish resolution
     * followed by 7 random hex digits, 20 characters in all, like the SDKs' {@code ID.unique()}.
     *
     * @return a fresh id
     */
    public static String unique() {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        // The SDKs print seconds and microseconds in hex (8 + 5 digits); the same layout keeps ids time-ordered.
        long seconds = micros / 1_000_000;
        long fraction = micros % 1_000_000;
        char[] id = new char[20];
        writeHex(id, 0, seconds, 8);
        writeHex(id, 8, fraction, 5);
        for (int i = 13; i < 20; i++) {
            id[i] = HEX[RANDOM.nextInt(16)];
        }
        return new String(id);
    }

    /**
     * A caller-chosen id. The value is checked when it is used: 1 to 36 characters of
     * {@code [A-Za-z0-9._-]}, not starting with {@code .}, {@code -} or {@code _}.
     *
     * @param id the id
     * @return the same id
     * @throws QuireException {@code general_argument_invalid} if {@code id} is null
     */
    public static String custom(String id) {
        return Errors.require(id, "id");
    }

    private static void writeHex(char[] target, int offset, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            target[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
