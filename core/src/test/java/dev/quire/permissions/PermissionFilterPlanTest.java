package dev.quire.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quire.Databases;
import dev.quire.IndexType;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission filter of a caller's list is a condition on the row's own permission array: no subquery, no
 * second table, so H2 still reads the page through the index the filters choose and checks each candidate row
 * where it already is. (A correlated {@code EXISTS} on a permission table ran a subquery per row and made a
 * filtered page several times slower; an {@code IN (subquery)} materialises every permission row:
 * shared/reference/h2-measurements.md, benchmarks/RESULTS.md.)
 *
 * <p>The test needs no hook into Quire: it opens a file store, joins the same H2 database from a second
 * connection in this JVM (H2 shares an open file database within a process), records the statements Quire
 * runs with H2's query statistics, and asks H2 to EXPLAIN the ones that filter by permission.
 */
class PermissionFilterPlanTest {
    @TempDir
    Path dir;

    @Test
    void aCallersListFiltersOnTheRowThroughTheChosenIndex() throws SQLException {
        Path file = dir.resolve("plan");
        try (Databases root = Databases.open(file);
             // Quire opens its files through H2's retry: file system; a second connection joins with the same URL.
             Connection h2 = DriverManager.getConnection("jdbc:h2:retry:" + file.toAbsolutePath(), "sa", "")) {
            root.create("app", "App");
            root.createCollection("app", "movies", "Movies", List.of(), true, true);
            root.createIntegerAttribute("app", "movies", "year", false, null, null, null, false);
            root.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("year"), null, null);
            for (int i = 0; i < 60; i++) {
                root.createDocument("app", "movies", "m" + i, Map.of("year", 1900 + i % 3),
                        List.of(Permission.read(i % 2 == 0 ? Role.users() : Role.user("u" + i)),
                                Permission.update(Role.user("u" + i))));
            }
            try (Statement statement = h2.createStatement()) {
                statement.execute("ANALYZE");
                statement.execute("SET QUERY_STATISTICS TRUE");
            }
            Databases alice = root.as(Caller.user("alice").team("t1", "owner"));
            assertEquals(10, alice.listDocuments("app", "movies", List.of(Query.equal("year", 1901))).getTotal());
            alice.listDocuments("app", "movies", List.of(Query.greaterThan("year", 1900), Query.orderDesc("year")));

            List<String> statements = statementsFilteringByPermission(h2);
            assertTrue(statements.size() >= 3, () -> "expected pages and a count, recorded " + statements);
            for (String sql : statements) {
                assertFalse(sql.indexOf("SELECT", 1) >= 0, () -> "a subquery in " + sql);
                assertFalse(sql.contains(" JOIN "), () -> "a join in " + sql);
                String plan = explain(h2, sql);
                assertTrue(plan.contains("by_year"), () -> "the index on year is not used:\n" + plan);
                assertFalse(plan.contains("tableScan"), () -> "a table scan:\n" + plan);
            }
        }
    }

    private static List<String> statementsFilteringByPermission(Connection h2) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = h2.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (sql.startsWith("SELECT") && sql.contains("ARRAY_CONTAINS(d.\"_permissions\"")) {
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
