package dev.quire.schema;

import dev.quire.Attribute;
import dev.quire.Collection;
import dev.quire.Databases;
import dev.quire.Index;
import dev.quire.QuireException;
import dev.quire.Schemas;
import dev.quire.permissions.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code appwrite.json} files in both of the Appwrite CLI's forms, applied to and exported from a store. */
class SchemasTest {
    @TempDir
    Path directory;
    private final Databases db = Databases.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    private Path resource(String name) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = SchemasTest.class.getResourceAsStream("/schemas/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path file(String json) throws IOException {
        Path file = Files.createTempFile(directory, "appwrite-", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static Attribute attribute(Collection collection, String key) {
        return collection.getAttributes().stream().filter(a -> a.getKey().equals(key)).findFirst().orElseThrow();
    }

    private static Index index(Collection collection, String key) {
        return collection.getIndexes().stream().filter(i -> i.getKey().equals(key)).findFirst().orElseThrow();
    }

    private void assertStoreIsEmpty() {
        assertEquals(0, db.list(null).getTotal(), "nothing may be left of a refused file");
    }

    @Test
    void theLegacyCollectionsFormCreatesDatabasesCollectionsAttributesAndIndexes() throws IOException {
        Schemas.apply(db, resource("legacy-appwrite.json"));

        assertEquals("Library", db.get("library").getName());
        Collection books = db.getCollection("library", "books");
        assertEquals(List.of("read(\"any\")", "create(\"label:librarian\")", "update(\"label:librarian\")",
                "delete(\"label:librarian\")"), books.getPermissions());
        assertEquals(false, books.isDocumentSecurity());
        assertEquals(List.of("title", "authors", "pages", "rating", "available", "published", "genre", "website"),
                books.getAttributes().stream().map(Attribute::getKey).toList());
        assertEquals(255L, attribute(books, "title").getSize());
        assertTrue(attribute(books, "authors").isArray());
        assertEquals(1L, attribute(books, "pages").getMin());
        assertEquals(0.0, attribute(books, "rating").getDefault());
        assertEquals(true, attribute(books, "available").getDefault());
        assertEquals("datetime", attribute(books, "published").getType());
        assertEquals(List.of("fiction", "history", "science", "poetry"), attribute(books, "genre").getElements());
        assertEquals("url", attribute(books, "website").getFormat());
        assertEquals("fulltext", index(books, "title_search").getType());
        assertEquals(List.of("DESC", "DESC"), index(books, "by_published").getOrders());

        Collection reviews = db.getCollection("library", "reviews");
        assertTrue(reviews.isDocumentSecurity());
        assertEquals("email", attribute(reviews, "reviewer").getFormat());
        assertEquals("ip", attribute(reviews, "fromIp").getFormat());
        assertEquals("unique", index(reviews, "one_per_reader").getType());
        assertEquals(List.of("$createdAt"), index(reviews, "newest").getAttributes());
    }

    @Test
    void theTablesFormCreatesTheSameThingsUnderAppwrite18Names() throws IOException {
        Schemas.apply(db, resource("tables-appwrite.json"));

        Collection sightings = db.getCollection("notes", "sightings");
        assertTrue(sightings.isDocumentSecurity(), "rowSecurity is documentSecurity");
        assertEquals(List.of("create(\"users\")", "read(\"users\")"), sightings.getPermissions());
        assertEquals(8, sightings.getAttributes().size());
        assertEquals(-90.0, attribute(sightings, "latitude").getMin());
        assertEquals(1L, attribute(sightings, "count").getDefault());
        assertEquals(List.of("species", "seenAt"), index(sightings, "by_species").getAttributes(),
                "an index's columns are its attributes");
        assertEquals(List.of("forest", "wetland", "grassland", "coast"),
                attribute(db.getCollection("notes", "places"), "habitat").getElements());
        Collection places = db.getCollection("notes", "places");
        assertEquals("varchar", attribute(places, "code").getType());
        assertEquals(16L, attribute(places, "code").getSize());
        assertEquals("text", attribute(places, "description").getType());
        assertEquals("longtext", attribute(places, "history").getType());
        assertEquals("bigint", attribute(places, "visits").getType());
        assertEquals(0L, attribute(places, "visits").getDefault());
    }

    @Test
    void applyingAFileTwiceChangesNothing() throws IOException {
        Path file = resource("legacy-appwrite.json");
        Schemas.apply(db, file);
        Collection before = db.getCollection("library", "books");

        Schemas.apply(db, file);

        assertEquals(before, db.getCollection("library", "books"));
        assertEquals(before.getUpdatedAt(), db.getCollection("library", "books").getUpdatedAt());
    }

    @Test
    void anExportAppliedToAnEmptyStoreExportsTheSameFile() throws IOException {
        Schemas.apply(db, resource("legacy-appwrite.json"));
        Schemas.apply(db, resource("tables-appwrite.json"));
        Path first = directory.resolve("first.json");
        Schemas.export(db, first);

        try (Databases other = Databases.inMemory()) {
            Schemas.apply(other, first);
            Path second = directory.resolve("second.json");
            Schemas.export(other, second);
            assertEquals(Files.readString(first), Files.readString(second));
        }
    }

    @Test
    void theLegacyExportRoundTripsToo() throws IOException {
        Schemas.apply(db, resource("tables-appwrite.json"));
        Path legacy = directory.resolve("legacy.json");
        Schemas.export(db, legacy, Schemas.Form.COLLECTIONS);
        assertTrue(Files.readString(legacy).contains("\"documentSecurity\""));

        try (Databases other = Databases.inMemory()) {
            Schemas.apply(other, legacy);
            Path tables = directory.resolve("tables.json");
            Path again = directory.resolve("again.json");
            Schemas.export(db, tables);
            Schemas.export(other, again);
            assertEquals(Files.readString(tables), Files.readString(again));
        }
    }

    @Test
    void theExportNamesEveryTypeAsTheAppwriteCliDoes() throws IOException {
        Schemas.apply(db, resource("tables-appwrite.json"));
        Path out = directory.resolve("out.json");
        Schemas.export(db, out);

        String json = Files.readString(out);
        assertTrue(json.contains("\"tablesDB\""), json);
        assertTrue(json.contains("\"rowSecurity\" : true"), json);
        assertTrue(json.contains("\"type\" : \"double\""), json);
        assertTrue(json.contains("\"format\" : \"email\""), json);
    }

    @Test
    void anUnsupportedTypeIsNamedWithItsEntryAndNothingIsApplied() throws IOException {
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts", "attributes": [
                   {"key": "title", "type": "string", "size": 100},
                   {"key": "author", "type": "relationship", "relatedCollection": "users", "relationType": "manyToOne"}]}]}
                """);

        QuireException e = assertError("general_argument_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().contains("collection \"posts\" of database \"app\": attribute \"author\": the attribute "
                + "type \"relationship\" is not supported"), e.getMessage());
        assertStoreIsEmpty();
    }

    @Test
    void anUnknownTypeIsNamedWithItsEntry() throws IOException {
        Path file = file("""
                {"tablesDB": [{"$id": "app", "name": "App"}],
                 "tables": [{"$id": "posts", "databaseId": "app", "name": "Posts", "columns": [
                   {"key": "title", "type": "strin", "size": 100}]}]}
                """);

        QuireException e = assertError("general_argument_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().endsWith("table \"posts\" of database \"app\": column \"title\": unknown column type \"strin\""),
                e.getMessage());
        assertStoreIsEmpty();
    }

    @Test
    void aKeyDeclaredTwiceIsRefused() throws IOException {
        Path attributes = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts", "attributes": [
                   {"key": "title", "type": "string", "size": 100},
                   {"key": "Title", "type": "string", "size": 50}]}]}
                """);
        Path collections = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts"},
                                 {"$id": "posts", "databaseId": "app", "name": "Posts again"}]}
                """);
        Path jsonKeys = file("""
                {"databases": [{"$id": "app", "name": "App", "name": "Other"}]}
                """);

        assertTrue(assertError("general_argument_invalid", 400, () -> Schemas.apply(db, attributes)).getMessage()
                .endsWith("attribute \"Title\" is declared twice"));
        assertTrue(assertError("general_argument_invalid", 400, () -> Schemas.apply(db, collections)).getMessage()
                .endsWith("collection \"posts\" of database \"app\" is declared twice"));
        assertTrue(assertError("general_argument_invalid", 400, () -> Schemas.apply(db, jsonKeys)).getMessage()
                .contains("Duplicate Object property \"name\" (line 1"));
        assertStoreIsEmpty();
    }

    @Test
    void aCollectionOfAMissingDatabaseIsRefused() throws IOException {
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "blog", "name": "Posts"}]}
                """);

        QuireException e = assertError("general_argument_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().endsWith("collection \"posts\" of database \"blog\": the database \"blog\" is declared "
                + "neither in the file nor in the store"), e.getMessage());
        assertStoreIsEmpty();
    }

    @Test
    void invalidJsonIsReportedWithItsLine() throws IOException {
        Path file = file("{\n  \"databases\": [\n    {\"$id\": \"app\",, \"name\": \"App\"}\n  ]\n}\n");

        QuireException e = assertError("general_argument_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().contains("is not valid JSON") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void anIndexOverAnUndeclaredAttributeIsRefusedBeforeAnythingIsApplied() throws IOException {
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts",
                   "attributes": [{"key": "title", "type": "string", "size": 100}],
                   "indexes": [{"key": "by_year", "type": "key", "attributes": ["year"]}]}]}
                """);

        QuireException e = assertError("general_argument_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().endsWith("index \"by_year\" names the attribute \"year\", which the collection "
                + "does not have"), e.getMessage());
        assertStoreIsEmpty();
    }

    @Test
    void anAttributeThatContradictsTheStoreIsRefusedAndNothingIsApplied() throws IOException {
        db.create("app", "App");
        db.createCollection("app", "posts", "Posts");
        db.createStringAttribute("app", "posts", "title", 100, true, null, false);
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}, {"$id": "other", "name": "Other"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts",
                   "attributes": [{"key": "title", "type": "string", "size": 255, "required": true}]}]}
                """);

        QuireException e = assertError("general_argument_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().endsWith("attribute \"title\" differs from the store's: size 100 in the store, "
                + "255 in the file"), e.getMessage());
        assertError("database_not_found", 404, () -> db.get("other"));
    }

    @Test
    void whenTheStoreRefusesAnEntryMidwayWhatTheCallCreatedIsRemoved() throws IOException {
        db.create("app", "App");
        db.createCollection("app", "posts", "Posts");
        db.createStringAttribute("app", "posts", "slug", 100, false, null, false);
        db.createDocument("app", "posts", "a", Map.of("slug", "same"));
        db.createDocument("app", "posts", "b", Map.of("slug", "same"));
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}, {"$id": "more", "name": "More"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts",
                   "attributes": [{"key": "slug", "type": "string", "size": 100},
                                  {"key": "year", "type": "integer"}],
                   "indexes": [{"key": "unique_slug", "type": "unique", "attributes": ["slug"]}]}]}
                """);

        QuireException e = assertError("index_invalid", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().contains("index \"unique_slug\""), e.getMessage());
        assertError("database_not_found", 404, () -> db.get("more"));
        assertEquals(List.of("slug"), db.getCollection("app", "posts").getAttributes().stream()
                .map(Attribute::getKey).toList());
        assertEquals(2, db.listDocuments("app", "posts", null).getTotal());
    }

    @Test
    void anEntryTheStoreRefusesIsReportedWithItsName() throws IOException {
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts",
                   "attributes": [{"key": "title", "type": "string", "size": 100, "required": true, "default": "x"}]}]}
                """);

        QuireException e = assertError("attribute_default_unsupported", 400, () -> Schemas.apply(db, file));
        assertTrue(e.getMessage().contains("collection \"posts\" of database \"app\": attribute \"title\": "),
                e.getMessage());
        assertStoreIsEmpty();
    }

    @Test
    void collectionSettingsFollowTheFile() throws IOException {
        db.create("app", "App");
        db.createCollection("app", "posts", "Old name");
        Path file = file("""
                {"databases": [{"$id": "app", "name": "App"}],
                 "collections": [{"$id": "posts", "databaseId": "app", "name": "Posts", "documentSecurity": true,
                   "$permissions": ["read(\\"any\\")"]}]}
                """);

        Schemas.apply(db, file);

        Collection posts = db.getCollection("app", "posts");
        assertEquals("Posts", posts.getName());
        assertTrue(posts.isDocumentSecurity());
        assertEquals(List.of("read(\"any\")"), posts.getPermissions());
    }

    @Test
    void encryptedAndSpatialEntriesAreRefusedByName() throws IOException {
        Path encrypted = file("""
                {"tablesDB": [{"$id": "app", "name": "App"}],
                 "tables": [{"$id": "t", "databaseId": "app", "name": "T",
                   "columns": [{"key": "secret", "type": "string", "size": 200, "encrypt": true}]}]}
                """);
        Path spatial = file("""
                {"tablesDB": [{"$id": "app", "name": "App"}],
                 "tables": [{"$id": "t", "databaseId": "app", "name": "T",
                   "columns": [{"key": "name", "type": "string", "size": 200}],
                   "indexes": [{"key": "where", "type": "spatial", "columns": ["name"]}]}]}
                """);

        assertTrue(assertError("general_argument_invalid", 400, () -> Schemas.apply(db, encrypted)).getMessage()
                .endsWith("column \"secret\": encrypted columns are not supported by Quire"));
        assertTrue(assertError("general_argument_invalid", 400, () -> Schemas.apply(db, spatial)).getMessage()
                .endsWith("index \"where\": the index type \"spatial\" is not supported by Quire"));
        assertStoreIsEmpty();
    }

    @Test
    void aCallerViewMayNotApplyASchema() throws IOException {
        Path file = resource("legacy-appwrite.json");

        assertError("general_unauthorized_scope", 401, () -> Schemas.apply(db.as(Caller.user("u1")), file));
        assertStoreIsEmpty();
    }

    @Test
    void aMissingFileIsAClearError() {
        QuireException e = assertError("general_argument_invalid", 400,
                () -> Schemas.apply(db, directory.resolve("missing.json")));
        assertTrue(e.getMessage().startsWith("Cannot read "), e.getMessage());
    }
}
