package dev.quire;

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
    private volatile boolean closed;

    Services(Options options) {
        this.options = options;
        this.store = options.path() == null ? Store.inMemory(options.timeout()) : Store.open(options.path(), options.timeout());
        Catalog catalog = new Catalog(new MetadataStore(store));
        this.databases = new DatabaseService(catalog);
        this.schema = new SchemaService(catalog);
        this.events = new ChangeEvents();
        this.documents = new DocumentService(catalog, events);
    }

    /** Runs one call as one unit of work: it commits when the call returns and rolls back when it throws. */
    <T> T inUnit(Function<UnitOfWork, T> call) {
        try (UnitOfWork unit = store.unit()) {
            T result = call.apply(unit);
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
