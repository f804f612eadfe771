package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Errors;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.DatabaseDef;
import dev.quire.internal.storage.DocumentTable;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Databases and collections as the services find them: each loaded once per version and cached, with the
 * lock that keeps document calls and schema changes of one collection apart.
 *
 * <p>Document calls hold the collection's read lock, schema changes its write lock, each until its unit of
 * work ends, so a write never runs against a table whose columns are changing.
 */
final class Catalog {
    private final MetadataStore metadata;
    private final Map<String, DatabaseDef> databases = new ConcurrentHashMap<>();
    private final Map<CollectionKey, DocumentTable> collections = new ConcurrentHashMap<>();
    private final Map<Long, ReadWriteLock> locks = new ConcurrentHashMap<>();

    private record CollectionKey(long database, String id) {
    }

    Catalog(MetadataStore metadata) {
        this.metadata = metadata;
    }

    MetadataStore metadata() {
        return metadata;
    }

    /** A database; disabled ones are hidden from callers. */
    DatabaseDef database(Access access, String databaseId) {
        Errors.require(databaseId, "databaseId");
        // Loaded inside computeIfAbsent for the reason given at table().
        DatabaseDef database = databases.computeIfAbsent(databaseId,
                id -> metadata.findDatabase(id).orElseThrow(Errors::databaseNotFound));
        if (!access.isRoot() && !database.enabled()) {
            throw Errors.databaseNotFound();
        }
        return database;
    }

    /** Drops a changed or deleted database, and its collections, from the cache. */
    void forget(DatabaseDef database) {
        databases.remove(database.id());
        collections.keySet().removeIf(key -> key.database() == database.seq());
    }

    /**
     * The current version of a collection, loaded once per version; disabled ones are hidden from callers.
     *
     * <p>The load runs inside {@code computeIfAbsent}, so a schema change's removal of the entry (after its
     * commit) waits for a load in progress and then removes it: a version read before the change cannot be
     * cached after it.
     */
    DocumentTable table(Access access, String databaseId, String collectionId) {
        Errors.require(collectionId, "collectionId");
        DatabaseDef database = database(access, databaseId);
        DocumentTable table = collections.computeIfAbsent(new CollectionKey(database.seq(), collectionId),
                key -> new DocumentTable(metadata.findCollection(database, collectionId)
                        .orElseThrow(Errors::collectionNotFound)));
        if (!access.isRoot() && !table.schema().enabled()) {
            throw Errors.collectionNotFound();
        }
        return table;
    }

    /**
     * A collection for document work: the unit holds its read lock until it ends, and the version returned is
     * the current one under that lock.
     */
    DocumentTable forDocuments(UnitOfWork unit, Access access, String databaseId, String collectionId) {
        long seq = table(access, databaseId, collectionId).schema().seq();
        unit.lock(lock(seq).readLock());
        return table(access, databaseId, collectionId);
    }

    /**
     * Runs a schema change alone on its collection (the unit holds its write lock), then drops the cached
     * version so the next call reloads. Under the write lock the cached version is the current one: only schema
     * changes replace it, and each drops it when done.
     */
    <T> T change(UnitOfWork unit, Access access, String databaseId, String collectionId,
                 Function<CollectionSchema, T> change) {
        CollectionSchema current = table(access, databaseId, collectionId).schema();
        unit.lock(lock(current.seq()).writeLock());
        CollectionKey key = new CollectionKey(current.database().seq(), collectionId);
        try {
            return change.apply(table(access, databaseId, collectionId).schema());
        } finally {
            collections.remove(key);
        }
    }

    private ReadWriteLock lock(long collectionSeq) {
        return locks.computeIfAbsent(collectionSeq, seq -> new ReentrantReadWriteLock());
    }
}
