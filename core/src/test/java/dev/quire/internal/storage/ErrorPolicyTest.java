package dev.quire.internal.storage;

import dev.quire.QuireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault of the store reaches the caller as Appwrite's generic 500 and its detail reaches the log; a statement
 * stopped by a time bound is Appwrite's {@code database_timeout}.
 */
class ErrorPolicyTest {
    private static final String BROKEN = "SELECT \"nothing\" FROM \"no_such_table\"";
    private final Store store = Store.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFailedStatementIsAGenericServerErrorWithTheStatementInTheLog() {
        QuireException e = assertThrows(QuireException.class, () -> capturingStandardError(() ->
                store.read(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        return statement.execute(BROKEN);
                    }
                })));
        assertEquals("general_server_error", e.getType());
        assertEquals(500, e.getCode());
        assertEquals("An internal server error occurred.", e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause(), "the cause stays for the embedding application");
        assertTrue(lastLog.contains(BROKEN), "the statement is logged: " + lastLog);
    }

    @Test
    void aCancelledStatementIsADatabaseTimeout() {
        QuireException e = assertThrows(QuireException.class, () -> store.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000000) a WHERE a.X > ?")) {
                statement.setQueryTimeout(1);
                statement.setLong(1, 0);
                statement.executeQuery();
            } finally {
                connection.createStatement().execute("SET QUERY_TIMEOUT 0");
            }
            return null;
        }));
        assertEquals("database_timeout", e.getType());
        assertEquals(408, e.getCode());
        assertEquals("Database timed out. Try adjusting your queries or adding an index.", e.getMessage());
    }

    private String lastLog = "";

    /** Runs work with standard error (where slf4j-simple writes) captured into {@link #lastLog}. */
    private <T> T capturingStandardError(Supplier<T> work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return work.get();
        } finally {
            System.setErr(original);
            lastLog = captured.toString(StandardCharsets.UTF_8);
        }
    }
}
