package dev.quire.reliability;

import dev.quire.Attribute;
import dev.quire.Collection;
import dev.quire.Database;
import dev.quire.Databases;
import dev.quire.Document;
import dev.quire.Index;
import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema changes under {@code SIGKILL}: a child process ({@link SchemaChanger}) creates and deletes databases,
 * collections, attributes and indexes (and writes documents) as fast as it can, and is killed after a random
 * number of changes, a fraction of a millisecond into the next one. All rounds use one file. After each kill the
 * store must open, and then:
 * <ul>
 *   <li>its tables agree with its metadata, read with plain JDBC from the closed file: every collection has its
 *       document table with exactly its attributes' columns, its key and unique indexes and no others, a table
 *       for each full-text index, and no table belongs to a collection that does not exist;</li>
 *   <li>every collection works: a document holding every attribute is created, found through an {@code equal}
 *       query on each attribute (so through each index), and deleted (a collection without attributes, where a
 *       document would need data, is listed).</li>
 * </ul>
 * {@code -Dquire.schema.crash.rounds=100} runs more rounds (default 5); {@code -Dquire.schema.crash.seed=N}
 * repeats a run.
 */
class SchemaCrashTest {
    private static final int ROUNDS = Integer.getInteger("quire.schema.crash.rounds", 5);
    private static final Set<String> SYSTEM_COLUMNS = Set.of("_seq", "_uid", "_uid_key", "_createdAt", "_updatedAt",
            "_permissions");

    @TempDir
    Path temp;

    private final List<String> problems = new ArrayList<>();

