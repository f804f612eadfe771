package dev.quire.internal.storage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How full-text indexes see text: the words of a value, folded so that comparing them is case- and
 * accent-insensitive, as MariaDB's {@code utf8mb4_unicode_ci} full-text indexes are (docs/full-text.md).
 *
 * <p>A word is a run of Unicode letters, combining marks, digits and connector punctuation ({@code _}); an
 * apostrophe between two such characters belongs to the word ({@code don't}). Everything else separates
 * words, including {@code @ + - * ( ) < > ~ "}.
 */
final class Words {
    private Words() {
    }

    /** The folded words of a text, in order; a word's index in the list is its position. */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int length = text.length();
        int start = -1;
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean inWord = isWordChar(c)
                    || (start >= 0 && isApostrophe(c) && next < length && isWordChar(text.codePointAt(next)));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(fold(text.substring(start, i)));
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            words.add(fold(text.substring(start)));
        }
        return words;
    }

    private static boolean isWordChar(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019';
    }

    /**
     * Lower case without accents: decomposed, stripped of non-spacing marks, lower-cased and recomposed, so
     * {@code Café}, {@code CAFÉ} and {@code cafe} are one word. Curly apostrophes become straight ones.
     */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.appendCodePoint(c == '\u2019' ? '\'' : c);
            }
            i += Character.charCount(c);
        }
        String result = Normalizer.normalize(folded.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        // A word of marks alone (rare, e.g. a lone combining accent) keeps its marks rather than vanishing.
        return result.isEmpty() ? word.toLowerCase(Locale.ROOT) : result;
    }

    /**
     * A parsed {@code search} value, as Appwrite rewrites it for MariaDB's boolean mode: several words match
     * any of them, the last one as a prefix; a value wholly in double quotes is one exact phrase.
     *
     * @param words  the folded words; empty when the value has none, which matches nothing
     * @param phrase whether the words must appear together, in order
     */
    record Search(List<String> words, boolean phrase) {
        static Search parse(String value) {
            boolean phrase = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
            return new Search(of(value), phrase);
        }

        boolean matchesNothing() {
            return words.isEmpty();
        }
    }
}
