package dev.quire.internal.storage;

import dev.quire.QuireException;
import dev.quire.internal.Errors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * One unit of work against a {@link Store}: at most one storage transaction, the collection locks it holds,
 * the writes it made and the hooks to run once they are committed. The only place a transaction begins and
 * ends. A single call is one unit; a transaction the application opens ({@code inTransaction}) is one unit
 * that spans many calls.
 *
 * <p>The unit takes its connection on first use and keeps it to the end, so everything it runs sees
 * everything it wrote. Reads before any write run in auto-commit (one statement needs no transaction); a
 * read that needs several statements in one snapshot opens a repeatable-read transaction; the first write
 * opens a read-committed one. A unit {@linkplain Store#beginTransaction() begun as a transaction} opens its
 * transaction at once, at repeatable read, so two units that write the same row conflict instead of one
 * silently overwriting the other's read.
 *
 * <p>Locks are released after the transaction ends, in the reverse order of taking. A unit that already holds
 * a lock waits for a further one only for {@link #LOCK_WAIT_SECONDS}: two units taking locks in different
 * orders then fail instead of waiting for each other forever. Units that know their collections up front
 * take them in ascending order and never wait on each other.
 *
 * <p>Not thread-safe: a unit belongs to the thread that runs it.
 */
public final class UnitOfWork implements AutoCloseable {
    /** How long a unit that holds locks waits for one more before giving up. */
    static final long LOCK_WAIT_SECONDS = 10;

    private enum State { IDLE, AUTO_COMMIT, SNAPSHOT, WRITING, ENDED }

    private final Store store;
    private final boolean explicit;
    private final List<Lock> locks = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> atCommit = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private Connection connection;
    private State state = State.IDLE;
    /** A statement of an application's transaction failed in a way that leaves the transaction unusable. */
    private QuireException rollbackOnly;

    /** A document write the unit made, for after-commit hooks: what changed, in which collection. */
    public record Write(Kind kind, long collection, String documentId) {
        /** The kinds of document write. */
        public enum Kind { CREATE, UPDATE, DELETE }
    }

    UnitOfWork(Store store, boolean explicit) {
        this.store = store;
        this.explicit = explicit;
    }

    /** Whether this unit is a transaction the application opened, spanning several calls. */
    public boolean isExplicit() {
        return explicit;
    }

    /** Opens the unit's transaction now: repeatable read, so concurrent writers of one row conflict. */
    void begin() {
        start(State.WRITING, Connection.TRANSACTION_REPEATABLE_READ);
    }

    /** Runs one read statement: in the unit's transaction when it has one, in auto-commit otherwise. */
    public <T> T read(Store.Work<T> work) {
        if (state == State.IDLE) {
            state = State.AUTO_COMMIT;
        }
        return run(work);
    }

    /** Runs reads that must see one snapshot (a page and its total). */
    public <T> T snapshot(Store.Work<T> work) {
        if (state == State.IDLE || state == State.AUTO_COMMIT) {
            start(State.SNAPSHOT, Connection.TRANSACTION_REPEATABLE_READ);
        }
        return run(work);
    }

    /** Runs writes in the unit's transaction, opening it if none is open. */
    public <T> T write(Store.Work<T> work) {
        if (state == State.SNAPSHOT) {
            // Not reached by any call today: a call either writes or reads a snapshot.
            throw new IllegalStateException("A unit that read a snapshot cannot write");
        }
        if (state == State.IDLE || state == State.AUTO_COMMIT) {
            start(State.WRITING, Connection.TRANSACTION_READ_COMMITTED);
        }
        return run(work);
    }

    /** Records a document write, for the hooks that run after the commit. */
    public void wrote(Write write) {
        writes.add(write);
    }

    /** The document writes made so far, in order. */
    public List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Runs {@code hook} after this unit commits; never when it rolls back. */
    public void afterCommit(Runnable hook) {
        afterCommit.add(hook);
    }

    /**
     * Runs {@code hook} right after this unit's commit, before any unit that commits later runs its own; never
     * when it rolls back. For work whose order must be the commit order (change events); it must not block.
     */
    public void atCommit(Runnable hook) {
        atCommit.add(hook);
    }

    /**
     * Holds {@code lock} until the unit ends; a lock the unit holds already is not taken again. The first lock
     * of a unit is waited for; a further one only for a bounded time (see the class comment).
     */
    public void lock(Lock lock) {
        ensureOpen();
        if (locks.contains(lock)) {
            return;
        }
        if (locks.isEmpty()) {
            lock.lock();
        } else {
            try {
                if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw Errors.of("transaction_conflict", 409, "Timed out after " + LOCK_WAIT_SECONDS
                            + " s waiting for a collection another call is changing");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Errors.server("Interrupted while waiting for a collection lock", e);
            }
        }
        locks.add(lock);
    }

    /**
     * Ends the unit successfully: commits its transaction, waits until what it wrote is in the file, releases
     * its locks and runs the after-commit hooks.
     */
    public void commit() {
        ensureOpen();
        if (rollbackOnly != null) {
            close();
            throw rollbackOnly;
        }
        boolean wrote = state == State.WRITING;
        try {
            if (state == State.WRITING || state == State.SNAPSHOT) {
                try {
                    if (atCommit.isEmpty()) {
                        connection.commit();
                    } else {
                        // Only units with such hooks take the lock, and hold it for the commit alone: H2 commits
                        // in memory here, and the wait for the file (persist) stays outside, shared by writers.
                        synchronized (store.commitOrder) {
                            connection.commit();
                            atCommit.forEach(Runnable::run);
                        }
                    }
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    rollback(e);
                    throw store.translate(e);
                }
            }
        } finally {
            end();
        }
        if (wrote) {
            store.persist();
        }
        for (Runnable hook : afterCommit) {
            hook.run();
        }
    }

    /** Ends the unit, rolling back whatever it has not committed. Does nothing after {@link #commit()}. */
    @Override
    public void close() {
        if (state == State.ENDED) {
            return;
        }
        try {
            if (state == State.WRITING || state == State.SNAPSHOT) {
                rollback(null);
            }
        } finally {
            end();
        }
    }

    private void start(State next, int isolation) {
        ensureOpen();
        try {
            if (connection == null) {
                connection = store.connect();
            }
            // Isolation first: H2 commits the open transaction when it changes under auto-commit off.
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(false);
            state = next;
        } catch (SQLException e) {
            throw store.translate(e);
        }
    }

    private <T> T run(Store.Work<T> work) {
        ensureOpen();
        try {
            if (connection == null) {
                connection = store.connect();
            }
            return work.run(connection);
        } catch (SQLException e) {
            QuireException failure = store.translate(e);
            if (explicit && "transaction_conflict".equals(failure.getType())) {
                // H2 undid the statement, not the transaction: what the transaction read is stale now.
                rollbackOnly = failure;
            }
            throw failure;
        }
    }

    private void ensureOpen() {
        if (state == State.ENDED) {
            throw new IllegalStateException("The unit of work has ended");
        }
    }

    /** Rolls back and leaves auto-commit on; when that fails, the pool rolls back again or drops the connection. */
    private void rollback(Throwable cause) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private void end() {
        state = State.ENDED;
        if (connection != null) {
            store.release(connection);
            connection = null;
        }
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).unlock();
        }
        locks.clear();
    }
}
