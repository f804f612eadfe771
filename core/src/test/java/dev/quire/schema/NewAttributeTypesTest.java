package dev.quire.schema;

import dev.quire.Attribute;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appwrite 1.9's attribute types: {@code varchar}, {@code text}, {@code mediumtext}, {@code longtext} and
 * {@code bigint}. Sources: Appwrite 1.9.6 tests/e2e/Services/Databases/Legacy/DatabasesStringTypesTest.php and
 * src/…/Attributes/{Varchar,Text,Mediumtext,Longtext,BigInt}/Create.php.
 */
class NewAttributeTypesTest {
    private Databases db;

    @BeforeEach
    void open() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "notes", "Notes");
    }

    @AfterEach
    void close() {
        db.close();
    }

    // testCreateVarcharAttribute, testGetVarcharAttribute
    @Test
    void aVarcharAttributeHasItsTypeAndSize() {
        Attribute varchar = db.createVarcharAttribute("app", "notes", "title", 255, false, null, false);
        Attribute smallest = db.createVarcharAttribute("app", "notes", "flag", 1, false, null, false);

        assertEquals("varchar", varchar.getType());
        assertEquals(255L, varchar.getSize());
        assertEquals(1L, smallest.getSize());
        assertEquals(varchar, db.getAttribute("app", "notes", "title"));
    }

    // testCreateVarcharAttributeFailures
    @Test
    void aVarcharSizeOutside1To16381IsAnArgumentError() {
        for (int size : new int[]{0, -10, 16_382}) {
            assertError("general_argument_invalid", 400,
                    "Invalid `size` param: Value must be a valid range between 1 and 16,381",
                    () -> db.createVarcharAttribute("app", "notes", "title", size, false, null, false));
        }
        // 16,381 passes the size check, but four bytes a character overflow MariaDB's 65,535-byte row with
        // Appwrite's internal columns, so Appwrite's row-width rule refuses it as it would on MariaDB.
        assertError("attribute_limit_exceeded", 400,
                () -> db.createVarcharAttribute("app", "notes", "title", 16_381, false, null, false));
        assertEquals(4_000L, db.createVarcharAttribute("app", "notes", "title", 4_000, false, null, false).getSize());
    }

    // testCreateVarcharAttributeFailures: the default must fit the size
    @Test
    void aVarcharDefaultLongerThanTheSizeIsRefused() {
        assertError("attribute_value_invalid", 400,
                () -> db.createVarcharAttribute("app", "notes", "title", 5, false, "this is way too long for the size", false));
        assertEquals(0, db.listAttributes("app", "notes", null).getTotal());
    }

    // testCreateTextAttribute, testCreateMediumtextAttribute, testCreateLongtextAttribute, testGet…Attribute
    @Test
    void theTextTypesHaveTheirNamesAndNoSizeField() {
        Attribute text = db.createTextAttribute("app", "notes", "body", false, "A longer default text value.", false);
        Attribute medium = db.createMediumtextAttribute("app", "notes", "medium", true, null, false);
        Attribute longest = db.createLongtextAttribute("app", "notes", "longest", false, null, true);

        assertEquals(List.of("text", "mediumtext", "longtext"),
                List.of(text.getType(), medium.getType(), longest.getType()));
        assertEquals("A longer default text value.", text.getDefault());
        assertTrue(medium.isRequired());
        assertTrue(longest.isArray());
        assertNull(text.getSize());
        assertTrue(!text.toMap().containsKey("size"), text.toJson());
    }

    // testCreateDocumentWithStringTypes, testCreateDocumentWithDefaultValues, testCreateDocumentFailures
    @Test
    void documentsHoldEachStringTypeWithDefaultsAndRequirements() {
        db.createVarcharAttribute("app", "notes", "title", 20, true, null, false);
        db.createTextAttribute("app", "notes", "body", false, "empty", false);
        db.createMediumtextAttribute("app", "notes", "tags", false, null, true);

        Document note = db.createDocument("app", "notes", "n1", Map.of("title", "Hello", "tags", List.of("a", "b")));

        assertEquals("Hello", note.getString("title"));
        assertEquals("empty", note.getString("body"));
        assertEquals(List.of("a", "b"), note.getList("tags", String.class));
        assertError("document_invalid_structure", 400, "Invalid document structure: Missing required attribute \"title\"",
                () -> db.createDocument("app", "notes", "n2", Map.of("body", "x")));
        assertError("document_invalid_structure", 400,
                () -> db.createDocument("app", "notes", "n2", Map.of("title", "x".repeat(21))));
    }

    @Test
    void aTextValueMayBeFarLongerThanAStringRowCouldHold() {
        db.createTextAttribute("app", "notes", "body", false, null, false);
        String body = "x".repeat(65_535);

        assertEquals(body, db.createDocument("app", "notes", "n1", Map.of("body", body)).getString("body"));
        assertError("document_invalid_structure", 400,
                () -> db.createDocument("app", "notes", "n2", Map.of("body", body + "x")));
    }

    // testUpdateVarcharAttribute … testUpdateLongtextAttribute
    @Test
    void updatesChangeDefaultsSizeAndKeyButNotTheType() {
        db.createVarcharAttribute("app", "notes", "title", 20, false, null, false);
        db.createTextAttribute("app", "notes", "body", false, null, false);
        db.createStringAttribute("app", "notes", "legacy", 20, false, null, false);

        Attribute title = db.updateVarcharAttribute("app", "notes", "title", false, "untitled", 40, "heading");
        Attribute body = db.updateTextAttribute("app", "notes", "body", false, "empty", null);

        assertEquals(40L, title.getSize());
        assertEquals("heading", title.getKey());
        assertEquals("untitled", title.getDefault());
        assertEquals("empty", body.getDefault());
        assertError("general_argument_invalid", 400,
                () -> db.updateVarcharAttribute("app", "notes", "heading", false, null, 16_382, null));
        assertError("attribute_type_invalid", 400,
                () -> db.updateVarcharAttribute("app", "notes", "legacy", false, null, null, null));
        assertError("attribute_type_invalid", 400,
                () -> db.updateMediumtextAttribute("app", "notes", "body", false, null, null));
        assertEquals("text", db.getAttribute("app", "notes", "body").getType());
    }

    @Test
    void fullTextAndKeyIndexesWorkOnTheStringTypes() {
        db.createTextAttribute("app", "notes", "body", false, null, false);
        db.createVarcharAttribute("app", "notes", "title", 100, false, null, false);
        db.createIndex("app", "notes", "body_search", IndexType.FULLTEXT, List.of("body"), null, null);
        db.createIndex("app", "notes", "by_title", IndexType.KEY, List.of("title"), null, null);
        db.createDocument("app", "notes", "n1", Map.of("title", "Up", "body", "balloons lift a house"));
        db.createDocument("app", "notes", "n2", Map.of("title", "Heat", "body", "a bank robbery"));

        assertEquals(List.of("n1"), ids(db.listDocuments("app", "notes", List.of(Query.search("body", "balloons")))));
        assertEquals(List.of("n2"), ids(db.listDocuments("app", "notes", List.of(Query.equal("title", "Heat")))));
    }

    @Test
    void aKeyIndexOnATextTypeNeedsALengthWithinTheIndexLimit() {
        db.createTextAttribute("app", "notes", "body", false, null, false);

        assertError("index_invalid", 400, "Index length is longer than the maximum: 768",
                () -> db.createIndex("app", "notes", "by_body", IndexType.KEY, List.of("body"), null, null));
        assertEquals(List.of(100), db.createIndex("app", "notes", "by_body", IndexType.KEY, List.of("body"), null,
                List.of(100)).getLengths());
    }

    // Attributes/BigInt/Create.php
    @Test
    void aBigintAttributeSpansTheLongRangeByDefault() {
        Attribute bigint = db.createBigIntAttribute("app", "notes", "views", false, null, null, null, false);

        assertEquals("bigint", bigint.getType());
        assertEquals(Long.MIN_VALUE, bigint.getMin());
        assertEquals(Long.MAX_VALUE, bigint.getMax());
        assertNull(bigint.getSize());
    }

    @Test
    void aBigintRangeAndDefaultAreChecked() {
        assertError("attribute_value_invalid", 400, "Minimum value must be lesser than maximum value",
                () -> db.createBigIntAttribute("app", "notes", "views", false, 10L, 1L, null, false));
        assertError("attribute_value_invalid", 400,
                () -> db.createBigIntAttribute("app", "notes", "views", false, 0L, 10L, 11L, false));
        assertEquals(0, db.listAttributes("app", "notes", null).getTotal());
    }

    // UDB 6.0.0 Validator/Structure: bigint values may be numeric strings, normalised to integers
    @Test
    void aBigintTakesNumbersAndNumericStringsAndReadsBackLong() {
        db.createBigIntAttribute("app", "notes", "views", false, null, null, null, false);
        db.createBigIntAttribute("app", "notes", "samples", false, null, null, null, true);

        Document note = db.createDocument("app", "notes", "n1",
                Map.of("views", "9007199254740993", "samples", List.of(1, "-2")));

        assertEquals(9_007_199_254_740_993L, note.getLong("views"));
        assertEquals(List.of(1L, -2L), note.getList("samples", Long.class));
        assertEquals(Long.MAX_VALUE, db.updateDocument("app", "notes", "n1", Map.of("views", Long.MAX_VALUE))
                .getLong("views"));
        assertEquals(List.of("n1"), ids(db.listDocuments("app", "notes",
                List.of(Query.greaterThan("views", 9_007_199_254_740_992L)))));
    }

    @Test
    void aBigintRefusesTextThatIsNotAnIntegerAndNumbersBeyondItsRange() {
        db.createBigIntAttribute("app", "notes", "views", false, 0L, 100L, null, false);
        db.createIntegerAttribute("app", "notes", "plain", false, null, null, null, false);

        for (Object bad : List.of("12.5", "ten", "99999999999999999999", 101L, "101")) {
            QuireException e = assertError("document_invalid_structure", 400,
                    () -> db.createDocument("app", "notes", "n1", Map.of("views", bad)));
            assertTrue(e.getMessage().contains("\"views\""), e.getMessage());
        }
        assertError("document_invalid_structure", 400,
                () -> db.createDocument("app", "notes", "n1", Map.of("plain", "5")));
        assertEquals(0, db.listDocuments("app", "notes", null).getTotal());
    }

    @Test
    void updateBigIntChangesTheBounds() {
        db.createBigIntAttribute("app", "notes", "views", false, 0L, 100L, null, false);

        Attribute updated = db.updateBigIntAttribute("app", "notes", "views", false, 5L, null, 1_000L, null);

        assertEquals(0L, updated.getMin());
        assertEquals(1_000L, updated.getMax());
        assertEquals(5L, updated.getDefault());
        assertError("attribute_type_invalid", 400,
                () -> db.updateIntegerAttribute("app", "notes", "views", false, null, null, null, null));
    }

    @Test
    void theNewTypesSurviveAReopenOfTheirStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        try (Databases file = Databases.open(directory.resolve("store"))) {
            file.create("app", "App");
            file.createCollection("app", "notes", "Notes");
            file.createVarcharAttribute("app", "notes", "title", 30, false, null, false);
            file.createLongtextAttribute("app", "notes", "body", false, null, false);
            file.createBigIntAttribute("app", "notes", "views", false, null, null, 7L, false);
        }
        try (Databases file = Databases.open(directory.resolve("store"))) {
            assertEquals(List.of("varchar", "longtext", "bigint"), file.listAttributes("app", "notes", null)
                    .getAttributes().stream().map(Attribute::getType).toList());
            assertEquals(7L, file.createDocument("app", "notes", "n1", Map.of("title", "x")).getLong("views"));
        }
    }

    private static List<String> ids(dev.quire.DocumentList list) {
        return list.getDocuments().stream().map(Document::getId).toList();
    }
}
