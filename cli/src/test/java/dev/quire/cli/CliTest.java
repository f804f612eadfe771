package dev.quire.cli;

import dev.quire.Databases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command run in this JVM through {@link Main#run}; {@link CliProcessTest} runs them as a program. */
class CliTest {
    @TempDir
    Path directory;
    private Path schema;
    private String store;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void schemaFile() throws IOException {
        schema = directory.resolve("appwrite.json");
        try (InputStream in = CliTest.class.getResourceAsStream("/appwrite.json")) {
            Files.copy(in, schema);
        }
        store = directory.resolve("data/app.mv.db").toString();
    }

    private void movies() throws IOException {
        assertEquals(0, run("schema", "apply", store, schema.toString()).status());
        Path lines = directory.resolve("movies.jsonl");
        Files.write(lines, List.of(
                "{\"$id\":\"up\",\"$databaseId\":\"app\",\"$collectionId\":\"movies\",\"title\":\"Up\",\"year\":2009,\"genres\":[\"animation\"]}",
                "{\"$id\":\"avatar\",\"$databaseId\":\"app\",\"$collectionId\":\"movies\",\"title\":\"Avatar\",\"year\":2009}",
                "{\"$id\":\"alien\",\"$databaseId\":\"app\",\"$tableId\":\"movies\",\"title\":\"Alien\",\"year\":1979}"));
        Run imported = run("import", store, lines.toString());
        assertEquals(0, imported.status(), imported.err());
        assertEquals("imported 3 documents from " + lines + "\n", imported.out());
    }

    @Test
    void inspectShowsDatabasesCollectionsAttributesIndexesCountsAndSize() throws IOException {
        movies();

        Run inspect = run("inspect", store);

        assertEquals(0, inspect.status(), inspect.err());
        String out = inspect.out();
        assertTrue(out.startsWith(store + "  "), out);
        assertTrue(out.contains("database app \"App\""), out);
        assertTrue(out.contains("  collection movies \"Movies\"  3 documents  documentSecurity"), out);
        assertTrue(out.contains("    attribute title string(255)  required"), out);
        assertTrue(out.contains("    attribute genres string(32)[]"), out);
        assertTrue(out.contains("    attribute rated enum  elements G|PG|PG-13|R"), out);
        assertTrue(out.contains("    index by_year key(year DESC)"), out);
        assertEquals("", inspect.err());
    }

    @Test
    void queryTakesEitherSyntaxAndPrintsATableOrJson() throws IOException {
        movies();

        Run table = run("query", store, "app", "movies", "equal(\"year\", [2009])", "orderAsc(\"title\")");
        assertEquals(0, table.status(), table.err());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("$id     title   year  rating"), lines.get(0));
        assertTrue(lines.get(2).startsWith("avatar  Avatar  2009"), lines.get(2));
        assertTrue(lines.get(3).contains("[animation]"), lines.get(3));
        assertEquals("2 of 2 documents", lines.get(lines.size() - 1));

        Run json = run("query", store, "app", "movies", "{\"method\":\"lessThan\",\"attribute\":\"year\",\"values\":[2000]}",
                "--json");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().startsWith("{\"total\":1,\"documents\":[{\"$id\":\"alien\","), json.out());
    }

    @Test
    void exportThenImportCopiesSchemaAndDocumentsQuietlyWhenPiped() throws IOException {
        movies();
        Path file = directory.resolve("all.jsonl");

        Run export = run("export", store, file.toString());
        assertEquals(0, export.status(), export.err());
        assertEquals("", export.err(), "no progress bar without a terminal");
        assertEquals(4, Files.readAllLines(file).size(), "a schema line and three documents");

        String copy = directory.resolve("copy.mv.db").toString();
        Run imported = run("import", copy, file.toString());
        assertEquals(0, imported.status(), imported.err());
        try (Databases db = Databases.open(StoreFiles.base(copy))) {
            assertEquals(10, db.getCollection("app", "movies").getAttributes().size());
            assertEquals("Alien", db.getDocument("app", "movies", "alien").get("title"));
        }
    }

    @Test
    void aCorruptLineIsReportedWithItsNumberAndNothingIsImported() throws IOException {
        movies();
        Path lines = directory.resolve("bad.jsonl");
        Files.write(lines, List.of(
                "{\"$id\":\"jaws\",\"$databaseId\":\"app\",\"$collectionId\":\"movies\",\"title\":\"Jaws\"}",
                "{\"$id\":\"heat\",\"$databaseId\":\"app\",\"$collectionId\":\"movies\",\"title\":"));

        Run run = run("import", store, lines.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("quire: bad.jsonl line 2 is not valid JSON"), run.err());
        assertEquals(1, run.err().lines().count());
        assertTrue(run("query", store, "app", "movies", "equal(\"$id\", \"jaws\")").out().endsWith("0 of 0 documents\n"));
    }

    @Test
    void schemaExportWritesAFileThatApplies() throws IOException {
        movies();
        Path legacy = directory.resolve("legacy.json");

        assertEquals(0, run("schema", "export", store, legacy.toString(), "--legacy").status());

        assertTrue(Files.readString(legacy).contains("\"collections\""));
        assertEquals(0, run("schema", "apply", directory.resolve("other").toString(), legacy.toString()).status());
        assertEquals(0, run("schema", "apply", store, legacy.toString()).status(), "applying again changes nothing");
    }

    @Test
    void backupWritesACopyThatOpens() throws IOException {
        movies();
        String copy = directory.resolve("backups/app-copy.mv.db").toString();

        Run backup = run("backup", store, copy);

        assertEquals(0, backup.status(), backup.err());
        try (Databases db = Databases.open(StoreFiles.base(copy))) {
            assertEquals(3, db.listDocuments("app", "movies", null).getTotal());
        }
        Run again = run("backup", store, copy);
        assertEquals(1, again.status());
        assertEquals(1, again.err().lines().count(), again.err());
    }

    @Test
    void errorsAreOneLineWithoutAStackTraceUnlessVerbose() throws IOException {
        movies();

        Run missing = run("inspect", directory.resolve("nothing.mv.db").toString());
        assertEquals(1, missing.status());
        assertEquals("quire: no Quire store at " + directory.resolve("nothing.mv.db") + "\n", missing.err());
        assertFalse(Files.exists(directory.resolve("nothing.mv.db")), "looking must not create a store");

        Run badQuery = run("query", store, "app", "movies", "equal(\"nope\", [1])");
        assertEquals(1, badQuery.status());
        assertEquals(1, badQuery.err().lines().count(), badQuery.err());
        assertTrue(badQuery.err().startsWith("quire: Invalid query: "), badQuery.err());

        Run verbose = run("query", store, "app", "movies", "equal(\"nope\", [1])", "--verbose");
        assertTrue(verbose.err().contains("\tat dev.quire."), verbose.err());

        Run usage = run("query", store);
        assertEquals(2, usage.status());
        assertEquals(1, usage.err().lines().count(), usage.err());
        assertTrue(usage.err().endsWith("(see: quire query --help)\n"), usage.err());
    }
}
