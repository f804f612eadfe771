package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Clock;
import dev.quire.internal.Errors;
import dev.quire.internal.Options;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.AttributeFormat;
import dev.quire.internal.schema.AttributeType;
import dev.quire.internal.storage.StagedOperation;
import dev.quire.internal.storage.Store;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.permissions.Caller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Appwrite Databases service, in process: databases, collections, attributes, indexes and documents,
 * stored in an embedded H2 file. Methods and argument orders are the Appwrite SDKs'.
 *
 * <pre>{@code
 * try (Databases db = Databases.open(Path.of("data/app"))) {
 *     db.create("app", "App");
 *     db.createCollection("app", "movies", "Movies",
 *             List.of(Permission.read(Role.any()), Permission.create(Role.users())), true, true);
 *     db.createStringAttribute("app", "movies", "title", 255, true, null, false);
 *     db.createIntegerAttribute("app", "movies", "year", false, 1900L, 2100L, null, false);
 *
 *     Databases alice = db.as(Caller.user("alice"));
 *     alice.createDocument("app", "movies", ID.unique(), Map.of("title", "Up", "year", 2009), null);
 *     DocumentList page = alice.listDocuments("app", "movies",
 *             List.of(Query.greaterThan("year", 2000), Query.orderDesc("year"), Query.limit(10)));
 * }
 * }</pre>
 *
 * <p>The handle from {@link #open(Path)} or {@link #inMemory()} acts as a server API key: it is not subject
 * to permissions. {@link #as(Caller)} gives a view that enforces them for one caller. Handles are
 * thread-safe; share one across threads. Every failure is a {@link QuireException} carrying Appwrite's error
 * type and code. {@code null} for an optional argument means "not given".
 */
public final class Databases implements AutoCloseable {
    private static final Map<Path, Shared> OPEN_FILES = new HashMap<>();
    /** The fixed sizes of Appwrite 1.9's text types: MariaDB's TEXT, MEDIUMTEXT and LONGTEXT. */
    private static final long TEXT_SIZE = 65_535L;
    private static final long MEDIUMTEXT_SIZE = 16_777_215L;
    private static final long LONGTEXT_SIZE = 2_147_483_647L;

    /** A store's services with the number of root handles that share them; the last close closes the store. */
    private static final class Shared {
        final Services services;
        int handles = 1;

        Shared(Services services) {
            this.services = services;
        }
    }

    private final Shared shared;
    private final Services services;
    private final Access access;
    /** The transaction this handle works in, or {@code null} for a handle whose every call is its own unit. */
    private final UnitOfWork transaction;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Databases(Shared shared, Access access, UnitOfWork transaction) {
        this.shared = shared;
        this.services = shared.services;
        this.access = access;
        this.transaction = transaction;
    }

    /**
     * Options for opening a store, for when {@link #open(Path)} and {@link #inMemory()} are not enough.
     *
     * <pre>{@code
     * Databases db = Databases.builder().path(Path.of("data/app")).build();
     * Databases test = Databases.builder().inMemory().build();
     * }</pre>
     *
     * @return a builder with no store chosen yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the store kept in one H2 file, creating it (and its directory) if missing. H2 names its files
     * {@code <name>.mv.db}: {@code Path.of("data/app")} and {@code Path.of("data/app.mv.db")} both open
     * {@code data/app.mv.db}, while {@code Path.of("notes.db")} opens {@code notes.db.mv.db}.
     * Opening the same file twice in one JVM shares one store; a store in use by another process is refused.
     * Short for {@code builder().path(path).build()}.
     *
     * <pre>{@code
     * try (Databases db = Databases.open(Path.of("data/app"))) {     // the file data/app.mv.db
     *     db.create("app", "App");
     * }
     * }</pre>
     *
     * @param path the store file, with or without its {@code .mv.db} extension
     * @return a root handle: no permission checks
     * @throws QuireException {@code store_in_use}/409 when another process holds the file; {@code
     *                        general_server_error}/500 when it is not a Quire store or cannot be read or written
     */
    public static Databases open(Path path) {
        return builder().path(path).build();
    }

    /**
     * A private in-memory store, gone when closed: for tests. Short for {@code builder().inMemory().build()}.
     *
     * @return a root handle: no permission checks
     */
    public static Databases inMemory() {
        return builder().inMemory().build();
    }

    private static Databases open(Options options) {
        if (options.path() == null) {
            return new Databases(new Shared(new Services(options)), Access.root(), null);
        }
        synchronized (OPEN_FILES) {
            Shared shared = OPEN_FILES.get(options.path());
            if (shared != null) {
                if (!shared.services.options.equals(options)) {
                    throw new IllegalStateException("The store " + options.path()
                            + " is open in this JVM with other options: " + shared.services.options);
                }
                shared.handles++;
                return new Databases(shared, Access.root(), null);
            }
            shared = new Shared(new Services(options));
            OPEN_FILES.put(options.path(), shared);
            return new Databases(shared, Access.root(), null);
        }
    }

    /**
     * Chooses where a store lives and how it behaves; {@link #build()} checks the choice once and opens the
     * store. A builder is not thread-safe; the handle it builds is.
     */
    public static final class Builder {
        private Path path;
        private boolean inMemory;
        private Duration timeout = Options.DEFAULT_TIMEOUT;
        private int transactionOperationLimit = Options.DEFAULT_TRANSACTION_OPERATION_LIMIT;

        private Builder() {
        }

        /**
         * Keeps the store in one H2 file, created (with its directory) if missing: {@code data/app} and
         * {@code data/app.mv.db} both name {@code data/app.mv.db} (see {@link Databases#open(Path)}).
         *
         * @param path the store file, with or without its {@code .mv.db} extension
         * @return this builder
         */
        public Builder path(Path path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Keeps the store in memory, private to the handle and gone when it is closed: for tests.
         *
         * @return this builder
         */
        public Builder inMemory() {
            this.inMemory = true;
            return this;
        }

        /**
         * Bounds the time of every call's statements: one that runs longer is cancelled and the call fails with
         * {@code database_timeout}/408, as Appwrite answers a query its database stopped; nothing it wrote is
         * kept. The default is Appwrite's, 15 seconds. Schema changes (creating an index over many documents,
         * say) are not bounded, as Appwrite runs them in a worker without the API's bound.
         *
         * <pre>{@code
         * Databases db = Databases.builder().path(Path.of("data/app")).timeout(Duration.ofSeconds(2)).build();
         * }</pre>
         *
         * @param timeout at least one millisecond, or {@link Duration#ZERO} for no bound
         * @return this builder
         * @throws IllegalArgumentException when the timeout is negative or between zero and one millisecond
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || !timeout.isZero() && timeout.toMillis() < 1) {
                throw new IllegalArgumentException("The timeout must be at least 1 ms, or zero for none: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets how many operations one staged transaction may hold; Appwrite's self-hosted default, 100, unless
         * set. (Appwrite Cloud's plans allow 1,000 or 2,500.)
         *
         * @param limit at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code limit} is below 1
         */
        public Builder transactionOperationLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("transactionOperationLimit must be at least 1, not " + limit);
            }
            this.transactionOperationLimit = limit;
            return this;
        }

        /**
         * Opens the store.
         *
         * @return a root handle: no permission checks
         * @throws IllegalStateException when neither or both of {@link #path(Path)} and {@link #inMemory()}
         *                               were chosen, or the path is open in this JVM with other options
         * @throws QuireException        when the file is in use by another process, is not a Quire store, or
         *                               cannot be read or written
         */
        public Databases build() {
            if (inMemory == (path != null)) {
                throw new IllegalStateException(inMemory ? "Choose path(...) or inMemory(), not both"
                        : "Choose where the store lives: path(...) or inMemory()");
            }
            return open(new Options(inMemory ? null : Store.withoutExtension(path.toAbsolutePath().normalize()),
                    timeout, transactionOperationLimit));
        }
    }

    /**
     * A view of the same store that enforces Appwrite permissions for one caller. Closing the view does
     * not close the store.
     *
     * <pre>{@code
     * Databases guest = db.as(Caller.guest());
     * Databases editor = db.as(Caller.user("u1").verified().team("t1", "editor"));
     * }</pre>
     *
     * @param caller who is calling
     * @return a view for that caller
     */
    public Databases as(Caller caller) {
        return new Databases(shared, Access.of(caller), transaction);
    }

    /**
     * Runs work in one ACID transaction and returns its result: everything the work writes through the handle it
     * receives commits together when it returns, and nothing does when it throws (the exception is rethrown).
     * Reads through that handle see the transaction's own writes, in gets, filtered and ordered lists and totals.
     *
     * <pre>{@code
     * Document saved = db.inTransaction(tx -> {
     *     Document from = tx.getDocument("bank", "accounts", "alice");
     *     Document to = tx.getDocument("bank", "accounts", "bob");
     *     tx.updateDocument("bank", "accounts", "alice", Map.of("balance", (Long) from.get("balance") - 10), null);
     *     return tx.updateDocument("bank", "accounts", "bob", Map.of("balance", (Long) to.get("balance") + 10), null);
     * });
     * }</pre>
     *
     * <p>The transaction reads one snapshot of the store (repeatable read). When two transactions write the same
     * document, the one that writes it second fails with {@code transaction_conflict} (409) once the first
     * commits, and rolls back: retry the whole work. A single call on another handle waits for the transaction
     * to commit. The handle given to the work has this handle's permissions ({@code db.as(caller)
     * .inTransaction(...)} enforces the caller's), works only inside the callback and on its thread, and cannot
     * change databases, collections, attributes or indexes (H2 commits those at once). A call on any other handle
     * of the same store from inside the callback fails with {@code transaction_invalid} instead of waiting for
     * the transaction it is part of. Calling {@code inTransaction} on the handle the work received joins the
     * same transaction.
     *
     * @param work what to do, through the handle it receives
     * @param <T>  the result's type
     * @return what the work returned, after the commit
     * @throws QuireException {@code transaction_conflict} when another transaction changed what this one wrote;
     *                        whatever the work threw, after the rollback
     */
    public <T> T inTransaction(Function<Databases, T> work) {
        Errors.require(work, "work");
        if (transaction != null) {
            return inUnit(unit -> work.apply(this));
        }
        return services().inTransaction(unit -> work.apply(new Databases(shared, access, unit)));
    }

    /**
     * Runs work in one ACID transaction, as {@link #inTransaction(Function)} does, for work that returns nothing.
     *
     * <pre>{@code
     * db.useTransaction(tx -> {
     *     tx.deleteDocument("shop", "carts", cartId);
     *     tx.createDocument("shop", "orders", ID.unique(), order, null);
     * });
     * }</pre>
     *
     * @param work what to do, through the handle it receives
     */
    public void useTransaction(Consumer<Databases> work) {
        Errors.require(work, "work");
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Closes the store when this is the last root handle on it; a caller view closes nothing. Closing twice
     * does nothing. Calls on a closed handle, or on a view of a closed store, fail with {@code store_closed}/503.
     */
    @Override
    public void close() {
        if (!access.isRoot() || transaction != null || !closed.compareAndSet(false, true)) {
            return;
        }
        if (services.options.path() == null) {
            services.close();
            return;
        }
        synchronized (OPEN_FILES) {
            if (--shared.handles == 0) {
                OPEN_FILES.remove(services.options.path());
                services.close();
            }
        }
    }

    /**
     * Writes a consistent copy of this store to the file {@code path + ".mv.db"} while other calls go on, for
     * {@link #open(Path)} to open later. The copy holds every write that returned before the backup began and
     * none that was half done; writes made while it runs may or may not be in it. It is compacted, so it is often
     * much smaller than the open store's file, and it appears under its name only once it is complete.
     *
     * <pre>{@code
     * db.backup(Path.of("backups/app-2026-11-29"));
     * try (Databases copy = Databases.open(Path.of("backups/app-2026-11-29"))) {
     *     copy.listDocuments("app", "movies", List.of());
     * }
     * }</pre>
     *
     * @param path the copy's file, with or without its {@code .mv.db} extension, as {@link #open(Path)} takes it
     * @throws QuireException {@code storage_file_already_exists} (409) when that file exists;
     *                        {@code general_unauthorized_scope} (401) from a caller view;
     *                        {@code general_argument_invalid} (400) for an in-memory store;
     *                        {@code general_server_error} (500) when the copy cannot be written
     */
    public void backup(Path path) {
        Errors.require(path, "path");
        useUnit(unit -> {
            access.requireRoot("archives.write");
            services.store.backup(Store.withoutExtension(path));
        });
    }

    /** The store's services, once this handle and its store are known to be open. */
    private Services services() {
        if (closed.get() || services.isClosed()) {
            throw Errors.storeClosed(null);
        }
        return services;
    }

    /** Runs a call in its own unit of work, or in this handle's transaction. */
    private <T> T inUnit(Function<UnitOfWork, T> call) {
        return services().inUnit(transaction, call);
    }

    /**
     * Runs a call that changes databases, collections, attributes or indexes; H2 commits such changes at once,
     * so they cannot be part of a transaction.
     */
    private <T> T manage(Function<UnitOfWork, T> call) {
        if (transaction != null) {
            throw Errors.transactionInvalid("Databases, collections, attributes and indexes cannot be changed "
                    + "inside a transaction");
        }
        return inUnit(call);
    }

    /** Runs a call on staged transactions; they are Appwrite's, and have no place inside a Java transaction. */
    private <T> T staging(Function<UnitOfWork, T> call) {
        if (transaction != null) {
            throw Errors.transactionInvalid("Staged transactions cannot be used inside inTransaction: stage "
                    + "through a handle outside it");
        }
        return inUnit(call);
    }

    /** Stages one document operation in a transaction and returns what Appwrite answers for it. */
    private Document stage(String transactionId, StagedOperation.Action action, String databaseId,
                           String collectionId, String documentId, Map<String, ?> data, List<String> permissions) {
        TransactionService.Request request = new TransactionService.Request(action, databaseId, collectionId,
                documentId, data, permissions);
        return staging(unit -> services.transactions.stage(unit, access, transactionId, List.of(request),
                TransactionService.Path.DOCUMENT).get(0));
    }

    /** Runs a read in the state a pending transaction's staged operations would leave. */
    private <T> T readStaged(String transactionId, Function<UnitOfWork, T> read) {
        if (transaction != null) {
            throw Errors.transactionInvalid("Staged transactions cannot be used inside inTransaction: read "
                    + "through a handle outside it");
        }
        List<StagedOperation> operations = inUnit(unit -> services.transactions.stagedForRead(unit, access,
                transactionId));
        return operations.isEmpty() ? inUnit(read) : services.transactions.inStagedState(operations, read);
    }

    private void useManage(Consumer<UnitOfWork> call) {
        manage(unit -> {
            call.accept(unit);
            return null;
        });
    }

    private void useUnit(Consumer<UnitOfWork> call) {
        inUnit(unit -> {
            call.accept(unit);
            return null;
        });
    }

    /**
     * The same store and caller under Appwrite 1.8's TablesDB names: tables, columns and rows.
     *
     * <pre>{@code
     * TablesDB t = db.tablesDB();
     * t.createRow("app", "movies", ID.unique(), Map.of("title", "Up"), null);
     * }</pre>
     *
     * @return a TablesDB view of this handle; closing this handle closes it too
     */
    public TablesDB tablesDB() {
        return new TablesDB(this);
    }

    // ---- databases ------------------------------------------------------------------------------------

    /**
     * Creates an enabled database.
     *
     * @param databaseId a new id (1–36 of {@code [A-Za-z0-9._-]}), or {@code "unique()"}
     * @param name       display name, 1–128 characters
     */
    public Database create(String databaseId, String name) {
        return create(databaseId, name, true);
    }

    /** Creates a database; a disabled one looks missing to every caller but the root handle. */
    public Database create(String databaseId, String name, boolean enabled) {
        return manage(unit -> services.databases.create(access, databaseId, name, enabled));
    }

    /** @throws QuireException {@code database_not_found} */
    public Database get(String databaseId) {
        return inUnit(unit -> services.databases.get(access, databaseId));
    }

    /** Lists databases; queries may filter and order on {@code $id}, {@code name}, {@code enabled}, and timestamps. */
    public DatabaseList list(List<String> queries) {
        return list(queries, true);
    }

    /** Lists databases, optionally without counting them (Appwrite's {@code total=false}: the total is then 0). */
    public DatabaseList list(List<String> queries, boolean total) {
        return inUnit(unit -> services.databases.list(access, queries, total));
    }

    /**
     * Updates a database. As on Appwrite, an omitted ({@code null}) {@code enabled} is reset to {@code true};
     * a {@code null} name keeps the current one (Appwrite requires the name).
     */
    public Database update(String databaseId, String name, Boolean enabled) {
        return manage(unit -> services.databases.update(access, databaseId, name, enabled));
    }

    /** Deletes a database with all its collections and documents. */
    public void delete(String databaseId) {
        useManage(unit -> services.databases.delete(access, databaseId));
    }

    // ---- collections ----------------------------------------------------------------------------------

    /**
     * Creates a collection.
     *
     * @param permissions      collection permissions such as {@code Permission.read(Role.any())}; {@code null} for none
     * @param documentSecurity whether document permissions grant access too
     * @param enabled          a disabled collection looks missing to every caller but the root handle
     */
    public Collection createCollection(String databaseId, String collectionId, String name, List<String> permissions,
                                       boolean documentSecurity, boolean enabled) {
        return manage(unit -> services.databases.createCollection(access, databaseId, collectionId, name, permissions,
                documentSecurity, enabled));
    }

    /** Creates an enabled collection without permissions and without document security. */
    public Collection createCollection(String databaseId, String collectionId, String name) {
        return createCollection(databaseId, collectionId, name, null, false, true);
    }

    /** @throws QuireException {@code collection_not_found} */
    public Collection getCollection(String databaseId, String collectionId) {
        return inUnit(unit -> services.databases.getCollection(access, databaseId, collectionId));
    }

    /** Lists collections; queries may use {@code $id}, {@code name}, {@code enabled}, {@code documentSecurity}. */
    public CollectionList listCollections(String databaseId, List<String> queries) {
        return listCollections(databaseId, queries, true);
    }

    /** Lists collections, optionally without counting them ({@code total=false}: the total is then 0). */
    public CollectionList listCollections(String databaseId, List<String> queries, boolean total) {
        return inUnit(unit -> services.databases.listCollections(access, databaseId, queries, total));
    }

    /**
     * Updates a collection. As on Appwrite, {@code null} permissions keep the current ones, while an omitted
     * ({@code null}) {@code documentSecurity} is reset to {@code false} and {@code enabled} to {@code true};
     * a {@code null} name keeps the current one (Appwrite requires the name).
     */
    public Collection updateCollection(String databaseId, String collectionId, String name, List<String> permissions,
                                       Boolean documentSecurity, Boolean enabled) {
        return manage(unit -> services.databases.updateCollection(unit, access, databaseId, collectionId, name,
                permissions, documentSecurity, enabled));
    }

    /** Deletes a collection with all its documents. */
    public void deleteCollection(String databaseId, String collectionId) {
        useManage(unit -> services.databases.deleteCollection(unit, access, databaseId, collectionId));
    }

    // ---- attributes -----------------------------------------------------------------------------------

    /**
     * Adds a string attribute.
     *
     * @param size     maximum length in characters, 1 to 1,073,741,824
     * @param xdefault default for documents that leave it out; not allowed on required or array attributes
     */
    public Attribute createStringAttribute(String databaseId, String collectionId, String key, int size,
                                           boolean required, String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.STRING, null, required, array,
                (long) size, null, null, xdefault, null);
    }

    /** Adds a 64-bit integer attribute; {@code min}/{@code max} default to the whole {@code long} range. */
    public Attribute createIntegerAttribute(String databaseId, String collectionId, String key, boolean required,
                                            Long min, Long max, Long xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.INTEGER, null, required, array, null,
                min == null ? Long.MIN_VALUE : min, max == null ? Long.MAX_VALUE : max, xdefault, null);
    }

    /** Adds a float attribute (Appwrite's {@code double}); {@code min}/{@code max} default to the whole range. */
    public Attribute createFloatAttribute(String databaseId, String collectionId, String key, boolean required,
                                          Double min, Double max, Double xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.FLOAT, null, required, array, null,
                min == null ? -Double.MAX_VALUE : min, max == null ? Double.MAX_VALUE : max, xdefault, null);
    }

    /** Adds a boolean attribute. */
    public Attribute createBooleanAttribute(String databaseId, String collectionId, String key, boolean required,
                                            Boolean xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.BOOLEAN, null, required, array, null,
                null, null, xdefault, null);
    }

    /** Adds an email attribute: a string of at most 254 characters that must be an email address. */
    public Attribute createEmailAttribute(String databaseId, String collectionId, String key, boolean required,
                                          String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.STRING, AttributeFormat.EMAIL, required,
                array, 254L, null, null, xdefault, null);
    }

    /** Adds a URL attribute: a string of at most 2,000 characters that must be an absolute URL. */
    public Attribute createUrlAttribute(String databaseId, String collectionId, String key, boolean required,
                                        String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.STRING, AttributeFormat.URL, required,
                array, 2000L, null, null, xdefault, null);
    }

    /** Adds an IP attribute: an IPv4 or IPv6 address. */
    public Attribute createIpAttribute(String databaseId, String collectionId, String key, boolean required,
                                       String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.STRING, AttributeFormat.IP, required,
                array, 39L, null, null, xdefault, null);
    }

    /** Adds an enum attribute: a string that must be one of 1 to 100 elements of at most 255 characters. */
    public Attribute createEnumAttribute(String databaseId, String collectionId, String key, List<String> elements,
                                         boolean required, String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.STRING, AttributeFormat.ENUM, required,
                array, 255L, null, null, xdefault, elements);
    }

    /** Adds a datetime attribute: values are read back as UTC, {@code 2020-10-15T06:38:00.000+00:00}. */
    public Attribute createDatetimeAttribute(String databaseId, String collectionId, String key, boolean required,
                                             String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.DATETIME, null, required, array, null,
                null, null, xdefault, null);
    }

    /**
     * Adds a {@code varchar} attribute (Appwrite 1.9): a string of at most {@code size} characters, stored in
     * the row. Appwrite's SDKs prefer it to the deprecated {@code string} for short text.
     *
     * <pre>{@code
     * db.createVarcharAttribute("app", "movies", "title", 255, true, null, false);
     * }</pre>
     *
     * @param size maximum length in characters, 1 to 16,381
     * @throws QuireException {@code general_argument_invalid} for a size outside 1–16,381;
     *                        {@code attribute_value_invalid} for a default longer than the size
     */
    public Attribute createVarcharAttribute(String databaseId, String collectionId, String key, int size,
                                            boolean required, String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.VARCHAR, null, required, array,
                (long) size, null, null, xdefault, null);
    }

    /** Adds a {@code text} attribute (Appwrite 1.9): a string of at most 65,535 characters. */
    public Attribute createTextAttribute(String databaseId, String collectionId, String key, boolean required,
                                         String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.TEXT, null, required, array,
                TEXT_SIZE, null, null, xdefault, null);
    }

    /** Adds a {@code mediumtext} attribute (Appwrite 1.9): a string of at most 16,777,215 characters. */
    public Attribute createMediumtextAttribute(String databaseId, String collectionId, String key, boolean required,
                                               String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.MEDIUMTEXT, null, required, array,
                MEDIUMTEXT_SIZE, null, null, xdefault, null);
    }

    /** Adds a {@code longtext} attribute (Appwrite 1.9): a string of at most 2,147,483,647 characters. */
    public Attribute createLongtextAttribute(String databaseId, String collectionId, String key, boolean required,
                                             String xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.LONGTEXT, null, required, array,
                LONGTEXT_SIZE, null, null, xdefault, null);
    }

    /**
     * Adds a {@code bigint} attribute (Appwrite 1.9.5): a 64-bit integer that also accepts its value as a numeric
     * string ({@code "9007199254740993"}), for clients whose numbers cannot hold it exactly. Values read back as
     * {@link Long}.
     *
     * @param min lower bound, {@code null} for {@link Long#MIN_VALUE}
     * @param max upper bound, {@code null} for {@link Long#MAX_VALUE}
     */
    public Attribute createBigIntAttribute(String databaseId, String collectionId, String key, boolean required,
                                           Long min, Long max, Long xdefault, boolean array) {
        return createAttribute(databaseId, collectionId, key, AttributeType.BIGINT, null, required, array, null,
                min == null ? Long.MIN_VALUE : min, max == null ? Long.MAX_VALUE : max, xdefault, null);
    }

    private Attribute createAttribute(String databaseId, String collectionId, String key, AttributeType type,
                                      AttributeFormat format, boolean required, boolean array, Long size, Number min,
                                      Number max, Object xdefault, List<String> elements) {
        String now = Clock.now();
        return manage(unit -> services.schema.createAttribute(unit, access, databaseId, collectionId,
                new AttributeDef(key, type, format, required,
                array, size, min, max, xdefault, elements, now, now)));
    }

    /**
     * Changes a string attribute of a collection that may already hold documents. Existing documents keep
     * their values; a new default applies to documents written from now on.
     *
     * <pre>{@code
     * db.updateStringAttribute("app", "movies", "title", true, null, 512, null);      // grow
     * db.updateStringAttribute("app", "movies", "title", true, null, null, "name");   // rename
     * }</pre>
     *
     * @param required whether documents must carry a value (replaces the old setting)
     * @param xdefault the default, or {@code null} for none (replaces the old one)
     * @param size     a new maximum length, or {@code null} to keep it; below a stored value it fails with
     *                 {@code attribute_invalid_resize}
     * @param newKey   a new key, or {@code null}; indexes that use the attribute follow the rename
     * @throws QuireException {@code attribute_not_found}, {@code attribute_type_invalid} (not a plain string),
     *                        {@code attribute_invalid_resize}, {@code attribute_already_exists} (the new key is
     *                        taken), {@code index_invalid} (an index would exceed its length limit), …
     */
    public Attribute updateStringAttribute(String databaseId, String collectionId, String key, boolean required,
                                           String xdefault, Integer size, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.STRING, null, required,
                xdefault, null, null, size == null ? null : size.longValue(), null, newKey));
    }

    /**
     * Changes an integer attribute; {@code null} {@code min}/{@code max} keep the current bounds. Existing
     * values are kept even when outside new bounds, as in Appwrite.
     */
    public Attribute updateIntegerAttribute(String databaseId, String collectionId, String key, boolean required,
                                            Long xdefault, Long min, Long max, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.INTEGER, null, required,
                xdefault, min, max, null, null, newKey));
    }

    /** Changes a float attribute; {@code null} {@code min}/{@code max} keep the current bounds. */
    public Attribute updateFloatAttribute(String databaseId, String collectionId, String key, boolean required,
                                          Double xdefault, Double min, Double max, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.FLOAT, null, required,
                xdefault, min, max, null, null, newKey));
    }

    /** Changes a boolean attribute. */
    public Attribute updateBooleanAttribute(String databaseId, String collectionId, String key, boolean required,
                                            Boolean xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.BOOLEAN, null, required,
                xdefault, null, null, null, null, newKey));
    }

    /** Changes an email attribute. */
    public Attribute updateEmailAttribute(String databaseId, String collectionId, String key, boolean required,
                                          String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.STRING,
                AttributeFormat.EMAIL, required, xdefault, null, null, null, null, newKey));
    }

    /** Changes a URL attribute. */
    public Attribute updateUrlAttribute(String databaseId, String collectionId, String key, boolean required,
                                        String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.STRING,
                AttributeFormat.URL, required, xdefault, null, null, null, null, newKey));
    }

    /** Changes an IP attribute. */
    public Attribute updateIpAttribute(String databaseId, String collectionId, String key, boolean required,
                                       String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.STRING,
                AttributeFormat.IP, required, xdefault, null, null, null, null, newKey));
    }

    /**
     * Changes an enum attribute's elements, requirement and default. Documents holding a value that is no
     * longer an element keep it, as in Appwrite.
     */
    public Attribute updateEnumAttribute(String databaseId, String collectionId, String key, List<String> elements,
                                         boolean required, String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.STRING,
                AttributeFormat.ENUM, required, xdefault, null, null, null, elements, newKey));
    }

    /** Changes a datetime attribute. */
    public Attribute updateDatetimeAttribute(String databaseId, String collectionId, String key, boolean required,
                                             String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key,
                AttributeType.DATETIME, null, required,
                xdefault, null, null, null, null, newKey));
    }

    /**
     * Changes a {@code varchar} attribute; like {@link #updateStringAttribute}, with sizes 1 to 16,381.
     *
     * @param size a new maximum length, or {@code null} to keep it
     */
    public Attribute updateVarcharAttribute(String databaseId, String collectionId, String key, boolean required,
                                            String xdefault, Integer size, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key, AttributeType.VARCHAR, null, required,
                xdefault, null, null, size == null ? null : size.longValue(), null, newKey));
    }

    /** Changes a {@code text} attribute's requirement, default or key. */
    public Attribute updateTextAttribute(String databaseId, String collectionId, String key, boolean required,
                                         String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key, AttributeType.TEXT, null, required,
                xdefault, null, null, null, null, newKey));
    }

    /** Changes a {@code mediumtext} attribute's requirement, default or key. */
    public Attribute updateMediumtextAttribute(String databaseId, String collectionId, String key, boolean required,
                                               String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key, AttributeType.MEDIUMTEXT, null,
                required, xdefault, null, null, null, null, newKey));
    }

    /** Changes a {@code longtext} attribute's requirement, default or key. */
    public Attribute updateLongtextAttribute(String databaseId, String collectionId, String key, boolean required,
                                             String xdefault, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key, AttributeType.LONGTEXT, null,
                required, xdefault, null, null, null, null, newKey));
    }

    /** Changes a {@code bigint} attribute; {@code null} {@code min}/{@code max} keep the current bounds. */
    public Attribute updateBigIntAttribute(String databaseId, String collectionId, String key, boolean required,
                                           Long xdefault, Long min, Long max, String newKey) {
        return manage(unit -> services.schema.updateAttribute(unit, access, databaseId, collectionId, key, AttributeType.BIGINT, null, required,
                xdefault, min, max, null, null, newKey));
    }

    /** @throws QuireException {@code attribute_not_found} */
    public Attribute getAttribute(String databaseId, String collectionId, String key) {
        return inUnit(unit -> services.schema.getAttribute(access, databaseId, collectionId, key));
    }

    /** Lists attributes; queries may use {@code key}, {@code type}, {@code size}, {@code required}, {@code array}. */
    public AttributeList listAttributes(String databaseId, String collectionId, List<String> queries) {
        return listAttributes(databaseId, collectionId, queries, true);
    }

    /** Lists attributes, optionally without counting them ({@code total=false}: the total is then 0). */
    public AttributeList listAttributes(String databaseId, String collectionId, List<String> queries, boolean total) {
        return inUnit(unit -> services.schema.listAttributes(access, databaseId, collectionId, queries, total));
    }

    /**
     * Deletes an attribute and the values documents held in it. Indexes that use it lose it; one left with no
     * attribute, or identical to another index, is deleted (as Appwrite does).
     */
    public void deleteAttribute(String databaseId, String collectionId, String key) {
        useManage(unit -> services.schema.deleteAttribute(unit, access, databaseId, collectionId, key));
    }

    // ---- indexes --------------------------------------------------------------------------------------

    /**
     * Creates an index over the documents already in the collection and keeps it current; the returned
     * index is already {@code available}.
     *
     * <pre>{@code
     * db.createIndex("app", "movies", "by_year", IndexType.KEY, List.of("year"), List.of("DESC"), null);
     * db.createIndex("app", "movies", "title_search", IndexType.FULLTEXT, List.of("title"), null, null);
     * }</pre>
     *
     * <p>A {@link IndexType#UNIQUE} index refuses a document whose values another document already holds
     * ({@code document_already_exists}); a {@link IndexType#FULLTEXT} index on one string attribute lets
     * {@code Query.search} and {@code Query.notSearch} use it (docs/full-text.md). Indexes may name
     * {@code $id}, {@code $createdAt} and {@code $updatedAt}; array attributes cannot be indexed.
     *
     * @param key        the index key, unique in the collection regardless of case
     * @param attributes the attribute keys, in index order
     * @param orders     {@code ASC} or {@code DESC} per attribute, or {@code null}
     * @param lengths    prefix lengths per string attribute as Appwrite takes them (validated and returned;
     *                   H2 indexes whole values), or {@code null}
     * @throws QuireException {@code index_already_exists}, {@code attribute_unknown}, {@code index_invalid}
     *                        (also for a unique index over values that are already duplicated),
     *                        {@code index_limit_exceeded}, …
     */
    public Index createIndex(String databaseId, String collectionId, String key, IndexType type,
                             List<String> attributes, List<String> orders, List<Integer> lengths) {
        return manage(unit -> services.schema.createIndex(unit, access, databaseId, collectionId, key, type,
                attributes, orders, lengths));
    }

    /** @throws QuireException {@code index_not_found} */
    public Index getIndex(String databaseId, String collectionId, String key) {
        return inUnit(unit -> services.schema.getIndex(access, databaseId, collectionId, key));
    }

    /** Lists indexes; queries may use {@code key}, {@code type}, {@code status}, {@code attributes}, {@code error}. */
    public IndexList listIndexes(String databaseId, String collectionId, List<String> queries) {
        return listIndexes(databaseId, collectionId, queries, true);
    }

    /** Lists indexes, optionally without counting them ({@code total=false}: the total is then 0). */
    public IndexList listIndexes(String databaseId, String collectionId, List<String> queries, boolean total) {
        return inUnit(unit -> services.schema.listIndexes(access, databaseId, collectionId, queries, total));
    }

    /**
     * Deletes an index; documents are untouched.
     *
     * @throws QuireException {@code index_not_found}
     */
    public void deleteIndex(String databaseId, String collectionId, String key) {
        useManage(unit -> services.schema.deleteIndex(unit, access, databaseId, collectionId, key));
    }

    // ---- documents ------------------------------------------------------------------------------------

    /**
     * Creates a document.
     *
     * @param documentId  a new id, or {@code "unique()"} / {@link ID#unique()}
     * @param data        attribute values by key
     * @param permissions document permissions; {@code null} gives a user caller read, update and delete on
     *                    its own document, and the root handle none
     * @throws QuireException {@code document_already_exists}, {@code document_invalid_structure},
     *                        {@code user_unauthorized}, …
     */
    public Document createDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data,
                                   List<String> permissions) {
        return inUnit(unit -> services.documents.create(unit, access, databaseId, collectionId, documentId, data,
                permissions));
    }

    /** Creates a document from a record or bean, whose properties are the attributes. */
    public Document createDocument(String databaseId, String collectionId, String documentId, Object data,
                                   List<String> permissions) {
        return createDocument(databaseId, collectionId, documentId, DocumentService.dataOf(data), permissions);
    }

    /** Creates a document with default permissions. */
    public Document createDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data) {
        return createDocument(databaseId, collectionId, documentId, data, null);
    }

    /**
     * Reads a document.
     *
     * @param queries only {@code select} queries; {@code null} or empty for every attribute
     * @throws QuireException {@code document_not_found}, also when the caller may not read it
     */
    public Document getDocument(String databaseId, String collectionId, String documentId, List<String> queries) {
        return inUnit(unit -> services.documents.get(unit, access, databaseId, collectionId, documentId, queries));
    }

    /** Reads a document with every attribute. */
    public Document getDocument(String databaseId, String collectionId, String documentId) {
        return getDocument(databaseId, collectionId, documentId, null);
    }

    /**
     * Lists the documents the caller may read: 25 in insertion order unless queries say otherwise, with the
     * exact total of matches.
     *
     * @param queries Appwrite query strings, from {@code Query} or an SDK
     */
    public DocumentList listDocuments(String databaseId, String collectionId, List<String> queries) {
        return listDocuments(databaseId, collectionId, queries, true);
    }

    /**
     * Lists documents, optionally without counting the total (Appwrite's {@code total=false}); the total
     * is then 0, as Appwrite reports it.
     */
    public DocumentList listDocuments(String databaseId, String collectionId, List<String> queries, boolean total) {
        return inUnit(unit -> services.documents.list(unit, access, databaseId, collectionId, queries, total));
    }

    /**
     * Updates the given attributes and keeps the others and {@code $createdAt}. A value may be an operator
     * ({@code Operator.increment(1)}, {@code Operator.arrayAppend(List.of("x"))}, ...), computed from the stored
     * value; numeric ones run in SQL, so concurrent updates all count.
     *
     * @param permissions new permissions, or {@code null} to keep them
     */
    public Document updateDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data,
                                   List<String> permissions) {
        return inUnit(unit -> services.documents.update(unit, access, databaseId, collectionId, documentId, data,
                permissions));
    }

    /** Updates the given attributes and keeps the permissions. */
    public Document updateDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data) {
        return updateDocument(databaseId, collectionId, documentId, data, null);
    }

    /** Updates a document from a record or bean; every property is written. */
    public Document updateDocument(String databaseId, String collectionId, String documentId, Object data,
                                   List<String> permissions) {
        return updateDocument(databaseId, collectionId, documentId, DocumentService.dataOf(data), permissions);
    }

    /**
     * Creates the document, or replaces its attributes when it exists ({@code $createdAt} is kept). Values may be
     * operators, applied to the stored value (to nothing when the document is new).
     *
     * @param permissions permissions, or {@code null}: defaults on create, kept on replace
     */
    public Document upsertDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data,
                                   List<String> permissions) {
        return inUnit(unit -> services.documents.upsert(unit, access, databaseId, collectionId, documentId, data,
                permissions));
    }

    /** Creates the document with default permissions, or replaces its attributes and keeps its permissions. */
    public Document upsertDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data) {
        return upsertDocument(databaseId, collectionId, documentId, data, null);
    }

    /** Upserts a document from a record or bean. */
    public Document upsertDocument(String databaseId, String collectionId, String documentId, Object data,
                                   List<String> permissions) {
        return upsertDocument(databaseId, collectionId, documentId, DocumentService.dataOf(data), permissions);
    }

    /** Deletes a document and its permissions. */
    public void deleteDocument(String databaseId, String collectionId, String documentId) {
        useUnit(unit -> services.documents.delete(unit, access, databaseId, collectionId, documentId));
    }

    // ---- change events ----------------------------------------------------------------------------------

    /**
     * Subscribes to change events on Appwrite's realtime channels. Each create, update, upsert and delete of a
     * document is delivered once committed, in commit order, as an {@link Event} with Appwrite's event names,
     * channels and the document as the API returns it; work that rolls back delivers nothing. A view
     * {@code db.as(caller)} receives only the documents that caller may read as of the write.
     *
     * <pre>{@code
     * Subscription s = db.subscribe(List.of("databases.app.collections.movies.documents"), event -> {
     *     if (event.getEvents().contains("databases.app.collections.movies.documents.*.create")) {
     *         refresh((String) event.getPayload().get("$id"));
     *     }
     * });
     * ...
     * s.close();
     * }</pre>
     *
     * <p>Channels: {@code documents} and {@code rows} (every document), {@code
     * databases.<db>.collections.<collection>.documents} (one collection), {@code
     * databases.<db>.collections.<collection>.documents.<document>} (one document), the same with {@code
     * tables}/{@code rows} and with the {@code tablesdb.} prefix, and each of those followed by {@code .create},
     * {@code .update}, {@code .upsert} or {@code .delete} (one kind of write, as in Appwrite 1.9.5).
     *
     * <p>The callback runs on a delivery thread of the subscription's own, one event at a time; writers never
     * wait for it. An exception it throws is logged and delivery goes on. A subscription holds up to {@value
     * dev.quire.internal.realtime.Realtime#DEFAULT_CAPACITY} undelivered events; a subscriber that falls further
     * behind receives a final error event ({@link Event#isError()}, type {@code realtime_subscription_overflow})
     * and is closed. Closing the store ends every subscription once the events committed before are delivered.
     *
     * @param channels the channels, at least one
     * @param callback receives each event
     * @return the subscription, to {@linkplain Subscription#close() close} when done
     * @throws QuireException {@code general_argument_invalid} for an empty list or a channel Quire does not publish
     *                        on; {@code general_server_error} when the store is closed
     */
    public Subscription subscribe(List<String> channels, Consumer<Event> callback) {
        return subscribe(channels, dev.quire.internal.realtime.Realtime.DEFAULT_CAPACITY, callback);
    }

    /**
     * Subscribes with a queue of the given size: how many undelivered events the subscriber may fall behind by
     * before it is ended with an error event. See {@link #subscribe(List, Consumer)}.
     *
     * @param capacity at least 1
     */
    public Subscription subscribe(List<String> channels, int capacity, Consumer<Event> callback) {
        return services().events.realtime.subscribe(channels, access, capacity, callback);
    }

    /**
     * Creates a document in a staged transaction: nothing is written until the transaction is committed.
     *
     * @param transactionId a transaction from {@link #createTransaction(Integer)}, or {@code null} to write now
     * @return the document as staged: its id, and the data and permissions it will get
     * @throws QuireException {@code transaction_not_found} (404), {@code transaction_not_ready} (400, not
     *                        pending), {@code transaction_expired} (410), {@code transaction_limit_exceeded} (400)
     */
    public Document createDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data,
                                   List<String> permissions, String transactionId) {
        if (transactionId == null) {
            return createDocument(databaseId, collectionId, documentId, data, permissions);
        }
        Errors.require(data, "data");
        return stage(transactionId, StagedOperation.Action.CREATE, databaseId, collectionId, documentId, data,
                permissions);
    }

    /**
     * Reads a document as a transaction sees it: with the operations staged in it applied, while it is pending.
     *
     * @param transactionId a transaction, or {@code null} to read committed data
     */
    public Document getDocument(String databaseId, String collectionId, String documentId, List<String> queries,
                                String transactionId) {
        if (transactionId == null) {
            return getDocument(databaseId, collectionId, documentId, queries);
        }
        return readStaged(transactionId, unit -> services.documents.get(unit, access, databaseId, collectionId,
                documentId, queries));
    }

    /**
     * Lists documents as a transaction sees them. Filters, order, limit and the total apply to the staged state
     * exactly (Appwrite adds staged documents to the committed page without filtering them again).
     *
     * @param transactionId a transaction, or {@code null} to read committed data
     */
    public DocumentList listDocuments(String databaseId, String collectionId, List<String> queries,
                                      String transactionId, boolean total) {
        if (transactionId == null) {
            return listDocuments(databaseId, collectionId, queries, total);
        }
        return readStaged(transactionId, unit -> services.documents.list(unit, access, databaseId, collectionId,
                queries, total));
    }

    /** Lists documents as a transaction sees them, with the total. */
    public DocumentList listDocuments(String databaseId, String collectionId, List<String> queries,
                                      String transactionId) {
        return listDocuments(databaseId, collectionId, queries, transactionId, true);
    }

    /**
     * Stages an update in a transaction.
     *
     * @return the document as the transaction will have it: the staged data over its current state
     * @throws QuireException {@code document_not_found} when neither the store nor the transaction holds it, and
     *                        the errors of {@link #createDocument(String, String, String, Map, List, String)}
     */
    public Document updateDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data,
                                   List<String> permissions, String transactionId) {
        if (transactionId == null) {
            return updateDocument(databaseId, collectionId, documentId, data, permissions);
        }
        return stage(transactionId, StagedOperation.Action.UPDATE, databaseId, collectionId, documentId, data,
                permissions);
    }

    /** Stages an upsert in a transaction; returns the document as staged. */
    public Document upsertDocument(String databaseId, String collectionId, String documentId, Map<String, ?> data,
                                   List<String> permissions, String transactionId) {
        if (transactionId == null) {
            return upsertDocument(databaseId, collectionId, documentId, data, permissions);
        }
        Errors.require(data, "data");
        return stage(transactionId, StagedOperation.Action.UPSERT, databaseId, collectionId, documentId, data,
                permissions);
    }

    /** Stages a delete in a transaction. */
    public void deleteDocument(String databaseId, String collectionId, String documentId, String transactionId) {
        if (transactionId == null) {
            deleteDocument(databaseId, collectionId, documentId);
            return;
        }
        stage(transactionId, StagedOperation.Action.DELETE, databaseId, collectionId, documentId, null, null);
    }

    // ---- staged transactions --------------------------------------------------------------------------

    /**
     * Starts a staged transaction, Appwrite's way of writing several documents together: calls that carry its id
     * record operations, reads that carry it see them, and {@link #updateTransaction} with {@code commit} writes
     * them all in one unit of work, or none.
     *
     * <pre>{@code
     * Transaction tx = db.createTransaction(60);
     * db.updateDocument("bank", "accounts", "alice", Map.of("balance", 70), null, tx.getId());
     * db.updateDocument("bank", "accounts", "bob", Map.of("balance", 80), null, tx.getId());
     * db.updateTransaction(tx.getId(), true, null);     // both, or neither
     * }</pre>
     *
     * <p>Staged transactions live in the store and survive a reopen until they expire. A caller's transactions
     * are visible to that user only; the root handle sees all.
     *
     * @param ttl seconds until it expires, 60 to 3,600; {@code null} for 300
     * @throws QuireException {@code general_argument_invalid} (400) for a ttl out of range
     */
    public Transaction createTransaction(Integer ttl) {
        return staging(unit -> services.transactions.create(unit, access, ttl));
    }

    /** @throws QuireException {@code transaction_not_found} (404) */
    public Transaction getTransaction(String transactionId) {
        return staging(unit -> services.transactions.get(unit, access, transactionId));
    }

    /** Lists transactions; queries may filter and order on {@code status} and {@code expiresAt} only. */
    public TransactionList listTransactions(List<String> queries) {
        return staging(unit -> services.transactions.list(unit, access, queries));
    }

    /**
     * Commits or rolls back a staged transaction. A commit replays every staged operation in staging order in one
     * unit of work: all are written, or, when one fails, none, and the transaction is {@code failed}. A rollback
     * discards them and marks it {@code failed}, as Appwrite does.
     *
     * @throws QuireException {@code general_bad_request} (400) unless exactly one of {@code commit} and
     *                        {@code rollback} is true; {@code transaction_not_found} (404);
     *                        {@code transaction_not_ready} (400) when it is not pending; {@code transaction_expired}
     *                        (410); at commit {@code transaction_conflict} (409) when a document changed after its
     *                        operation was staged or a created id exists by now, {@code document_not_found} (404),
     *                        {@code document_invalid_structure} (400), …
     */
    public Transaction updateTransaction(String transactionId, Boolean commit, Boolean rollback) {
        Transaction started = staging(unit -> services.transactions.start(unit, access, transactionId, commit,
                rollback));
        if (!started.getStatus().equals("committing")) {
            return started;
        }
        try {
            return staging(unit -> services.transactions.commit(unit, transactionId));
        } catch (QuireException failure) {
            staging(unit -> {
                services.transactions.fail(unit, transactionId);
                return null;
            });
            throw failure;
        }
    }

    /** Deletes a staged transaction and what it staged. */
    public void deleteTransaction(String transactionId) {
        staging(unit -> {
            services.transactions.delete(unit, access, transactionId);
            return null;
        });
    }

    /**
     * Stages operations in a transaction, as Appwrite's {@code createOperations} takes them:
     * {@code {"action": "create"|"update"|"upsert"|"delete", "databaseId", "collectionId", "documentId",
     * "data"}}, where {@code data} may hold {@code $permissions}.
     *
     * <pre>{@code
     * db.createOperations(tx.getId(), List.of(
     *         Map.of("action", "create", "databaseId", "app", "collectionId", "movies", "documentId", "up",
     *                 "data", Map.of("title", "Up")),
     *         Map.of("action", "delete", "databaseId", "app", "collectionId", "movies", "documentId", "old")));
     * }</pre>
     *
     * @return the transaction with its new operation count
     * @throws QuireException {@code general_bad_request} (400) for an empty list, an unknown action (the bulk,
     *                        increment and decrement actions are not supported yet) or a pending-state problem;
     *                        {@code transaction_not_found} (404); {@code transaction_expired} (410);
     *                        {@code transaction_limit_exceeded} (400); {@code document_not_found} (404) for an
     *                        update or delete of a document neither the store nor the transaction holds; …
     */
    public Transaction createOperations(String transactionId, List<Map<String, ?>> operations) {
        if (operations == null || operations.isEmpty()) {
            throw Errors.of("general_bad_request", 400, "Operations array cannot be empty");
        }
        List<TransactionService.Request> requests = new ArrayList<>();
        for (Map<String, ?> operation : operations) {
            requests.add(TransactionService.request(operation));
        }
        return staging(unit -> {
            services.transactions.stage(unit, access, transactionId, requests, TransactionService.Path.OPERATIONS);
            return services.transactions.get(unit, access, transactionId);
        });
    }

    // ---- many documents and atomic updates ----------------------------------------------------------------

    /**
     * Creates many documents in one call, all or none. Each item is a document's data and may carry its own
     * {@code $id} (missing or {@code unique()}: a generated one) and {@code $permissions} (missing: none), and,
     * from this root handle, {@code $createdAt}/{@code $updatedAt} to keep timestamps from elsewhere. Operators
     * are not read here: a string is a string, as in Appwrite's create.
     *
     * <pre>{@code
     * DocumentList created = db.createDocuments("app", "movies", List.of(
     *         Map.of("$id", "up", "title", "Up", "year", 2009),
     *         Map.of("title", "Heat", "year", 1995, "$permissions", List.of(Permission.read(Role.any())))));
     * }</pre>
     *
     * <p>Unlike Appwrite there is no limit of 100 documents per call; they are written in JDBC batches.
     *
     * @param documents the documents' data, at least one
     * @return every created document, in the order given; the total is their number
     * @throws QuireException {@code general_unauthorized_scope} from a caller's view (Appwrite allows bulk
     *                        create to server keys only), {@code document_missing_data} for an empty list,
     *                        {@code document_already_exists}, {@code document_invalid_structure},
     *                        {@code general_bad_request} for an invalid {@code $id} or {@code $permissions}
     */
    public DocumentList createDocuments(String databaseId, String collectionId, List<? extends Map<String, ?>> documents) {
        return inUnit(unit -> services.bulk.create(unit, access, databaseId, collectionId, documents));
    }

    /**
     * Creates or updates many documents in one call, all or none: an item whose {@code $id} exists is updated
     * (attributes it leaves out keep their values; operators are applied), any other is created. A caller needs
     * create permission on the collection for new documents and update permission for existing ones.
     *
     * @param documents the documents' data, each with its {@code $id}
     * @return the created and changed documents, in the order given (an item that changes nothing is left out)
     * @throws QuireException {@code document_missing_data}, {@code document_invalid_structure},
     *                        {@code user_unauthorized}, {@code general_bad_request}
     */
    public DocumentList upsertDocuments(String databaseId, String collectionId, List<? extends Map<String, ?>> documents) {
        return inUnit(unit -> services.bulk.upsert(unit, access, databaseId, collectionId, documents));
    }

    /**
     * Writes the same data to every document the queries select, all or none. Filters, order, cursor,
     * {@code limit} and {@code offset} select; without {@code limit}, every match. Values in {@code data} may be
     * operators ({@code Operator.increment(1)}, {@code Operator.arrayAppend(...)}, ...), computed per document.
     * From a caller's view only documents it may update are changed.
     *
     * <pre>{@code
     * db.updateDocuments("app", "movies", Map.of("views", Operator.increment()),
     *         List.of(Query.equal("year", 2009)));
     * }</pre>
     *
     * @param data    attribute values and operators; may also hold {@code $permissions}
     * @param queries Appwrite query strings; {@code null} or empty for all documents
     * @return the first 100 changed documents, as Appwrite returns them; the total is how many changed
     * @throws QuireException {@code document_missing_payload} for empty data, {@code document_invalid_structure},
     *                        {@code general_query_invalid}, {@code user_unauthorized}
     */
    public DocumentList updateDocuments(String databaseId, String collectionId, Map<String, ?> data,
                                        List<String> queries) {
        return inUnit(unit -> services.bulk.update(unit, access, databaseId, collectionId, data, queries));
    }

    /**
     * Deletes every document the queries select, all or none; without {@code limit}, every match. From a
     * caller's view only documents it may delete are deleted.
     *
     * @param queries Appwrite query strings; {@code null} or empty for all documents
     * @return the first 100 deleted documents, as Appwrite returns them; the total is how many were deleted
     * @throws QuireException {@code general_query_invalid}, {@code user_unauthorized}
     */
    public DocumentList deleteDocuments(String databaseId, String collectionId, List<String> queries) {
        return inUnit(unit -> services.bulk.delete(unit, access, databaseId, collectionId, queries));
    }

    /**
     * Adds to a numeric attribute atomically: concurrent increments all count. Unlike
     * {@code Operator.increment(value, max)}, which stops at {@code max}, this fails past it.
     *
     * <pre>{@code
     * Document post = db.incrementDocumentAttribute("app", "posts", "p1", "likes", null, null);   // +1
     * }</pre>
     *
     * @param attribute an integer or float attribute (not an array)
     * @param value     the amount, greater than 0; {@code null} for 1
     * @param max       the largest value the result may have, or {@code null}
     * @return the document as it is after the increment
     * @throws QuireException {@code general_argument_invalid} for a value not above 0,
     *                        {@code attribute_not_found} (also, as in Appwrite, for a missing document),
     *                        {@code attribute_type_invalid} for a non-numeric attribute,
     *                        {@code attribute_limit_exceeded} past {@code max}, {@code user_unauthorized}
     */
    public Document incrementDocumentAttribute(String databaseId, String collectionId, String documentId,
                                               String attribute, Number value, Number max) {
        return inUnit(unit -> services.documents.increment(unit, access, databaseId, collectionId, documentId,
                attribute, value, max, true));
    }

    /** Adds 1 to a numeric attribute atomically; see {@link #incrementDocumentAttribute(String, String, String, String, Number, Number)}. */
    public Document incrementDocumentAttribute(String databaseId, String collectionId, String documentId,
                                               String attribute) {
        return incrementDocumentAttribute(databaseId, collectionId, documentId, attribute, null, null);
    }

    /**
     * Subtracts from a numeric attribute atomically: concurrent decrements all count; fails below {@code min}.
     *
     * @param value the amount, greater than 0; {@code null} for 1
     * @param min   the smallest value the result may have, or {@code null}
     * @return the document as it is after the decrement
     * @throws QuireException as {@link #incrementDocumentAttribute(String, String, String, String, Number, Number)},
     *                        with {@code attribute_limit_exceeded} below {@code min}
     */
    public Document decrementDocumentAttribute(String databaseId, String collectionId, String documentId,
                                               String attribute, Number value, Number min) {
        return inUnit(unit -> services.documents.increment(unit, access, databaseId, collectionId, documentId,
                attribute, value, min, false));
    }

    /** Subtracts 1 from a numeric attribute atomically. */
    public Document decrementDocumentAttribute(String databaseId, String collectionId, String documentId,
                                               String attribute) {
        return decrementDocumentAttribute(databaseId, collectionId, documentId, attribute, null, null);
    }

    @Override
    public String toString() {
        return "Databases[" + services.store + ", " + access + "]";
    }
}
