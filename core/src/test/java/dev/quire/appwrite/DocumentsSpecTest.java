package dev.quire.appwrite;

import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import dev.quire.query.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Documents as Appwrite's e2e tests specify them (Appwrite 1.8.1, tests/e2e/Services/Databases/Legacy/
 * DatabasesBase.php and DatabasesCustomServerTest.php; payload rules from
 * src/Appwrite/Platform/Modules/Databases/Http/Databases/Collections/Documents/{Create,Upsert}.php).
 */
class DocumentsSpecTest {
    private static final String CREATE_DATE = "2000-01-01T10:00:00.000+00:00";
    private static final String UPDATE_DATE = "2000-02-01T15:30:00.000+00:00";
    private static final String DATE_3 = "2000-03-01T20:45:00.000+00:00";
    private static final List<String> ANYONE = List.of(Permission.read(Role.any()), Permission.write(Role.any()));

    private Databases db;

    @BeforeEach
    void open() {
        db = Databases.inMemory();
        db.create("app", "App");
        db.createCollection("app", "dates", "normal_date_operations", ANYONE, true, true);
        db.createStringAttribute("app", "dates", "string", 128, false, null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    // Documents/Create.php: empty data is document_missing_data
    @Test
    void creatingWithEmptyDataIsMissingData() {
        assertError("document_missing_data", 400, "The document data is missing. Try again with document data populated",
                () -> db.createDocument("app", "dates", "doc1", Map.of(), ANYONE));
        assertEquals(0, db.listDocuments("app", "dates", null).getTotal());
    }

    // Documents/Upsert.php: empty data without permissions is document_missing_payload
    @Test
    void upsertingWithNeitherDataNorPermissionsIsMissingPayload() {
        assertError("document_missing_payload", 400, () -> db.upsertDocument("app", "dates", "doc1", Map.of(), null));
        assertEquals(0, db.listDocuments("app", "dates", null).getTotal());
    }

    // DatabasesBase::testListDocuments with total=false
    @Test
    void aDocumentListWithoutItsTotalReportsZero() {
        db.createDocument("app", "dates", "doc1", Map.of("string", "a"), ANYONE);

        assertEquals(0, db.listDocuments("app", "dates", List.of(Query.limit(1)), false).getTotal());
        assertEquals(1, db.listDocuments("app", "dates", List.of(Query.limit(1)), false).getDocuments().size());
    }

    // DatabasesCustomServerTest::testDateTimeDocument
    @Test
    void anApiKeySetsCreatedAtAndUpdatedAtIsNow() {
        Document doc = db.createDocument("app", "dates", "doc2", Map.of("$createdAt", CREATE_DATE), ANYONE);

        assertEquals(CREATE_DATE, doc.getCreatedAt());
        assertNotEquals(CREATE_DATE, doc.getUpdatedAt());
        assertEquals(CREATE_DATE, db.getDocument("app", "dates", "doc2").getCreatedAt());
    }

    // DatabasesCustomServerTest::testSingleDocumentDateOperations, tests 1 and 2
    @Test
    void createWithCustomDatesThenUpdateWithCustomUpdatedAt() {
        Document doc1 = db.createDocument("app", "dates", "doc1", Map.of("string", "initial", "$createdAt", CREATE_DATE),
                ANYONE);
        Document updated = db.updateDocument("app", "dates", "doc1",
                Map.of("string", "updated", "$updatedAt", UPDATE_DATE));
        Document doc2 = db.createDocument("app", "dates", "doc2",
                Map.of("string", "both_dates", "$createdAt", CREATE_DATE, "$updatedAt", UPDATE_DATE), ANYONE);

        assertNotEquals(CREATE_DATE, doc1.getUpdatedAt());
        assertEquals(CREATE_DATE, updated.getCreatedAt());
        assertEquals(UPDATE_DATE, updated.getUpdatedAt());
        assertEquals(CREATE_DATE, doc2.getCreatedAt());
        assertEquals(UPDATE_DATE, doc2.getUpdatedAt());
        assertEquals(updated, db.getDocument("app", "dates", "doc1"));
    }

    // DatabasesCustomServerTest::testSingleDocumentDateOperations, tests 3 to 7
    @Test
    void updatesSetEitherDateAndNullMeansNotGiven() {
        Document doc4 = db.createDocument("app", "dates", "doc4", Map.of("string", "initial"), ANYONE);
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("string", "updated");
        nulls.put("$createdAt", null);
        nulls.put("$updatedAt", null);

        Document afterNulls = db.updateDocument("app", "dates", "doc4", nulls);
        Document both = db.updateDocument("app", "dates", "doc4",
                Map.of("string", "final", "$createdAt", CREATE_DATE, "$updatedAt", UPDATE_DATE));
        Document onlyCreated = db.updateDocument("app", "dates", "doc4", Map.of("string", "x", "$createdAt", DATE_3));

        assertEquals(doc4.getCreatedAt(), afterNulls.getCreatedAt());
        assertEquals(CREATE_DATE, both.getCreatedAt());
        assertEquals(UPDATE_DATE, both.getUpdatedAt());
        assertEquals(DATE_3, onlyCreated.getCreatedAt());
        assertNotEquals(UPDATE_DATE, onlyCreated.getUpdatedAt());
    }

    // DatabasesCustomServerTest::testUpsertDateOperations
    @Test
    void upsertsKeepCustomDatesOnCreateAndOnReplace() {
        Document created = db.upsertDocument("app", "dates", "u1",
                Map.of("string", "a", "$createdAt", CREATE_DATE, "$updatedAt", UPDATE_DATE), ANYONE);
        Document replaced = db.upsertDocument("app", "dates", "u1", Map.of("string", "b", "$updatedAt", DATE_3), null);

        assertEquals(CREATE_DATE, created.getCreatedAt());
        assertEquals(UPDATE_DATE, created.getUpdatedAt());
        assertEquals(CREATE_DATE, replaced.getCreatedAt());
        assertEquals(DATE_3, replaced.getUpdatedAt());
    }

    // Documents/Action.php removableAttributes: only API keys and privileged users keep the timestamps
    @Test
    void aCallerCannotSetTheTimestamps() {
        Databases alice = db.as(Caller.user("alice"));
        db.updateCollection("app", "dates", "dates", List.of(Permission.create(Role.users()),
                Permission.update(Role.users()), Permission.read(Role.users())), true, true);

        Document doc = alice.createDocument("app", "dates", "a1", Map.of("string", "a", "$createdAt", CREATE_DATE));
        Document updated = alice.updateDocument("app", "dates", "a1", Map.of("string", "b", "$updatedAt", UPDATE_DATE));

        assertNotEquals(CREATE_DATE, doc.getCreatedAt());
        assertNotEquals(UPDATE_DATE, updated.getUpdatedAt());
    }

    @Test
    void aTimestampThatIsNotADatetimeIsRefused() {
        assertError("document_invalid_structure", 400,
                "Invalid document structure: Attribute \"$createdAt\" has invalid format. Value must be valid date.",
                () -> db.createDocument("app", "dates", "bad", Map.of("string", "a", "$createdAt", "yesterday"), ANYONE));
        assertError("document_invalid_structure", 400,
                () -> db.createDocument("app", "dates", "bad", Map.of("string", "a", "$updatedAt", 5), ANYONE));
        assertEquals(0, db.listDocuments("app", "dates", null).getTotal());
    }

    // DatabasesBase::testCreateDocument: datetimes with an offset or a zone name are stored in UTC
    @Test
    void datetimeInputFormsAreStoredInUtc() {
        db.createDatetimeAttribute("app", "dates", "birthDay", false, null, false);

        Document plus2 = db.createDocument("app", "dates", "d1", Map.of("birthDay", "1975-06-12 14:12:55+02:00"));
        Document newYork = db.createDocument("app", "dates", "d2", Map.of("birthDay", "1975-06-12 14:12:55 America/New_York"));
        Map<String, Object> none = new HashMap<>();
        none.put("birthDay", null);
        Document missing = db.createDocument("app", "dates", "d3", none);

        assertEquals("1975-06-12T12:12:55.000+00:00", plus2.getString("birthDay"));
        assertEquals("1975-06-12T18:12:55.000+00:00", newYork.getString("birthDay"));
        assertNull(missing.getString("birthDay"));
    }

    // DatabasesBase::testPersistentCreatedAt (server side): an update keeps $createdAt unless an API key sets it
    @Test
    void anUpdateKeepsCreatedAtAndAnApiKeyMayRewriteBothInAppwritesOtherForms() {
        Document created = db.createDocument("app", "dates", "p1", Map.of("string", "Creation Date Test"), ANYONE);

        Document updated = db.updateDocument("app", "dates", "p1", Map.of("string", "Updated Date Test"));
        Document rewritten = db.updateDocument("app", "dates", "p1", Map.of("string", "Again Updated Date Test",
                "$createdAt", "2022-08-01 13:09:23.040", "$updatedAt", "2022-08-01 13:09:23.050"));

        assertEquals(created.getCreatedAt(), updated.getCreatedAt());
        assertEquals("2022-08-01T13:09:23.040+00:00", rewritten.getCreatedAt());
        assertEquals("2022-08-01T13:09:23.050+00:00", rewritten.getUpdatedAt());
    }

    // DatabasesBase::testUpdatePermissionsWithEmptyPayload
    @Test
    void anUpdateWithOnlyPermissionsReplacesThem() {
        db.createDocument("app", "dates", "e1", Map.of("string", "Captain America"),
                List.of(Permission.read(Role.any()), Permission.update(Role.any()), Permission.delete(Role.any())));

        Document readOnly = db.updateDocument("app", "dates", "e1", null, List.of(Permission.read(Role.user("u1"))));
        Document mutations = db.updateDocument("app", "dates", "e1", null,
                List.of(Permission.update(Role.user("u1")), Permission.delete(Role.user("u1"))));

        assertEquals(List.of(Permission.read(Role.user("u1"))), readOnly.getPermissions());
        assertEquals(List.of(Permission.update(Role.user("u1")), Permission.delete(Role.user("u1"))),
                mutations.getPermissions());
        assertEquals("Captain America", mutations.getString("string"));
    }
}
