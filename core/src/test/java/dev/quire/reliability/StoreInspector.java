package dev.quire.reliability;

import dev.quire.permissions.Grant;
import dev.quire.permissions.Permissions;

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
import java.util.Set;

/**
 * Reads a closed Quire store file with plain JDBC, read-only, to check what the public API cannot see: that
 * every document row's {@code _permissions} array and its rows in the permission table say the same thing,
 * and that no permission row belongs to a missing document.
 *
 * <p>This knows Quire's table layout (metadata tables {@code quire_databases}/{@code quire_collections}, a
 * collection's {@code docs_<seq>} and {@code perms_<seq>}), which is deliberate: it is a test of that layout.
 * The store must be closed by Quire first (H2 allows one process, and this opens its own engine).
 */
final class StoreInspector {

    private StoreInspector() {
    }

    /** What the inspection found: the document ids, and every inconsistency, empty when there is none. */
    record Report(Set<String> documentIds, List<String> problems) {
    }

    static Report inspect(Path store, String databaseId, String collectionId) throws SQLException {
        String url = "jdbc:h2:file:" + store.toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            long seq = collectionSeq(connection, databaseId, collectionId);
            List<String> problems = new ArrayList<>();
            Map<Long, Set<Grant>> fromColumn = new HashMap<>();
            Set<String> ids = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT \"_seq\", \"_uid\", \"_permissions\" FROM \"docs_" + seq + "\"");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long doc = rows.getLong(1);
                    String uid = rows.getString(2);
                    if (!ids.add(uid)) {
                        problems.add("two rows for document " + uid);
                    }
                    List<String> permissions = new ArrayList<>();
                    for (Object permission : (Object[]) rows.getArray(3).getArray()) {
                        permissions.add((String) permission);
                    }
                    fromColumn.put(doc, new HashSet<>(Permissions.forDocument(permissions)));
                }
            }
            Map<Long, Set<Grant>> fromRows = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT \"_document\", \"_type\", \"_role\" FROM \"perms_" + seq + "\"");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Grant grant = Permissions.forDocument(List.of(rows.getString(2) + "(\"" + rows.getString(3) + "\")"))
                            .get(0);
                    fromRows.computeIfAbsent(rows.getLong(1), k -> new HashSet<>()).add(grant);
                }
            }
            for (Map.Entry<Long, Set<Grant>> document : fromColumn.entrySet()) {
                Set<Grant> rows = fromRows.getOrDefault(document.getKey(), Set.of());
                if (!rows.equals(document.getValue())) {
                    problems.add("document #" + document.getKey() + " says " + document.getValue()
                            + " but its permission rows are " + rows);
                }
            }
            for (Long orphan : fromRows.keySet()) {
                if (!fromColumn.containsKey(orphan)) {
                    problems.add("permission rows " + fromRows.get(orphan) + " for missing document #" + orphan);
                }
            }
            return new Report(ids, problems);
        }
    }

    private static long collectionSeq(Connection connection, String databaseId, String collectionId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.\"_seq\" FROM \"quire_collections\" c "
                + "JOIN \"quire_databases\" d ON c.\"_database\" = d.\"_seq\" WHERE d.\"_uid\" = ? AND c.\"_uid\" = ?")) {
            statement.setString(1, databaseId);
            statement.setString(2, collectionId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no collection " + databaseId + "/" + collectionId);
                }
                return rows.getLong(1);
            }
        }
    }
}
