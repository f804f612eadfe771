package dev.quire;

import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Appwrite's rules for defining attributes, and what adding and deleting them does to stored documents. */
class AttributeDefinitionsTest {
    private static final String DB = "app";
    private static final String C = "things";
    private Databases db;

    @BeforeEach
    void createCollection() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, C, "Things");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void modelsReportAppwritesTypesAndFormats() {
        assertEquals("string", db.createStringAttribute(DB, C, "s", 10, false, null, false).getType());
        assertEquals("integer", db.createIntegerAttribute(DB, C, "i", false, 1L, 5L, null, false).getType());
        assertEquals("double", db.createFloatAttribute(DB, C, "f", false, null, null, null, false).getType());
        assertEquals("boolean", db.createBooleanAttribute(DB, C, "b", false, null, false).getType());
        assertEquals("email", db.createEmailAttribute(DB, C, "e", false, null, false).getFormat());
        assertEquals("url", db.createUrlAttribute(DB, C, "u", false, null, false).getFormat());
        assertEquals("ip", db.createIpAttribute(DB, C, "ip", false, null, false).getFormat());
        assertEquals("enum", db.createEnumAttribute(DB, C, "en", List.of("a"), false, null, false).getFormat());
        assertEquals("datetime", db.createDatetimeAttribute(DB, C, "d", false, null, false).getType());

        Attribute integer = db.getAttribute(DB, C, "i");
        assertEquals(1L, integer.getMin());
        assertEquals(5L, integer.getMax());
        assertEquals(10L, db.getAttribute(DB, C, "s").getSize());
        assertEquals(List.of("a"), db.getAttribute(DB, C, "en").getElements());
        assertEquals("available", integer.getStatus());
        assertEquals(9, db.getCollection(DB, C).getAttributes().size());
    }

    @Test
    void integerAndFloatRangesDefaultToTheWholeRange() {
        Attribute integer = db.createIntegerAttribute(DB, C, "i", false, null, null, null, false);
        Attribute floating = db.createFloatAttribute(DB, C, "f", false, null, null, null, false);

        assertEquals(Long.MIN_VALUE, integer.getMin());
        assertEquals(Long.MAX_VALUE, integer.getMax());
        assertEquals(-Double.MAX_VALUE, floating.getMin());
        assertEquals(Double.MAX_VALUE, floating.getMax());
    }

    @Test
    void defaultsFillMissingAndNullValues() {
        db.createStringAttribute(DB, C, "status", 10, false, "draft", false);
        db.createIntegerAttribute(DB, C, "count", false, null, null, 3L, false);
        db.createBooleanAttribute(DB, C, "flag", false, true, false);

        Map<String, Object> nulls = new java.util.HashMap<>();
        nulls.put("count", null);
        Document doc = db.createDocument(DB, C, "a", nulls, null);

        assertEquals(Map.of("status", "draft", "count", 3L, "flag", true), doc.getData());
        assertEquals("draft", db.getAttribute(DB, C, "status").getDefault());
        assertEquals(3L, db.getAttribute(DB, C, "count").getDefault());
    }

    @Test
    void defaultsAreRefusedOnRequiredAndArrayAttributes() {
        assertError("attribute_default_unsupported", 400,
                () -> db.createStringAttribute(DB, C, "s", 10, true, "x", false));
        assertError("attribute_default_unsupported", 400,
                () -> db.createIntegerAttribute(DB, C, "i", false, null, null, 1L, true));
        assertEquals(0, db.listAttributes(DB, C, List.of()).getTotal());
    }

    @Test
    void defaultMustSatisfyTheAttribute() {
        assertError("attribute_value_invalid", 400, "Value must be a valid range between 0 and 10",
                () -> db.createIntegerAttribute(DB, C, "i", false, 0L, 10L, 11L, false));
        assertError("attribute_value_invalid", 400, "Value must be a valid string and no longer than 3 chars",
                () -> db.createStringAttribute(DB, C, "s", 3, false, "long", false));
        assertError("attribute_value_invalid", 400, "Value must be a valid email address",
                () -> db.createEmailAttribute(DB, C, "e", false, "nope", false));
        assertError("attribute_value_invalid", 400, "Default value not found in elements",
                () -> db.createEnumAttribute(DB, C, "en", List.of("a", "b"), false, "c", false));
        assertError("attribute_value_invalid", 400,
                () -> db.createDatetimeAttribute(DB, C, "d", false, "someday", false));
        assertEquals(0, db.listAttributes(DB, C, List.of()).getTotal());
    }

    @Test
    void stringSizeMustBeBetweenOneAndOneGigabyte() {
        assertError("general_argument_invalid", 400, "Invalid `size` param: Value must be a valid range between 1 and 1,073,741,824",
                () -> db.createStringAttribute(DB, C, "s", 0, false, null, false));
        assertEquals(1_073_741_824L, db.createStringAttribute(DB, C, "huge", 1_073_741_824, false, null, false).getSize());
    }

    @Test
    void minimumMustBeBelowMaximum() {
        assertError("attribute_value_invalid", 400, "Minimum value must be lesser than maximum value",
                () -> db.createIntegerAttribute(DB, C, "i", false, 5L, 5L, null, false));
        assertError("attribute_value_invalid", 400, "Minimum value must be lesser than maximum value",
                () -> db.createFloatAttribute(DB, C, "f", false, 2.0, 1.0, null, false));
    }

    @Test
    void enumElementsAreOneToOneHundredNonEmptyStringsOfAtMost255Characters() {
        assertError("general_argument_invalid", 400, () -> db.createEnumAttribute(DB, C, "a", List.of(), false, null, false));
        assertError("general_argument_invalid", 400,
                () -> db.createEnumAttribute(DB, C, "b", Collections.nCopies(101, "x"), false, null, false));
        assertError("general_argument_invalid", 400, () -> db.createEnumAttribute(DB, C, "c", List.of(""), false, null, false));
        assertError("general_argument_invalid", 400,
                () -> db.createEnumAttribute(DB, C, "d", List.of("x".repeat(256)), false, null, false));
        assertEquals(100, db.createEnumAttribute(DB, C, "e", Collections.nCopies(100, "x".repeat(255)), false, null, false)
                .getElements().size());
    }

    @Test
    void keysAreUniqueRegardlessOfCase() {
        db.createStringAttribute(DB, C, "title", 10, false, null, false);

        assertError("attribute_already_exists", 409, () -> db.createIntegerAttribute(DB, C, "Title", false, null, null, null, false));
    }

    @Test
    void keysFollowTheIdRules() {
        assertError("general_argument_invalid", 400, () -> db.createStringAttribute(DB, C, "_secret", 10, false, null, false));
        assertError("general_argument_invalid", 400, () -> db.createStringAttribute(DB, C, "$id", 10, false, null, false));
        assertError("general_argument_invalid", 400, () -> db.createStringAttribute(DB, C, "a b", 10, false, null, false));
    }

    @Test
    void rowWidthIsLimitedAsOnAppwrite() {
        db.createStringAttribute(DB, C, "first", 16_000, false, null, false);

        assertError("attribute_limit_exceeded", 400,
                () -> db.createStringAttribute(DB, C, "second", 16_000, false, null, false));
        assertEquals(1, db.listAttributes(DB, C, List.of()).getTotal());
    }

    @Test
    void missingAttributeIsNotFound() {
        assertError("attribute_not_found", 404, () -> db.getAttribute(DB, C, "nope"));
        assertError("attribute_not_found", 404, () -> db.deleteAttribute(DB, C, "nope"));
    }

    @Test
    void attributeAddedToAPopulatedCollectionReadsBackNullOnExistingDocuments() {
        db.createStringAttribute(DB, C, "title", 10, false, null, false);
        db.createDocument(DB, C, "old", Map.of("title", "Old"), null);

        db.createIntegerAttribute(DB, C, "year", false, null, null, 2000L, false);

        assertNull(db.getDocument(DB, C, "old").get("year"));
        assertEquals(2000L, db.createDocument(DB, C, "new", Map.of("title", "New"), null).get("year"));
    }

    @Test
    void deletingAnAttributeRemovesItsData() {
        db.createStringAttribute(DB, C, "title", 10, false, null, false);
        db.createStringAttribute(DB, C, "secret", 10, false, null, false);
        db.createDocument(DB, C, "a", Map.of("title", "A", "secret", "s"), null);

        db.deleteAttribute(DB, C, "secret");

        assertEquals(Map.of("title", "A"), db.getDocument(DB, C, "a").getData());
        assertError("document_invalid_structure", 400,
                () -> db.createDocument(DB, C, "b", Map.of("title", "B", "secret", "s"), null));
        db.createStringAttribute(DB, C, "secret", 10, false, null, false);
        assertNull(db.getDocument(DB, C, "a").get("secret"));
    }

    @Test
    void newAttributeIsValidatedOnTheNextWrite() {
        db.createStringAttribute(DB, C, "title", 10, false, null, false);
        db.createDocument(DB, C, "a", Map.of("title", "A"), null);
        db.createIntegerAttribute(DB, C, "year", false, 0L, 10L, null, false);

        assertError("document_invalid_structure", 400, () -> db.createDocument(DB, C, "b", Map.of("year", 11), null));
    }

    @Test
    void attributesAreListedWithQueries() {
        db.createStringAttribute(DB, C, "a", 10, true, null, false);
        db.createIntegerAttribute(DB, C, "b", false, null, null, null, false);
        db.createStringAttribute(DB, C, "c", 10, false, null, true);

        AttributeList strings = db.listAttributes(DB, C, List.of(Query.equal("type", "string")));

        assertEquals(List.of("a", "c"), strings.getAttributes().stream().map(Attribute::getKey).toList());
        assertEquals(List.of("a"), db.listAttributes(DB, C, List.of(Query.equal("required", true)))
                .getAttributes().stream().map(Attribute::getKey).toList());
    }
}