    @Test
    void aKillDuringAnySchemaChangeLeavesTablesThatAgreeWithTheMetadata() throws Exception {
        long seed = Long.getLong("quire.schema.crash.seed", ThreadLocalRandom.current().nextLong());
        Random random = new Random(seed);
        Path store = temp.resolve("schema");
        long changes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            changes += runAndKill(store, random, round);
            checkUsable(store, round);
            checkTables(store, round);
        }
        String summary = String.format("schema crash safety: seed=%d rounds=%d changes=%d problems=%d", seed, ROUNDS,
                changes, problems.size());
        System.out.println(summary);
        assertTrue(problems.isEmpty(), summary + "\n" + String.join("\n", problems.subList(0, Math.min(50, problems.size()))));
        assertTrue(changes > 0, "the child never began a change");
    }

    /** Starts the child, kills it after a random number of begun changes, and returns that number. */
    private int runAndKill(Path store, Random random, int round) throws Exception {
        Path stderr = temp.resolve("changer-" + round + ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), SchemaChanger.class.getName(),
                store.toString(), Long.toString(random.nextLong()))
                .redirectError(stderr.toFile())
                .start();
        CountDownLatch ready = new CountDownLatch(1);
        Semaphore begun = new Semaphore(0);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else {
                        begun.release();
                    }
                }
            } catch (IOException e) {
                // the pipe closes with the process
            }
        });
        reader.start();
        int target = random.nextInt(120);
        try {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not start: " + Files.readString(stderr));
            }
            begun.tryAcquire(target, 60, TimeUnit.SECONDS);
            Thread.sleep(random.nextInt(3));
            if (!process.isAlive()) {
                throw new AssertionError("the child ended before it was killed: " + Files.readString(stderr));
            }
        } finally {
            process.toHandle().destroyForcibly();
            process.waitFor();
            reader.join(10_000);
        }
        return target;
    }

    /** Opens the store (which repairs it) and uses every collection through the API. */
    private void checkUsable(Path store, int round) {
        try (Databases db = Databases.open(store)) {
            for (Database database : db.list(List.of()).getDatabases()) {
                for (Collection collection : db.listCollections(database.getId(), List.of()).getCollections()) {
                    use(db, database.getId(), collection, round);
                }
            }
        } catch (QuireException e) {
            problems.add("round " + round + ": the store fails: " + e);
        }
    }

    private void use(Databases db, String database, Collection collection, int round) {
        String where = "round " + round + ", " + database + "/" + collection.getId();
        Map<String, Object> data = new HashMap<>();
        for (Attribute attribute : collection.getAttributes()) {
            data.put(attribute.getKey(), attribute.getType().equals("integer") ? (Object) 4242L : "probe");
        }
        try {
            if (data.isEmpty()) {
                // No attributes: a document needs data, so reading the collection's table is all there is to use.
                db.listDocuments(database, collection.getId(), List.of(Query.limit(1)));
                return;
            }
            Document created = db.createDocument(database, collection.getId(), "unique()", data, null);
            for (String key : data.keySet()) {
                List<Document> found = db.listDocuments(database, collection.getId(),
                        List.of(Query.equal(key, data.get(key)), Query.limit(100))).getDocuments();
                if (found.stream().noneMatch(d -> d.getId().equals(created.getId()))) {
                    problems.add(where + ": equal(" + key + ") does not find the probe");
                }
            }
            for (Index index : collection.getIndexes()) {
                if (index.getType().equals(IndexType.FULLTEXT.value()) && index.getAttributes().size() == 1
                        && "probe".equals(data.get(index.getAttributes().get(0)))) {
                    List<Document> found = db.listDocuments(database, collection.getId(),
                            List.of(Query.search(index.getAttributes().get(0), "probe"), Query.limit(100))).getDocuments();
                    if (found.stream().noneMatch(d -> d.getId().equals(created.getId()))) {
                        problems.add(where + ": search(" + index.getAttributes().get(0) + ") does not find the probe");
                    }
                }
            }
            db.deleteDocument(database, collection.getId(), created.getId());
        } catch (QuireException e) {
            // A unique index may already hold the probe's values from an earlier round: that refusal is correct.
            if (!e.getType().equals("document_already_exists")) {
                problems.add(where + ": " + e);
            }
        }
    }

    /** Reads the closed file with plain JDBC and compares tables, columns and indexes with the metadata. */
    private void checkTables(Path store, int round) throws SQLException {
        String url = "jdbc:h2:file:" + store.toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            Set<String> tables = strings(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND (TABLE_NAME LIKE 'docs%' OR TABLE_NAME LIKE 'fts%')");
            Set<String> expectedTables = new TreeSet<>();
            for (long seq : longs(connection, "SELECT \"_seq\" FROM \"quire_collections\"")) {
                String table = "docs_" + seq;
                expectedTables.add(table);
                Set<String> attributes = strings(connection,
                        "SELECT \"key\" FROM \"quire_attributes\" WHERE \"_collection\" = " + seq);
                Set<String> columns = strings(connection, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "'");
                columns.removeAll(SYSTEM_COLUMNS);
                compare(round, table + " columns", attributes, columns);
                Set<String> indexes = strings(connection, "SELECT \"_sqlName\" FROM \"quire_indexes\" "
                        + "WHERE \"_collection\" = " + seq + " AND \"type\" <> 'fulltext'");
                Set<String> built = strings(connection, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "' AND INDEX_NAME LIKE '%\\_idx\\_%'");
                compare(round, table + " indexes", indexes, built);
                expectedTables.addAll(strings(connection, "SELECT \"_sqlName\" FROM \"quire_indexes\" "
                        + "WHERE \"_collection\" = " + seq + " AND \"type\" = 'fulltext'"));
            }
            compare(round, "tables", expectedTables, tables);
            Set<Long> orphans = longs(connection, "SELECT \"_seq\" FROM \"quire_collections\" c WHERE NOT EXISTS "
                    + "(SELECT 1 FROM \"quire_databases\" d WHERE d.\"_seq\" = c.\"_database\")");
            if (!orphans.isEmpty()) {
                problems.add("round " + round + ": collections without a database: " + orphans);
            }
        }
    }

    private void compare(int round, String what, Set<String> expected, Set<String> actual) {
        if (!new TreeSet<>(expected).equals(new TreeSet<>(actual))) {
            problems.add("round " + round + ": " + what + ": metadata says " + new TreeSet<>(expected) + ", H2 holds "
                    + new TreeSet<>(actual));
        }
    }

    private static Set<String> strings(Connection connection, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Set<Long> longs(Connection connection, String sql) throws SQLException {
        Set<Long> values = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }
}
