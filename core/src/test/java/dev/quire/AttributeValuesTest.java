package dev.quire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which values each attribute type accepts, how they read back, and Appwrite's message for the rest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributeValuesTest {
    private static final String DB = "app";
    private static final String C = "values";
    private final AtomicInteger ids = new AtomicInteger();
    private Databases db;

    @BeforeAll
    void createCollection() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, C, "Values");
        db.createStringAttribute(DB, C, "name", 5, false, null, false);
        db.createIntegerAttribute(DB, C, "count", false, 0L, 10L, null, false);
        db.createIntegerAttribute(DB, C, "big", false, null, null, null, false);
        db.createFloatAttribute(DB, C, "ratio", false, -1.5, 1.5, null, false);
        db.createBooleanAttribute(DB, C, "flag", false, null, false);
        db.createEmailAttribute(DB, C, "email", false, null, false);
        db.createUrlAttribute(DB, C, "site", false, null, false);
        db.createIpAttribute(DB, C, "ip", false, null, false);
        db.createEnumAttribute(DB, C, "size", List.of("small", "large"), false, null, false);
        db.createDatetimeAttribute(DB, C, "when", false, null, false);
        db.createStringAttribute(DB, C, "tags", 3, false, null, true);
        db.createIntegerAttribute(DB, C, "scores", false, null, null, null, true);
    }

    @AfterAll
    void close() {
        db.close();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("name", "", ""),
                arguments("name", "abcde", "abcde"),
                arguments("name", "ünï😀d", "ünï😀d"),
                arguments("count", 0, 0L),
                arguments("count", 10L, 10L),
                arguments("count", (short) 7, 7L),
                arguments("big", Long.MAX_VALUE, Long.MAX_VALUE),
                arguments("big", Long.MIN_VALUE, Long.MIN_VALUE),
                arguments("big", BigInteger.valueOf(42), 42L),
                arguments("ratio", 1.5, 1.5),
                arguments("ratio", -1, -1.0),
                arguments("ratio", 0.25f, 0.25),
                arguments("flag", true, true),
                arguments("flag", false, false),
                arguments("email", "ada@example.com", "ada@example.com"),
                arguments("site", "https://appwrite.io/docs?x=1", "https://appwrite.io/docs?x=1"),
                arguments("ip", "127.0.0.1", "127.0.0.1"),
                arguments("ip", "2001:db8::1", "2001:db8::1"),
                arguments("size", "small", "small"),
                arguments("when", "2020-10-15T06:38:00.000+00:00", "2020-10-15T06:38:00.000+00:00"),
                arguments("when", "2020-10-15T08:38:00+02:00", "2020-10-15T06:38:00.000+00:00"),
                arguments("when", "2020-10-15", "2020-10-15T00:00:00.000+00:00"),
                arguments("tags", List.of("a", "bcd"), List.of("a", "bcd")),
                arguments("tags", List.of(), List.of()),
                arguments("tags", new String[]{"x"}, List.of("x")),
                arguments("scores", List.of(1, 2L), List.of(1L, 2L)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("accepted")
    void acceptedValueReadsBackInItsStoredType(String key, Object value, Object expected) {
        String id = "d" + ids.incrementAndGet();
        Map<String, Object> data = new HashMap<>();
        data.put(key, value);

        db.createDocument(DB, C, id, data, null);

        assertEquals(expected, db.getDocument(DB, C, id).get(key));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("name", "abcdef", "Attribute \"name\" has invalid type. Value must be a valid string and no longer than 5 chars"),
                arguments("name", 5, "Attribute \"name\" has invalid type. Value must be a valid string and no longer than 5 chars"),
                arguments("name", List.of("a"), "Attribute \"name\" has invalid type. Value must be a valid string and no longer than 5 chars"),
                arguments("name", Map.of("a", 1), "Attribute \"name\" has invalid type. Value must be a valid string and no longer than 5 chars"),
                arguments("count", 11, "Attribute \"count\" has invalid format. Value must be a valid range between 0 and 10"),
                arguments("count", -1, "Attribute \"count\" has invalid format. Value must be a valid range between 0 and 10"),
                arguments("count", "5", "Attribute \"count\" has invalid format. Value must be a valid integer"),
                arguments("count", 1.5, "Attribute \"count\" has invalid format. Value must be a valid integer"),
                // Beyond 64 bits a number is no integer (PHP reads it as a float), as Appwrite reports.
                arguments("big", new BigInteger("9223372036854775808"), "Attribute \"big\" has invalid format. Value must be a valid integer"),
                arguments("ratio", 2.0, "Attribute \"ratio\" has invalid format. Value must be a valid range between -2 and 2"),
                arguments("ratio", Double.NaN, "Attribute \"ratio\" has invalid format. Value must be a valid float"),
                arguments("ratio", Double.POSITIVE_INFINITY, "Attribute \"ratio\" has invalid format. Value must be a valid float"),
                arguments("ratio", "0.5", "Attribute \"ratio\" has invalid format. Value must be a valid float"),
                arguments("flag", "true", "Attribute \"flag\" has invalid type. Value must be a valid boolean"),
                arguments("flag", 1, "Attribute \"flag\" has invalid type. Value must be a valid boolean"),
                arguments("email", "not-an-email", "Attribute \"email\" has invalid format. Value must be a valid email address"),
                arguments("site", "not a url", "Attribute \"site\" has invalid format. Value must be a valid URL"),
                arguments("ip", "999.1.1.1", "Attribute \"ip\" has invalid format. Value must be a valid IP address"),
                arguments("size", "medium", "Attribute \"size\" has invalid format. Value must be one of (small, large)"),
                arguments("when", "yesterday", "Attribute \"when\" has invalid type. Value must be valid date."),
                arguments("when", "10000-01-01T00:00:00Z", "Attribute \"when\" has invalid type. Value must be valid date."),
                arguments("tags", "a", "Attribute \"tags\" must be an array"),
                arguments("tags", List.of("a", 1), "Attribute \"tags['1']\" has invalid type. Value must be a valid string and no longer than 3 chars"),
                arguments("tags", List.of("a", "long"), "Attribute \"tags['1']\" has invalid type. Value must be a valid string and no longer than 3 chars"),
                arguments("tags", Arrays.asList("a", null), "Attribute \"tags['1']\" has invalid type. Value must be a valid string and no longer than 3 chars"),
                arguments("scores", List.of(1, "2"), "Attribute \"scores['1']\" has invalid format. Value must be a valid integer"),
                arguments("name", new Object(), "Attribute \"name\" has invalid type. Value must be a valid string and no longer than 5 chars"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("rejected")
    void rejectedValueIsAStructureErrorAndNothingIsStored(String key, Object value, String message) {
        long before = db.listDocuments(DB, C, List.of()).getTotal();
        Map<String, Object> data = new HashMap<>();
        data.put(key, value);

        assertError("document_invalid_structure", 400, "Invalid document structure: " + message,
                () -> db.createDocument(DB, C, "rejected", data, null));
        assertEquals(before, db.listDocuments(DB, C, List.of()).getTotal());
    }

    @Test
    void requiredAttributeIsMissingWhenAbsentOrNull() {
        db.createCollection(DB, "required", "Required");
        db.createStringAttribute(DB, "required", "title", 10, true, null, false);
        Map<String, Object> nullTitle = new HashMap<>();
        nullTitle.put("title", null);

        assertError("document_invalid_structure", 400, "Invalid document structure: Missing required attribute \"title\"",
                () -> db.createDocument(DB, "required", "a", Map.of("other", "x"), null));
        assertError("document_invalid_structure", 400, "Invalid document structure: Missing required attribute \"title\"",
                () -> db.createDocument(DB, "required", "a", nullTitle, null));
    }

    @Test
    void missingRequiredIsReportedBeforeUnknownAndInvalid() {
        db.createCollection(DB, "order", "Order");
        db.createStringAttribute(DB, "order", "title", 10, true, null, false);
        db.createIntegerAttribute(DB, "order", "year", false, null, null, null, false);

        assertError("document_invalid_structure", 400, "Invalid document structure: Missing required attribute \"title\"",
                () -> db.createDocument(DB, "order", "a", Map.of("x", 1, "year", "no"), null));
        assertError("document_invalid_structure", 400, "Invalid document structure: Unknown attribute: \"x\"",
                () -> db.createDocument(DB, "order", "a", Map.of("title", "t", "x", 1, "year", "no"), null));
    }

    @Test
    void tenMegabyteStringsAreCheckedAgainstTheSize() {
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);

        assertError("document_invalid_structure", 400,
                () -> db.createDocument(DB, C, "huge", Map.of("name", tenMegabytes), null));
    }

    @Test
    void nullClearsAnOptionalValue() {
        db.createDocument(DB, C, "clear", Map.of("name", "abc"), null);
        Map<String, Object> clear = new HashMap<>();
        clear.put("name", null);

        Document updated = db.updateDocument(DB, C, "clear", clear, null);

        assertEquals(null, updated.get("name"));
        assertTrue(updated.getData().containsKey("name"));
    }
}
