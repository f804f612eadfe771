package dev.quire.benchmarks;

import dev.quire.Databases;
import dev.quire.Schemas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What {@code @QuireTest(schema = "appwrite.json")} costs per test: a fresh in-memory store with a collection of
 * ten attributes and an index, then closed. The ways measured side by side:
 * <ul>
 *   <li>{@code SCHEMA_FILE}: what the extension does, {@code Databases.inMemory()} and {@code Schemas.apply};</li>
 *   <li>{@code API_CALLS}: the same schema through {@code create}, {@code createCollection} and ten
 *       {@code create…Attribute} calls, to separate reading and planning the file from the engine's work;</li>
 *   <li>{@code EMPTY_STORE}: {@code Databases.inMemory()} and close, the floor of any fresh store;</li>
 *   <li>{@code H2_EMPTY}: a bare H2 in-memory database opened and shut down, the floor under that;</li>
 *   <li>{@code H2_RUNSCRIPT}: cloning a store built once: a new H2 in-memory database replaying the
 *       {@code SCRIPT} of the built one (what a clone per test would cost before Quire opens it).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TestStoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class TestStoreBenchmark {
    /** A ten-attribute collection as an Appwrite CLI writes it, every attribute type Quire has. */
    static final String SCHEMA = """
            {"tablesDB": [{"$id": "app", "name": "App", "enabled": true}],
             "tables": [{"$id": "movies", "$permissions": ["read(\\"any\\")"], "databaseId": "app", "name": "Movies",
               "enabled": true, "rowSecurity": true, "columns": [
                 {"key": "title", "type": "string", "required": true, "array": false, "size": 255},
                 {"key": "year", "type": "integer", "required": false, "array": false, "min": 1888, "max": 2100},
                 {"key": "rating", "type": "double", "required": false, "array": false, "min": 0, "max": 10},
                 {"key": "released", "type": "datetime", "required": false, "array": false},
                 {"key": "genres", "type": "string", "required": false, "array": true, "size": 32},
                 {"key": "watched", "type": "boolean", "required": false, "array": false, "default": false},
                 {"key": "trailer", "type": "string", "required": false, "array": false, "format": "url"},
                 {"key": "contact", "type": "string", "required": false, "array": false, "format": "email"},
                 {"key": "rated", "type": "string", "required": false, "array": false, "format": "enum",
                  "elements": ["G", "PG", "PG-13", "R"]},
                 {"key": "runtime", "type": "integer", "required": false, "array": false, "min": 1, "max": 1000}],
               "indexes": [{"key": "by_year", "type": "key", "columns": ["year"], "orders": ["DESC"]}]}]}
            """;

    public enum Way { SCHEMA_FILE, API_CALLS, EMPTY_STORE, H2_EMPTY, H2_RUNSCRIPT }

    @Param
    public Way way;

    private byte[] schema;
    private List<String> script;

    @Setup(Level.Trial)
    public void prepare() throws IOException, SQLException {
        schema = SCHEMA.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (way == Way.H2_RUNSCRIPT) {
            Path directory = Files.createTempDirectory("quire-template");
            try (Databases template = Databases.open(directory.resolve("template"))) {
                Schemas.apply(template, new ByteArrayInputStream(schema), "appwrite.json");
            }
            script = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("template"), "sa", "");
                 ResultSet rows = connection.createStatement().executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
                while (rows.next()) {
                    script.add(rows.getString(1));
                }
            }
        }
    }

    @Benchmark
    public Object freshStore() throws SQLException {
        switch (way) {
            case SCHEMA_FILE -> {
                try (Databases db = Databases.inMemory()) {
                    Schemas.apply(db, new ByteArrayInputStream(schema), "appwrite.json");
                    return db;
                }
            }
            case API_CALLS -> {
                try (Databases db = Databases.inMemory()) {
                    apiCalls(db);
                    return db;
                }
            }
            case EMPTY_STORE -> {
                try (Databases db = Databases.inMemory()) {
                    return db;
                }
            }
            case H2_EMPTY -> {
                return h2(List.of());
            }
            case H2_RUNSCRIPT -> {
                return h2(script);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Object h2(List<String> statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("SHUTDOWN");
            return connection;
        }
    }

    static void apiCalls(Databases db) {
        db.create("app", "App");
        db.createCollection("app", "movies", "Movies", List.of("read(\"any\")"), true, true);
        db.createStringAttribute("app", "movies", "title", 255, true, null, false);
        db.createIntegerAttribute("app", "movies", "year", false, 1888L, 2100L, null, false);
        db.createFloatAttribute("app", "movies", "rating", false, 0.0, 10.0, null, false);
        db.createDatetimeAttribute("app", "movies", "released", false, null, false);
        db.createStringAttribute("app", "movies", "genres", 32, false, null, true);
        db.createBooleanAttribute("app", "movies", "watched", false, false, false);
        db.createUrlAttribute("app", "movies", "trailer", false, null, false);
        db.createEmailAttribute("app", "movies", "contact", false, null, false);
        db.createEnumAttribute("app", "movies", "rated", List.of("G", "PG", "PG-13", "R"), false, null, false);
        db.createIntegerAttribute("app", "movies", "runtime", false, 1L, 1000L, null, false);
        db.createIndex("app", "movies", "by_year", dev.quire.IndexType.KEY, List.of("year"), List.of("DESC"), null);
    }
}
