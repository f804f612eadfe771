package dev.quire;

import dev.quire.internal.Errors;
import dev.quire.internal.Options;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.Store;
import dev.quire.internal.storage.UnitOfWork;

import java.util.function.Function;

/**
 * One open store and the services that work on it, shared by every handle on the store. Each service takes
 * the unit of work a call runs in and the caller's access; this class is where a call's unit begins and ends.
 */
final class Services implements AutoCloseable {
    final Options options;
    final Store store;
    final DatabaseService databases;
    final SchemaService schema;
    final DocumentService documents;
    final ChangeEvents events;
    final BulkDocumentService bulk;
    final TransactionService transactions;
    /** The transaction this thread has open on this store, if any: calls on other handles are refused meanwhile. */
    private final ThreadLocal<UnitOfWork> transaction = new ThreadLocal<>();
    private volatile boolean closed;

    Services(Options options) {
        this.options = options;
        this.store = options.path() == null ? Store.inMemory(options.timeout()) : Store.open(options.path(), options.timeout());
        Catalog catalog = new Catalog(new MetadataStore(store));
        this.databases = new DatabaseService(catalog);
        this.schema = new SchemaService(catalog);
        this.events = new ChangeEvents();
        this.documents = new DocumentService(catalog, events);
        this.bulk = new BulkDocumentService(catalog, events);
        this.transactions = new TransactionService(store, catalog, documents, options.transactionOperationLimit());
    }

    /**
     * Runs one call as one unit of work: it commits when the call returns and rolls back when it throws.
     *
     * @param bound the transaction the calling handle belongs to, or {@code null} for a handle of its own
     */
    <T> T inUnit(UnitOfWork bound, Function<UnitOfWork, T> call) {
        UnitOfWork open = transaction.get();
        if (bound != null) {
            if (open != bound) {
                throw Errors.transactionInvalid("This handle belongs to a transaction that has ended or that another "
                        + "thread opened; a transaction's handle works only inside its callback, on its thread");
            }
            return call.apply(bound);
        }
        if (open != null) {
            // Waiting here would wait for the open transaction, which waits for this call: refuse instead.
            throw Errors.transactionInvalid("A transaction is open on this thread: make this call through the "
                    + "Databases handle the transaction's callback received, not through another handle");
        }
        try (UnitOfWork unit = store.unit()) {
            T result = call.apply(unit);
            unit.commit();
            return result;
        }
    }

    /**
     * Runs work in one transaction that spans every call made through it: it commits when the work returns and
     * rolls back, rethrowing, when it throws.
     */
    <T> T inTransaction(Function<UnitOfWork, T> work) {
        if (transaction.get() != null) {
            throw Errors.transactionInvalid("A transaction is open on this thread: open the nested one through the "
                    + "Databases handle the transaction's callback received");
        }
        try (UnitOfWork unit = store.beginTransaction()) {
            T result;
            transaction.set(unit);
            try {
                result = work.apply(unit);
            } finally {
                transaction.remove();
            }
            unit.commit();
            return result;
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        events.close();
        store.close();
    }
}
