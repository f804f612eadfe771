package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quire.Databases;
import dev.quire.query.Query;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission filter of a list must probe the permission table's primary key (document, type, role) once
 * per candidate row; an {@code IN (subquery)} or a scan of the permission table is what makes a filtered page
 * thousands of times slower on H2 (shared/reference/h2-measurements.md).
 *
 * <p>The test needs no hook into Quire: it opens a file store, joins the same H2 database from a second
 * connection in this JVM (H2 shares an open file database within a process), records the statements Quire
 * runs with H2's query statistics, and asks H2 to EXPLAIN the ones that read the permission table.
 */
class PermissionFilterPlanTest {
    @TempDir
    Path dir;

    @Test
    void thePermissionFilterOfAListProbesThePermissionPrimaryKey() throws SQLException {
        Path file = dir.resolve("plan");
        try (Databases root = Databases.open(file);
             Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "")) {
            root.create("app", "App");
            root.createCollection("app", "movies", "Movies", List.of(), true, true);
            root.createIntegerAttribute("app", "movies", "year", false, null, null, null, false);
            for (int i = 0; i < 60; i++) {
                root.createDocument("app", "movies", "m" + i, Map.of("year", 1900 + i),
                        List.of(Permission.read(i % 2 == 0 ? Role.users() : Role.user("u" + i)),
                                Permission.update(Role.user("u" + i))));
            }
            try (Statement statement = h2.createStatement()) {
                statement.execute("ANALYZE");
                statement.execute("SET QUERY_STATISTICS TRUE");
            }
            Databases alice = root.as(Caller.user("alice").team("t1", "owner"));
            assertEquals(30, alice.listDocuments("app", "movies", List.of(Query.limit(25))).getTotal());
            alice.listDocuments("app", "movies", List.of(Query.greaterThan("year", 1930), Query.orderDesc("year")));

            String perms = permissionTable(h2);
            String primaryKey = primaryKeyOf(h2, perms);
            List<String> statements = statementsReading(h2, perms);
            assertTrue(statements.size() >= 3, () -> "expected pages and counts, recorded " + statements);
            Pattern probe = Pattern.compile("\"" + perms + "\" \"?[pP]\"?\\s*/\\* PUBLIC\\.\"?" + primaryKey
                    + "\"?: [^*]*\"_document\" = ");
            for (String sql : statements) {
                assertFalse(sql.toUpperCase().contains(" IN (SELECT"), () -> "IN (subquery) in " + sql);
                String plan = explain(h2, sql);
                assertTrue(probe.matcher(plan).find(), () -> "no primary key probe of " + perms + " in\n" + plan);
                assertFalse(plan.contains(perms + "\".tableScan"), () -> "scan of " + perms + " in\n" + plan);
            }
        }
    }

    private static String permissionTable(Connection h2) throws SQLException {
        try (Statement statement = h2.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_NAME LIKE 'perms\\_%'")) {
            assertTrue(rows.next(), "a permission table");
            String name = rows.getString(1);
            assertFalse(rows.next(), "one permission table");
            return name;
        }
    }

    private static String primaryKeyOf(Connection h2, String table) throws SQLException {
        try (PreparedStatement statement = h2.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                + "WHERE TABLE_NAME = ? AND INDEX_TYPE_NAME = 'PRIMARY KEY'")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "a primary key on " + table);
                return rows.getString(1);
            }
        }
    }

    private static List<String> statementsReading(Connection h2, String table) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = h2.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (sql.startsWith("SELECT") && sql.contains("\"" + table + "\"")) {
                    statements.add(sql);
                }
            }
        }
        return statements;
    }

    /** H2 explains a statement with its parameters unset; the plan does not depend on their values. */
    private static String explain(Connection h2, String sql) throws SQLException {
        try (PreparedStatement statement = h2.prepareStatement("EXPLAIN " + sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
