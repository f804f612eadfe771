package dev.quire.internal.storage;

import dev.quire.QuireException;
import dev.quire.internal.Errors;
import dev.quire.internal.Options;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The H2 database behind one Quire store: its connections, transactions, and the single point where
 * {@link SQLException}s become {@link QuireException}s.
 *
 * <p>H2 settings chosen on purpose:
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: a call that returned is in the file, so a killed process loses no
 *       acknowledged write (the default would keep up to 500 ms of commits in memory).</li>
 *   <li>{@code CACHE_SIZE=65536} (64 MB): H2's 16 MB default is smaller than a 100k-document collection,
 *       which makes reads swing from run to run.</li>
 *   <li>{@code QUERY_CACHE_SIZE=256}: each session keeps the compiled form of the statements it has
 *       prepared, so a statement shape is parsed once per connection, not per call.</li>
 *   <li>{@code LOCK_TIMEOUT=10000}: writers to the same row wait for each other instead of failing after 1 s.</li>
 *   <li>{@code TRACE_LEVEL_FILE=0}: H2 writes no {@code .trace.db} file beside the store; failures reach the
 *       caller as {@link QuireException}s instead.</li>
 *   <li>{@code QUERY_TIMEOUT}: the store's time bound on each statement (H2 cancels a statement past it, and
 *       {@link TextFunctions} checks for that inside one long value too); DDL runs without it.</li>
 *   <li>The {@code retry:} file system: a thread interrupted during file I/O closes a plain {@code FileChannel}
 *       for every thread, and H2 then fails every later call until the store is reopened (in a test that
 *       interrupted readers and writers 5,000 times in 20 s, not one call succeeded after the first
 *       interrupts). {@code retry:} reopens the channel and repeats the operation: no call failed but those
 *       interrupted while waiting for a connection ({@code async:} did as well; {@code retry:} keeps plain
 *       channel I/O).</li>
 * </ul>
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final String FILE_SUFFIX = ".mv.db";
    private static final String SETTINGS = ";WRITE_DELAY=0;CACHE_SIZE=65536;QUERY_CACHE_SIZE=256;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";

    /** Work against a connection; may throw SQL failures, which the store translates. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connections connections;
    private final Object backupLock = new Object();
    private final String description;
    private final boolean inMemory;
    /** The store's statement bound in milliseconds, 0 for none. */
    private final long timeoutMillis;
    /** The file's MVStore, to wait for a commit to reach the file; {@code null} in memory. */
    private final MVStore file;
    /** Makes the store header name the newest chunk after each commit (an H2 2.5.252 defect); may be {@code null}. */
    private final StoreHeaderRepair headerRepair;

    private Store(String url, String description, boolean inMemory, Duration timeout) {
        this.description = description;
        this.inMemory = inMemory;
        this.timeoutMillis = timeout.toMillis();
        this.connections = new Connections(url + ";QUERY_TIMEOUT=" + timeoutMillis, 32);
        try {
            this.file = inMemory ? null : read(Store::mvStore);
            this.headerRepair = file == null ? null : StoreHeaderRepair.of(file);
            inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : Sql.metadataTables()) {
                        statement.execute(ddl);
                    }
                    for (String ddl : Sql.functions()) {
                        statement.execute(ddl);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
        LOG.debug("Opened {}", description);
    }

    /**
     * The path H2 is given for a store: the file's path without H2's {@code .mv.db}, so that
     * {@code data/app} and {@code data/app.mv.db} name the same file.
     */
    public static Path withoutExtension(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(FILE_SUFFIX) && name.length() > FILE_SUFFIX.length()
                ? path.resolveSibling(name.substring(0, name.length() - FILE_SUFFIX.length())) : path;
    }

    /** Opens (creating if missing) the store in {@code <path>.mv.db}, with the default time bound. */
    public static Store open(Path path) {
        return open(path, Options.DEFAULT_TIMEOUT);
    }

    /**
     * Opens (creating if missing) the store in {@code <path>.mv.db}.
     *
     * @param timeout the bound on each statement, {@link Duration#ZERO} for none
     */
    public static Store open(Path path, Duration timeout) {
        return open(path, timeout, "");
    }

    /**
     * Opens a file store with H2 settings appended to Quire's, for tests that need H2 to behave sooner than it
     * would (say, to reuse freed file space after a second instead of 45).
     */
    static Store open(Path path, String extraSettings) {
        return open(path, Options.DEFAULT_TIMEOUT, extraSettings);
    }

    private static Store open(Path path, Duration timeout, String extraSettings) {
        Path absolute = path.toAbsolutePath().normalize();
        createParent(absolute, "the store");
        Path file = fileOf(absolute);
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw Errors.fault(new QuireException("general_server_error", 500, "The store file cannot be read"),
                    file.toString());
        }
        return new Store("jdbc:h2:retry:" + absolute + SETTINGS + extraSettings, absolute.toString(), false, timeout);
    }

    /** The file H2 keeps a store in: {@code <path>.mv.db}. */
    private static Path fileOf(Path absolute) {
        return absolute.resolveSibling(absolute.getFileName() + FILE_SUFFIX);
    }

    private static void createParent(Path absolute, String what) {
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw Errors.fault(new QuireException("storage_device_not_found", 404,
                        "Cannot create the directory for " + what + ": " + reason(e), e), parent.toString());
            }
        }
    }

    /** A private in-memory store that lives until {@link #close()}, with the default time bound. */
    public static Store inMemory() {
        return inMemory(Options.DEFAULT_TIMEOUT);
    }

    /**
     * A private in-memory store that lives until {@link #close()}.
     *
     * @param timeout the bound on each statement, {@link Duration#ZERO} for none
     */
    public static Store inMemory(Duration timeout) {
        return new Store("jdbc:h2:mem:quire-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SETTINGS, "in-memory store",
                true, timeout);
    }

    /** Held by a unit that commits with {@link UnitOfWork#atCommit} hooks, so those run in commit order. */
    final Object commitOrder = new Object();

    /** A unit of work for one call: it opens a transaction only if it writes or needs a snapshot. */
    public UnitOfWork unit() {
        return new UnitOfWork(this, false);
    }

    /**
     * A unit of work whose repeatable-read transaction is open at once and spans every call made through it,
     * until it is committed or closed.
     */
    public UnitOfWork beginTransaction() {
        UnitOfWork unit = new UnitOfWork(this, true);
        try {
            unit.begin();
        } catch (RuntimeException e) {
            unit.close();
            throw e;
        }
        return unit;
    }

    /**
     * Runs work in one transaction: everything it wrote commits together, or nothing does; when it returns,
     * what it wrote is in the file.
     */
    public <T> T inTransaction(Work<T> work) {
        try (UnitOfWork unit = unit()) {
            T result = unit.write(work);
            unit.commit();
            return result;
        }
    }

    /**
     * Runs DDL, which H2 commits by itself; when it returns, the change is in the file. Not under the time bound:
     * an index over many documents takes what it takes, and cancelling it would only waste the work.
     */
    public void ddl(List<String> statements) {
        read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET QUERY_TIMEOUT 0");
                try {
                    for (String ddl : statements) {
                        statement.execute(ddl);
                    }
                } finally {
                    statement.execute("SET QUERY_TIMEOUT " + timeoutMillis);
                }
            }
            return null;
        });
        persist();
    }

    /**
     * Waits until every commit so far is written to the file. With {@code WRITE_DELAY=0} H2 writes at commit,
     * but only by trying: when another thread holds the store's lock at that moment (a concurrent commit, the
     * housekeeping thread) the attempt is skipped and the commit waits in memory for the next write. A kill in
     * between lost an acknowledged write in the crash tests (RELIABILITY.md). A blocking commit closes that gap;
     * when the attempt succeeded it finds nothing unsaved and returns at once.
     */
    void persist() {
        if (file != null && !file.isClosed()) {
            file.commit();
            if (headerRepair != null) {
                headerRepair.afterCommit();
            }
        }
    }

    private static MVStore mvStore(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /**
     * Runs read-only work that makes several statements in one snapshot, so that a page and its total
     * agree even while other threads write.
     */
    public <T> T snapshot(Work<T> work) {
        try (UnitOfWork unit = unit()) {
            T result = unit.snapshot(work);
            unit.commit();
            return result;
        }
    }

    /** Runs read-only work on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (UnitOfWork unit = unit()) {
            T result = unit.read(work);
            unit.commit();
            return result;
        }
    }

    Connection connect() throws SQLException {
        try {
            return connections.take();
        } catch (IllegalStateException e) {
            throw Errors.storeClosed(e);
        }
    }

    /** Hands a unit's connection back to the pool. */
    void release(Connection connection) {
        connections.give(connection);
    }

    /**
     * The one translation from H2's failures to Appwrite's errors. Messages name no file, statement or H2 class;
     * {@link Errors} logs those with the cause.
     */
    QuireException translate(SQLException e) {
        if (e instanceof SQLTransientConnectionException) { // from the pool: interrupted, or none came free
            return e.getCause() instanceof InterruptedException ? Errors.interrupted() : Errors.timeout();
        }
        String detail = description + ": " + e.getMessage();
        return switch (e.getErrorCode()) {
            case ErrorCode.DUPLICATE_KEY_1 -> Errors.documentAlreadyExists();
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2 -> Errors.numericOverflow();
            case ErrorCode.STATEMENT_WAS_CANCELED, ErrorCode.LOCK_TIMEOUT_1 -> Errors.timeout();
            // Repeatable-read transactions: a row another transaction changed and committed meanwhile, or two
            // transactions each waiting for a row the other holds (H2 rolls one back).
            case ErrorCode.CONCURRENT_UPDATE_1, ErrorCode.DEADLOCK_1 -> Errors.transactionConflict();
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> Errors.storeInUse(description, e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 ->
                    unreadable(e, detail);
            case ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.FILE_CREATION_FAILED_1 -> Errors.fault(
                    new QuireException("general_server_error", 500, "The store cannot be written", e), detail);
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> fileFailure(e, detail);
            default -> Errors.server(detail, e);
        };
    }

    private static QuireException unreadable(SQLException e, String detail) {
        return Errors.fault(new QuireException("general_server_error", 500,
                "The file is not a readable Quire store", e), detail);
    }

    /**
     * H2 reports a file it cannot parse (text, an archive, a store cut short) and a file the system refuses
     * (a read-only directory, a missing permission) alike, as an I/O error; the innermost cause tells them apart.
     */
    private static QuireException fileFailure(SQLException e, String detail) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IOException io && !(root instanceof EOFException)) {
            return Errors.fault(new QuireException("general_server_error", 500,
                    "The store's file cannot be used: " + reason(io), e), detail);
        }
        return unreadable(e, detail);
    }

    /** What the system said about a file, without the file's path. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.file.FileSystemException) {
            // NotDirectoryException, AccessDeniedException, ...: the type is the reason.
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        // java.io reports "<path> (<reason>)" or "<path>: <reason>".
        int open = message.lastIndexOf(" (");
        if (open >= 0 && message.endsWith(")")) {
            return message.substring(open + 2, message.length() - 1);
        }
        int colon = message.lastIndexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : "input/output error";
    }

    /**
     * Writes a consistent copy of this file store to {@code <target>.mv.db} while other calls go on: the copy
     * holds every write that returned before the backup began, and no write that is half done.
     *
     * <p>H2's {@code BACKUP TO} copies the file into a zip while the store stays open. It is consistent without
     * locking anything because MVStore never overwrites a live chunk, and for the length of the copy it does not
     * reuse freed space either, so every chunk that existed when the copy began is read whole; chunks written
     * during the copy are either complete or, cut short, ignored when the copy opens, as after a crash. (A
     * logical {@code SCRIPT} copy was the alternative: it re-inserts and re-indexes every row to restore and,
     * against schema changes made while it runs, is consistent only under a lock on all of them.) The copy is
     * then opened once, which proves it readable, and compacted, so it holds only live data; only then is it
     * moved to its name, so a failed backup leaves no file there.
     *
     * @throws QuireException {@code storage_file_already_exists} (409) when the target file exists;
     *                        {@code general_argument_invalid} (400) for an in-memory store, which has no file;
     *                        {@code storage_device_not_found} (404) when the target's directory cannot be
     *                        created; {@code general_server_error} (500) when the copy cannot be written
     */
    public void backup(Path target) {
        if (inMemory) {
            throw Errors.argument("An in-memory store has no file to back up; open a file store to keep a copy");
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path copy = fileOf(absolute);
        if (Files.exists(copy)) {
            throw targetExists(copy, null);
        }
        createParent(absolute, "the backup");
        Path work = absolute.resolveSibling("." + absolute.getFileName() + ".backup-" + UUID.randomUUID());
        Path zip = work.resolveSibling(work.getFileName() + ".zip");
        Path partial = fileOf(work);
        try {
            // One at a time: each BACKUP turns space reuse off and back to what it found, so two at once
            // would let the first turn it back on under the second's copy.
            synchronized (backupLock) {
                read(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement("BACKUP TO ?")) {
                        statement.setString(1, zip.toString());
                        statement.execute();
                    }
                    return null;
                });
            }
            unzipStoreFile(zip, partial);
            compact(work);
            Files.move(partial, copy);
        } catch (FileAlreadyExistsException e) {
            throw targetExists(copy, e);
        } catch (IOException e) {
            throw Errors.server("Cannot write the backup of " + description + " to " + copy, e);
        } finally {
            deleteQuietly(zip);
            deleteQuietly(partial);
        }
        LOG.debug("Backed up {} to {}", description, copy);
    }

    private static QuireException targetExists(Path copy, Throwable cause) {
        return Errors.fault(new QuireException("storage_file_already_exists", 409,
                "The backup target already exists; choose a new path or delete it first", cause), copy.toString());
    }

    private static void unzipStoreFile(Path zip, Path file) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(FILE_SUFFIX)) {
                    Files.copy(in, file);
                    return;
                }
            }
        }
        throw new IOException("H2 wrote no store file into " + zip);
    }

    /** Opens the copy at {@code <work>.mv.db} on its own and closes it compacted. */
    private void compact(Path work) throws IOException {
        try (Connection connection = Connections.connect("jdbc:h2:file:" + work + ";TRACE_LEVEL_FILE=0");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IOException("the copy does not open: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the backup's working file {}", file, e);
        }
    }

    @Override
    public void close() {
        if (inMemory) {
            // An in-memory database lives until it is shut down explicitly (DB_CLOSE_DELAY=-1).
            try {
                read(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SHUTDOWN");
                    }
                    return null;
                });
            } catch (QuireException e) {
                LOG.debug("Shutdown of {} failed", description, e);
            }
        }
        // A file database closes with its last connection.
        connections.close();
        LOG.debug("Closed {}", description);
    }

    @Override
    public String toString() {
        return description;
    }
}
