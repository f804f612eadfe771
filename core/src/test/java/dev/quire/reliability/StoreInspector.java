package dev.quire.reliability;

import dev.quire.permissions.Permissions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a closed Quire store file with plain JDBC, read-only, to check what the public API cannot see: that no
 * document id has two rows, and that every row's {@code _permissions} array holds valid permissions in their
 * canonical form, as Quire writes them.
 *
 * <p>This knows Quire's table layout (metadata tables {@code quire_databases}/{@code quire_collections}, a
 * collection's {@code docs_<seq>}), which is deliberate: it is a test of that layout. The store must be closed
 * by Quire first (H2 allows one process, and this opens its own engine).
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
            Set<String> ids = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT \"_uid\", \"_permissions\" FROM \"docs_" + seq + "\"");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String uid = rows.getString(1);
                    if (!ids.add(uid)) {
                        problems.add("two rows for document " + uid);
                    }
                    List<String> stored = new ArrayList<>();
                    for (Object permission : (Object[]) rows.getArray(2).getArray()) {
                        stored.add((String) permission);
                    }
                    try {
                        List<String> canonical = Permissions.toStrings(Permissions.forDocument(stored));
                        if (!canonical.equals(stored)) {
                            problems.add("document " + uid + " stores " + stored + ", not the canonical " + canonical);
                        }
                    } catch (RuntimeException e) {
                        problems.add("document " + uid + " stores invalid permissions " + stored + ": " + e.getMessage());
                    }
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
