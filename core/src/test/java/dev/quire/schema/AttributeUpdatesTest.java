package dev.quire.schema;

import dev.quire.Attribute;
import dev.quire.Databases;
import dev.quire.IndexType;
import dev.quire.QuireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The update*Attribute endpoints: Appwrite's parameters, rules and errors, one behaviour per test. */
class AttributeUpdatesTest {
    private static final String DB = "app";
    private static final String C = "things";
    private Databases db;

    @BeforeEach
    void create() {
        db = Databases.inMemory();
        db.create(DB, "App");
        db.createCollection(DB, C, "Things");
        db.createStringAttribute(DB, C, "name", 100, false, null, false);
        db.createIntegerAttribute(DB, C, "count", false, 0L, 10L, null, false);
        db.createFloatAttribute(DB, C, "ratio", false, 0.0, 1.0, null, false);
        db.createBooleanAttribute(DB, C, "flag", false, null, false);
        db.createEmailAttribute(DB, C, "email", false, null, false);
        db.createUrlAttribute(DB, C, "site", false, null, false);
        db.createIpAttribute(DB, C, "ip", false, null, false);
        db.createEnumAttribute(DB, C, "color", List.of("red", "green"), false, null, false);
        db.createDatetimeAttribute(DB, C, "when", false, null, false);
        db.createStringAttribute(DB, C, "tags", 20, false, null, true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void assertError(String type, int code, Executable call) {
        QuireException e = assertThrows(QuireException.class, call);
        assertEquals(type + "/" + code, e.getType() + "/" + e.getCode(), e.getMessage());
    }

    @Test
    void everyTypeTakesNewRequiredAndDefault() {
        assertEquals("x", db.updateStringAttribute(DB, C, "name", false, "x", null, null).getDefault());
        assertEquals(3L, db.updateIntegerAttribute(DB, C, "count", false, 3L, null, null, null).getDefault());
        assertEquals(0.5, db.updateFloatAttribute(DB, C, "ratio", false, 0.5, null, null, null).getDefault());
        assertEquals(true, db.updateBooleanAttribute(DB, C, "flag", false, true, null).getDefault());
        assertEquals("a@b.co", db.updateEmailAttribute(DB, C, "email", false, "a@b.co", null).getDefault());
        assertEquals("https://x.dev", db.updateUrlAttribute(DB, C, "site", false, "https://x.dev", null).getDefault());
        assertEquals("10.0.0.1", db.updateIpAttribute(DB, C, "ip", false, "10.0.0.1", null).getDefault());
        assertEquals("red", db.updateEnumAttribute(DB, C, "color", List.of("red", "blue"), false, "red", null).getDefault());
        assertEquals(List.of("red", "blue"), db.getAttribute(DB, C, "color").getElements());
        assertEquals(true, db.updateDatetimeAttribute(DB, C, "when", true, null, null).isRequired());
        Map<String, Object> created = db.createDocument(DB, C, "d", Map.of("when", "2024-01-01T00:00:00.000+00:00")).getData();
        assertEquals("x", created.get("name"));
        assertEquals(3L, created.get("count"));
        assertEquals("red", created.get("color"));
    }

    @Test
    void theUpdatedDefinitionIsWhatGetAndListReturn() {
        Attribute updated = db.updateStringAttribute(DB, C, "name", true, null, 300, null);
        assertEquals(updated, db.getAttribute(DB, C, "name"));
        assertEquals(300L, db.getAttribute(DB, C, "name").getSize());
        assertEquals(true, db.getCollection(DB, C).getAttributes().get(0).isRequired());
    }

    @Test
    void nullBoundsKeepTheCurrentOnes() {
        Attribute count = db.updateIntegerAttribute(DB, C, "count", false, null, null, 20L, null);
        assertEquals(0L, count.getMin());
        assertEquals(20L, count.getMax());
    }

    @Test
    void aDefaultOnARequiredAttributeIsRefused() {
        assertError("attribute_default_unsupported", 400, () -> db.updateStringAttribute(DB, C, "name", true, "x", null, null));
    }

    @Test
    void aDefaultOnAnArrayAttributeIsRefused() {
        assertError("attribute_default_unsupported", 400, () -> db.updateStringAttribute(DB, C, "tags", false, "x", null, null));
    }

    @Test
    void aMinimumAboveTheMaximumIsRefused() {
        assertError("attribute_value_invalid", 400, () -> db.updateIntegerAttribute(DB, C, "count", false, null, 11L, null, null));
    }

    @Test
    void aDefaultOutsideTheBoundsIsRefused() {
        assertError("attribute_value_invalid", 400, () -> db.updateFloatAttribute(DB, C, "ratio", false, 2.0, null, null, null));
    }

    @Test
    void enumElementsMustBeNonEmptyAndHoldTheDefault() {
        assertError("attribute_value_invalid", 400, () -> db.updateEnumAttribute(DB, C, "color", List.of(), false, null, null));
        assertError("attribute_value_invalid", 400, () -> db.updateEnumAttribute(DB, C, "color", List.of("red", ""), false, null, null));
        assertError("attribute_value_invalid", 400, () -> db.updateEnumAttribute(DB, C, "color", List.of("red"), false, "blue", null));
    }

    @Test
    void anInvalidDefaultForTheFormatIsRefused() {
        assertError("attribute_value_invalid", 400, () -> db.updateEmailAttribute(DB, C, "email", false, "not an email", null));
    }

    @Test
    void theEndpointMustMatchTheAttributesTypeAndFormat() {
        assertError("attribute_type_invalid", 400, () -> db.updateStringAttribute(DB, C, "count", false, null, null, null));
        assertError("attribute_type_invalid", 400, () -> db.updateStringAttribute(DB, C, "email", false, null, null, null));
        assertError("attribute_type_invalid", 400, () -> db.updateUrlAttribute(DB, C, "email", false, null, null));
    }

    @Test
    void aMissingAttributeIsNotFound() {
        assertError("attribute_not_found", 404, () -> db.updateBooleanAttribute(DB, C, "nope", false, null, null));
    }

    @Test
    void aSizeOutsideTheRangeIsRefused() {
        assertError("general_argument_invalid", 400, () -> db.updateStringAttribute(DB, C, "name", false, null, 1_073_741_825, null));
    }

    @Test
    void growingAnIndexedStringBeyondTheIndexLengthIsRefused() {
        db.createIndex(DB, C, "by_name", IndexType.KEY, List.of("name"), null, null);
        assertError("index_invalid", 400, () -> db.updateStringAttribute(DB, C, "name", false, null, 1000, null));
        assertEquals(100L, db.getAttribute(DB, C, "name").getSize());
        db.deleteIndex(DB, C, "by_name");
        db.createIndex(DB, C, "by_name", IndexType.KEY, List.of("name"), null, List.of(50));
        assertEquals(1000L, db.updateStringAttribute(DB, C, "name", false, null, 1000, null).getSize());
    }

    @Test
    void aRenameToAnInvalidKeyIsRefused() {
        assertError("general_argument_invalid", 400, () -> db.updateBooleanAttribute(DB, C, "flag", false, null, "$bad"));
    }

    @Test
    void aRenameToATakenKeyRegardlessOfCaseIsRefused() {
        assertError("attribute_already_exists", 409, () -> db.updateBooleanAttribute(DB, C, "flag", false, null, "Name"));
    }

    @Test
    void aRenameMovesTheValueAndFreesTheOldKey() {
        db.createDocument(DB, C, "d", Map.of("flag", true));
        Attribute renamed = db.updateBooleanAttribute(DB, C, "flag", false, null, "enabled");
        assertEquals("enabled", renamed.getKey());
        assertEquals(true, db.getDocument(DB, C, "d").get("enabled"));
        assertNull(db.getDocument(DB, C, "d").getData().get("flag"));
        assertError("attribute_not_found", 404, () -> db.getAttribute(DB, C, "flag"));
        db.createBooleanAttribute(DB, C, "flag", false, null, false);
    }

    @Test
    void aRenameCanChangeOnlyTheCase() {
        db.createDocument(DB, C, "d", Map.of("name", "n"));
        db.updateStringAttribute(DB, C, "name", false, null, null, "Name");
        assertEquals("n", db.getDocument(DB, C, "d").get("Name"));
    }

    @Test
    void makingAnAttributeRequiredKeepsDocumentsWithoutItReadable() {
        db.createDocument(DB, C, "d", new HashMap<>(Map.of("count", 1)));
        db.updateStringAttribute(DB, C, "name", true, null, null, null);
        assertNull(db.getDocument(DB, C, "d").get("name"));
        assertError("document_invalid_structure", 400, () -> db.updateDocument(DB, C, "d", Map.of("count", 2), null));
        db.updateDocument(DB, C, "d", Map.of("count", 2, "name", "now named"), null);
    }

    @Test
    void theRootHandleAloneMayChangeAttributes() {
        assertError("general_unauthorized_scope", 401, () -> db.as(dev.quire.permissions.Caller.user("u"))
                .updateBooleanAttribute(DB, C, "flag", false, null, null));
    }
}
