package dev.quire.schema;

import dev.quire.DataFiles;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.QuireException;
import dev.quire.Schemas;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.quire.QuireAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixtures and JSON lines: documents in Appwrite's shape, in and out of a store. */
class DataFilesTest {
    @TempDir
    Path directory;
    private final Databases db = Databases.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    private void movies(Databases target) {
        target.create("app", "App");
        target.createCollection("app", "movies", "Movies", List.of(Permission.read(Role.any())), true, true);
        target.createStringAttribute("app", "movies", "title", 100, true, null, false);
        target.createIntegerAttribute("app", "movies", "year", false, 1888L, 2100L, null, false);
        target.createCollection("app", "people", "People");
        target.createStringAttribute("app", "people", "name", 100, true, null, false);
    }

    private Path lines(String... lines) throws IOException {
        Path file = Files.createTempFile(directory, "in-", ".jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fixturesKeepIdsAndPermissionsAndAcceptTableIds() {
        movies(db);

        long loaded = DataFiles.load(db, json("""
                [{"$id": "up", "$databaseId": "app", "$collectionId": "movies", "$permissions": ["read(\\"user:a\\")"],
                  "$createdAt": "2001-01-01T00:00:00.000+00:00", "title": "Up", "year": 2009},
                 {"$id": "ann", "$databaseId": "app", "$tableId": "people", "name": "Ann"}]
                """), "fixtures.json");

        assertEquals(2, loaded);
        Document up = db.getDocument("app", "movies", "up");
        assertEquals(List.of("read(\"user:a\")"), up.getPermissions());
        assertEquals(2009L, up.get("year"));
        assertEquals("Ann", db.getDocument("app", "people", "ann").get("name"));
    }

    @Test
    void aFixtureWithoutItsCollectionIsNamed() {
        movies(db);

        QuireException e = assertError("general_argument_invalid", 400, () -> DataFiles.load(db,
                json("[{\"$id\": \"x\", \"$databaseId\": \"app\", \"title\": \"X\"}]"), "fixtures.json"));
        assertEquals("fixtures.json, document 1 needs \"$databaseId\" and \"$collectionId\" (or \"$tableId\")",
                e.getMessage());
    }

    @Test
    void exportThenImportRebuildsSchemaAndDocuments() {
        movies(db);
        for (int i = 0; i < 1200; i++) {
            db.createDocument("app", "movies", "m" + i, Map.of("title", "Movie " + i, "year", 1900 + i % 200),
                    List.of(Permission.read(Role.user("u" + i))));
        }
        db.createDocument("app", "people", "ann", Map.of("name", "Ann"), null);
        Path file = directory.resolve("out.jsonl");
        List<long[]> updates = new ArrayList<>();

        assertEquals(1201, DataFiles.exportLines(db, file, (done, total) -> updates.add(new long[]{done, total})));
        assertEquals(1201, updates.get(updates.size() - 1)[0]);
        assertEquals(1201, updates.get(0)[1]);

        try (Databases copy = Databases.inMemory()) {
            assertEquals(1201, DataFiles.importLines(copy, file, DataFiles.Progress.NONE));
            assertEquals(db.getCollection("app", "movies").getAttributes().size(),
                    copy.getCollection("app", "movies").getAttributes().size());
            Document original = db.getDocument("app", "movies", "m1111");
            Document imported = copy.getDocument("app", "movies", "m1111");
            assertEquals(original.getData(), imported.getData());
            assertEquals(original.getPermissions(), imported.getPermissions());
            assertEquals(1200, copy.listDocuments("app", "movies", null).getTotal());
        }
    }

    @Test
    void aCorruptLineStopsTheImportWithItsNumberBeforeAnythingIsWritten() throws IOException {
        movies(db);
        Path file = lines(
                "{\"$id\": \"a\", \"$databaseId\": \"app\", \"$collectionId\": \"movies\", \"title\": \"A\"}",
                "{\"$id\": \"b\", \"$databaseId\": \"app\", \"$collectionId\": \"movies\", \"title\": ",
                "{\"$id\": \"c\", \"$databaseId\": \"app\", \"$collectionId\": \"movies\", \"title\": \"C\"}");

        QuireException e = assertError("general_argument_invalid", 400,
                () -> DataFiles.importLines(db, file, DataFiles.Progress.NONE));
        assertTrue(e.getMessage().startsWith(file.getFileName() + " line 2 is not valid JSON"), e.getMessage());
        assertEquals(0, db.listDocuments("app", "movies", null).getTotal());
    }

    @Test
    void aRefusedDocumentLeavesItsCollectionAsItWas() throws IOException {
        movies(db);
        db.createDocument("app", "movies", "old", Map.of("title", "Old"), null);
        Path file = lines(
                "{\"$id\": \"ann\", \"$databaseId\": \"app\", \"$collectionId\": \"people\", \"name\": \"Ann\"}",
                "{\"$id\": \"a\", \"$databaseId\": \"app\", \"$collectionId\": \"movies\", \"title\": \"A\"}",
                "",
                "{\"$id\": \"b\", \"$databaseId\": \"app\", \"$collectionId\": \"movies\", \"title\": \"B\", \"year\": 3000}");

        QuireException e = assertError("document_invalid_structure", 400,
                () -> DataFiles.importLines(db, file, DataFiles.Progress.NONE));
        assertTrue(e.getMessage().startsWith(file.getFileName() + " line 4: "), e.getMessage());
        assertEquals(List.of("old"), db.listDocuments("app", "movies", null).getDocuments().stream()
                .map(Document::getId).toList());
        assertEquals(1, db.listDocuments("app", "people", null).getTotal(), "collections before it are written");
    }

    @Test
    void theSchemaLineIsAppliedBeforeTheDocuments() throws IOException {
        movies(db);
        Path schema = directory.resolve("schema.json");
        Schemas.export(db, schema);
        Path file = lines("{\"$schema\": " + Files.readString(schema).replace("\n", "") + "}",
                "{\"$id\": \"up\", \"$databaseId\": \"app\", \"$collectionId\": \"movies\", \"title\": \"Up\"}");

        try (Databases empty = Databases.inMemory()) {
            assertEquals(1, DataFiles.importLines(empty, file, DataFiles.Progress.NONE));
            assertEquals("Up", empty.getDocument("app", "movies", "up").get("title"));
        }
    }
}
