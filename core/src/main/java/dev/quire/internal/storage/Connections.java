package dev.quire.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A pool of physical H2 connections, handed out as they are. H2 keeps the compiled form of each statement
 * per session ({@code QUERY_CACHE_SIZE}); H2's own {@code JdbcConnectionPool} wraps every checkout in a new
 * handle, which costs a rollback and loses that cache, so each call re-parsed and re-planned its SQL. Reusing
 * the same connection lets a statement shape be compiled once per connection.
 */
final class Connections implements AutoCloseable {
    private static final Properties CREDENTIALS = new Properties();

    static {
        CREDENTIALS.setProperty("user", "sa");
        CREDENTIALS.setProperty("password", "");
    }

    private final String url;
    private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
    private final Semaphore permits;
    private volatile boolean closed;

    Connections(String url, int max) {
        this.url = url;
        this.permits = new Semaphore(max);
    }

    /**
     * A connection in auto-commit mode at {@code READ COMMITTED}, to be handed back with {@link #give}.
     *
     * @throws IllegalStateException when the pool is closed
     */
    Connection take() throws SQLException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        try {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLTransientConnectionException("No connection became free within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for a connection", e);
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return connect(url);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** A new physical connection to the H2 database at {@code url}, outside any pool. */
    static Connection connect(String url) throws SQLException {
        return org.h2.Driver.load().connect(url, CREDENTIALS);
    }

    /**
     * Takes a connection back, as the next caller expects it, or closes it when it is broken or the pool is.
     * Callers end their transactions themselves: a rollback here, after a commit, would cost nothing in data
     * but clears H2's per-session statement cache, so every statement would be parsed again.
     */
    void give(Connection connection) {
        try {
            if (closed || connection.isClosed()) {
                connection.close();
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            idle.offer(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
        } finally {
            permits.release();
        }
    }

    /** Closes every idle connection now and every other one when it is handed back. */
    @Override
    public void close() {
        closed = true;
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing is left to do with a connection that fails to close
        }
    }
}
