package dev.quire.internal.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed right after a commit must find that commit when the file is opened again, also once H2
 * writes new chunks into space freed by old ones ({@link StoreHeaderRepair}). Without the repair, H2 2.5.252
 * recovers an older version at most such moments.
 *
 * <p>No process is killed here: a copy of the file taken between two commits is exactly what a kill at that
 * moment leaves (nothing else writes to it then), and opening the copy runs H2's recovery. H2 reuses freed space
 * only for chunks older than {@code RETENTION_TIME}; the test sets it to a second instead of 45 and starts
 * checking once a commit leaves the file as long as it was, i.e. its chunk went into freed space.
 */
class StoreHeaderRepairTest {
    private static final int CHECKS = 30;
    private static final long MAX_COMMITS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void theNewestCommitIsRecoveredAfterFreedSpaceIsReused() throws Exception {
        Path path = dir.resolve("reuse");
        List<String> lost = new ArrayList<>();
        try (Store store = Store.open(path, ";RETENTION_TIME=1000")) {
            store.ddl(List.of("CREATE TABLE \"t\" (\"id\" BIGINT PRIMARY KEY, \"n\" BIGINT)"));
            Path file = path.resolveSibling(path.getFileName() + ".mv.db");
            long length = Files.size(file);
            boolean reusing = false;
            int checks = 0;
            for (long n = 1; checks < CHECKS; n++) {
                assertTrue(n < MAX_COMMITS, "H2 never wrote a chunk into freed space");
                long written = n;
                // Row 0 holds the newest commit's number; rewriting a few other rows makes dead chunks to reuse.
                store.inTransaction(connection -> {
                    try (PreparedStatement merge = connection.prepareStatement(
                            "MERGE INTO \"t\" KEY(\"id\") VALUES (?, ?)")) {
                        for (long id : new long[]{0, 1 + written % 20}) {
                            merge.setLong(1, id);
                            merge.setLong(2, written);
                            merge.executeUpdate();
                        }
                    }
                    return null;
                });
                // A commit that leaves the file as long as it was wrote its chunk into freed space.
                long grown = Files.size(file);
                reusing |= grown == length;
                length = grown;
                if (reusing && n % 10 == 0) {
                    checks++;
                    long recovered = recoveredFromCopy(path, n);
                    if (recovered != n) {
                        lost.add("commit " + n + " recovered as " + recovered);
                    }
                }
            }
        }
        assertEquals(List.of(), lost);
    }

    /** Copies the file as a kill would leave it, opens the copy and reads the newest commit's number. */
    private long recoveredFromCopy(Path path, long n) throws Exception {
        Path copy = dir.resolve("killed-" + n);
        Files.copy(path.resolveSibling(path.getFileName() + ".mv.db"), copy.resolveSibling(copy.getFileName() + ".mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy + ";ACCESS_MODE_DATA=r",
                "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"n\" FROM \"t\" WHERE \"id\" = 0")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            throw new AssertionError("the copy after commit " + n + " does not open", e);
        }
    }
}
