package dev.quire.internal.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The unit of work's {@code atCommit} hooks: after the commit, in order, never for a rollback. */
class UnitOfWorkTest {
    private final Store store = Store.inMemory();

    @BeforeEach
    void createTable() {
        store.ddl(List.of("CREATE TABLE \"t\" (\"x\" INT)"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void insert(UnitOfWork unit, int x) {
        unit.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("INSERT INTO \"t\" VALUES (" + x + ")");
            }
        });
    }

    /** Counts the rows through another connection: what other callers see. */
    private int committedRows() {
        return store.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"t\"")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Test
    void atCommitHooksRunOnceTheCommitIsVisibleInTheOrderGiven() {
        List<String> ran = new ArrayList<>();
        try (UnitOfWork unit = store.unit()) {
            insert(unit, 1);
            unit.atCommit(() -> ran.add("first sees " + committedRows()));
            unit.atCommit(() -> ran.add("second"));
            assertEquals(List.of(), ran);
            unit.commit();
        }

        assertEquals(List.of("first sees 1", "second"), ran);
    }

    @Test
    void atCommitHooksNeverRunForARollback() {
        List<String> ran = new ArrayList<>();
        try (UnitOfWork unit = store.unit()) {
            insert(unit, 1);
            unit.atCommit(() -> ran.add("hook"));
        }

        assertEquals(List.of(), ran);
        assertEquals(0, committedRows());
    }

    @Test
    void atCommitHooksNeverRunWhenTheCommitFails() {
        List<String> ran = new ArrayList<>();
        UnitOfWork unit = store.unit();
        insert(unit, 1);
        unit.atCommit(() -> ran.add("hook"));
        store.close();

        assertThrows(RuntimeException.class, unit::commit);
        assertEquals(List.of(), ran);
    }
}
