package dev.quire.junit;

import dev.quire.Document;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions on documents that leave out what a test cannot know in advance: {@code $createdAt} and
 * {@code $updatedAt}. Numbers compare by value, so {@code 2009} matches a stored {@code 2009L} and
 * {@code 7.0} a {@code 7}.
 *
 * <pre>{@code
 * import static dev.quire.junit.DocumentAssertions.assertDocument;
 *
 * assertDocument(Map.of("$id", "up", "title", "Up", "year", 2009), db.getDocument("app", "movies", "up"));
 * }</pre>
 */
public final class DocumentAssertions {
    private DocumentAssertions() {
    }

    /** Asserts two documents equal in everything but their timestamps. */
    public static void assertDocumentEquals(Document expected, Document actual) {
        Objects.requireNonNull(expected, "expected");
        if (actual == null) {
            throw new AssertionFailedError("expected a document but was null", comparable(expected.toMap()), null);
        }
        compare(comparable(expected.toMap()), comparable(actual.toMap()), "");
    }

    /** Asserts two lists of documents equal, in order, in everything but their timestamps. */
    public static void assertDocumentsEqual(List<Document> expected, List<Document> actual) {
        List<Map<String, Object>> left = new ArrayList<>();
        expected.forEach(d -> left.add(comparable(d.toMap())));
        List<Map<String, Object>> right = new ArrayList<>();
        actual.forEach(d -> right.add(comparable(d.toMap())));
        if (left.size() != right.size()) {
            throw new AssertionFailedError("expected " + left.size() + " documents but got " + right.size(), left, right);
        }
        for (int i = 0; i < left.size(); i++) {
            compare(left.get(i), right.get(i), "document " + i + ": ");
        }
    }

    /**
     * Asserts that a document holds the given fields, in Appwrite's JSON shape ({@code $id},
     * {@code $permissions}, attributes); fields not given are not compared.
     */
    public static void assertDocument(Map<String, ?> expected, Document actual) {
        if (actual == null) {
            throw new AssertionFailedError("expected a document but was null", expected, null);
        }
        Map<String, Object> map = actual.toMap();
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            selected.put(key, map.get(key));
        }
        compare(new LinkedHashMap<>(expected), selected, "");
    }

    private static Map<String, Object> comparable(Map<String, Object> document) {
        Map<String, Object> map = new LinkedHashMap<>(document);
        map.remove("$createdAt");
        map.remove("$updatedAt");
        return map;
    }

    private static void compare(Map<String, Object> expected, Map<String, Object> actual, String prefix) {
        if (expected.size() != actual.size() || !expected.keySet().equals(actual.keySet())) {
            throw new AssertionFailedError(prefix + "fields differ", expected, actual);
        }
        for (Map.Entry<String, Object> entry : expected.entrySet()) {
            if (!same(entry.getValue(), actual.get(entry.getKey()))) {
                throw new AssertionFailedError(prefix + "\"" + entry.getKey() + "\" differs: expected <"
                        + entry.getValue() + "> but was <" + actual.get(entry.getKey()) + ">", expected, actual);
            }
        }
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(expected, actual);
    }
}
