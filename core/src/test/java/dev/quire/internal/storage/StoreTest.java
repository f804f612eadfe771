package dev.quire.internal.storage;

import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link Store} leaves its pooled connections between calls. One thread, so the pool hands the same
 * connection to each call.
 */
class StoreTest {
    private static final String SQL = "SELECT COUNT(*) FROM \"quire_databases\"";
    private final Store store = Store.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aStatementCompiledInATransactionIsReusedByTheNextCalls() {
        Command compiled = store.inTransaction(StoreTest::compile);

        assertSame(compiled, store.inTransaction(StoreTest::compile), "after a write transaction");
        assertSame(compiled, store.snapshot(StoreTest::compile), "after a snapshot");
        assertSame(compiled, store.read(StoreTest::compile), "in auto-commit");
    }

    @Test
    void everyCallStartsInAutoCommitAtReadCommitted() {
        store.snapshot(connection -> null);
        assertAutoCommitAtReadCommitted();
        try {
            store.inTransaction(connection -> {
                throw new SQLException("the work fails");
            });
        } catch (RuntimeException expected) {
            // translated by the store; the connection goes back to the pool all the same
        }
        assertAutoCommitAtReadCommitted();
    }

    private void assertAutoCommitAtReadCommitted() {
        store.read(connection -> {
            assertTrue(connection.getAutoCommit());
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
            return null;
        });
    }

    /** Prepares {@link #SQL} the way a JDBC statement does and releases it, as closing the statement would. */
    private static Command compile(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Command command = session.prepareLocal(SQL);
        command.close();
        return command;
    }
}
