package dev.quire;

import dev.quire.internal.Errors;
import dev.quire.internal.Json;
import dev.quire.internal.schema.AttributeChanges;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.AttributeFormat;
import dev.quire.internal.schema.AttributeType;
import dev.quire.internal.schema.AttributeRules;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.DatabaseDef;
import dev.quire.internal.schema.IndexDef;
import dev.quire.internal.schema.IndexRules;
import dev.quire.internal.schema.Keys;
import dev.quire.internal.storage.DocumentTable;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.PageRequest;
import dev.quire.internal.storage.Rows;
import dev.quire.internal.storage.Store;
import dev.quire.internal.storage.StoredDocument;
import dev.quire.permissions.Caller;
import dev.quire.permissions.Grant;
import dev.quire.permissions.PermissionException;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;
import dev.quire.query.Field;
import dev.quire.query.FieldType;
import dev.quire.query.Method;
import dev.quire.query.Order;
import dev.quire.query.QueryException;
import dev.quire.query.QueryPlan;
import dev.quire.query.QuerySchema;
import dev.quire.query.internal.Datetimes;
import tools.jackson.core.JacksonException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * What {@link Databases} does, for one store and any caller ({@code null} is the root handle, which acts as
 * a server API key). Validation and permission decisions happen here; SQL happens in the storage package.
 *
 * <p>Schemas are cached per collection version. Document calls hold the collection's read lock, schema
 * changes its write lock, so a write never runs against a table whose columns are changing.
 */
final class Engine implements AutoCloseable {
    private static final int DEFAULT_LIMIT = 25;
    private static final Set<String> SYSTEM_KEYS = Set.of("$id", "$sequence", "$collectionId", "$databaseId",
            "$createdAt", "$updatedAt", "$permissions", "$collection", "$tenant");
    private static final QuerySchema DATABASE_FIELDS = QuerySchema.of(List.of(
            new Field("$id", FieldType.STRING, false), new Field("name", FieldType.STRING, false),
            new Field("enabled", FieldType.BOOLEAN, false), new Field("$createdAt", FieldType.DATETIME, false),
            new Field("$updatedAt", FieldType.DATETIME, false)));
    private static final QuerySchema COLLECTION_FIELDS = QuerySchema.of(List.of(
            new Field("$id", FieldType.STRING, false), new Field("name", FieldType.STRING, false),
            new Field("enabled", FieldType.BOOLEAN, false), new Field("documentSecurity", FieldType.BOOLEAN, false),
            new Field("$createdAt", FieldType.DATETIME, false), new Field("$updatedAt", FieldType.DATETIME, false)));
    private static final QuerySchema ATTRIBUTE_FIELDS = QuerySchema.of(List.of(
            new Field("key", FieldType.STRING, false), new Field("type", FieldType.STRING, false),
            new Field("size", FieldType.INTEGER, false), new Field("required", FieldType.BOOLEAN, false),
            new Field("array", FieldType.BOOLEAN, false), new Field("status", FieldType.STRING, false),
            new Field("error", FieldType.STRING, false)));
    private static final QuerySchema INDEX_FIELDS = QuerySchema.of(List.of(
            new Field("key", FieldType.STRING, false), new Field("type", FieldType.STRING, false),
            new Field("status", FieldType.STRING, false), new Field("attributes", FieldType.STRING, true),
            new Field("error", FieldType.STRING, false)));

    private final Store store;
    private final MetadataStore metadata;
    private final Map<String, DatabaseDef> databases = new ConcurrentHashMap<>();
    private final Map<CollectionKey, DocumentTable> collections = new ConcurrentHashMap<>();
    private final Map<Long, ReadWriteLock> locks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record CollectionKey(long database, String id) {
    }

    Engine(Store store) {
        this.store = store;
        this.metadata = new MetadataStore(store);
    }

    Store store() {
        return store;
    }

    @Override
    public void close() {
        closed = true;
        store.close();
    }

    boolean isClosed() {
        return closed;
    }

    void backup(Caller caller, Path target) {
        requireRoot(caller, "archives.write");
        store.backup(target);
    }

    static String now() {
        return Datetimes.format(Instant.now());
    }

    // ---- databases --------------------------------------------------------------------------------------

    Database createDatabase(Caller caller, String databaseId, String name, boolean enabled) {
        requireRoot(caller, "databases.write");
        String id = Keys.resolveId("databaseId", databaseId);
        DatabaseDef database = metadata.createDatabase(id, requireName(name), enabled, now());
        return toModel(database);
    }

    Database getDatabase(Caller caller, String databaseId) {
        requireRoot(caller, "databases.read");
        return toModel(database(caller, databaseId));
    }

    DatabaseList listDatabases(Caller caller, List<String> queries) {
        requireRoot(caller, "databases.read");
        QueryPlan plan = plan(queries, DATABASE_FIELDS);
        Rows<DatabaseDef> rows = metadata.listDatabases(plan, DATABASE_FIELDS.fields(), true);
        return new DatabaseList(rows.total(), rows.items().stream().map(Engine::toModel).toList());
    }

    Database updateDatabase(Caller caller, String databaseId, String name, Boolean enabled) {
        requireRoot(caller, "databases.write");
        DatabaseDef database = database(caller, databaseId);
        String newName = name == null ? database.name() : requireName(name);
        boolean newEnabled = enabled == null ? database.enabled() : enabled;
        String now = now();
        metadata.updateDatabase(database.seq(), newName, newEnabled, now);
        forgetDatabase(database);
        return toModel(new DatabaseDef(database.seq(), database.id(), newName, newEnabled, database.createdAt(), now));
    }

    void deleteDatabase(Caller caller, String databaseId) {
        requireRoot(caller, "databases.write");
        DatabaseDef database = database(caller, databaseId);
        metadata.deleteDatabase(database.seq());
        forgetDatabase(database);
    }

    private DatabaseDef database(Caller caller, String databaseId) {
        Objects.requireNonNull(databaseId, "databaseId");
        // Loaded inside computeIfAbsent for the reason given at table().
        DatabaseDef database = databases.computeIfAbsent(databaseId,
                id -> metadata.findDatabase(id).orElseThrow(Errors::databaseNotFound));
        if (caller != null && !database.enabled()) {
            throw Errors.databaseNotFound();
        }
        return database;
    }

    private void forgetDatabase(DatabaseDef database) {
        databases.remove(database.id());
        collections.keySet().removeIf(key -> key.database() == database.seq());
    }

    // ---- collections ------------------------------------------------------------------------------------

    Collection createCollection(Caller caller, String databaseId, String collectionId, String name,
                                List<String> permissions, boolean documentSecurity, boolean enabled) {
        requireRoot(caller, "collections.write");
        DatabaseDef database = database(caller, databaseId);
        String id = Keys.resolveId("collectionId", collectionId);
        List<Grant> grants = permissions(() -> Permissions.forCollection(permissions == null ? List.of() : permissions));
        CollectionSchema schema = metadata.createCollection(database, id, requireName(name), enabled,
                documentSecurity, grants, now());
        return toModel(schema);
    }

    Collection getCollection(Caller caller, String databaseId, String collectionId) {
        requireRoot(caller, "collections.read");
        return toModel(table(caller, databaseId, collectionId).schema());
    }

    CollectionList listCollections(Caller caller, String databaseId, List<String> queries) {
        requireRoot(caller, "collections.read");
        DatabaseDef database = database(caller, databaseId);
        QueryPlan plan = plan(queries, COLLECTION_FIELDS);
        Rows<CollectionSchema> rows = metadata.listCollections(database, plan, COLLECTION_FIELDS.fields(), true);
        return new CollectionList(rows.total(), rows.items().stream().map(Engine::toModel).toList());
    }

    Collection updateCollection(Caller caller, String databaseId, String collectionId, String name,
                                List<String> permissions, Boolean documentSecurity, Boolean enabled) {
        requireRoot(caller, "collections.write");
        return underSchemaLock(caller, databaseId, collectionId, schema -> {
            List<Grant> grants = permissions == null ? schema.permissions()
                    : permissions(() -> Permissions.forCollection(permissions));
            String newName = name == null ? schema.name() : requireName(name);
            boolean newSecurity = documentSecurity == null ? schema.documentSecurity() : documentSecurity;
            boolean newEnabled = enabled == null ? schema.enabled() : enabled;
            metadata.updateCollection(schema.seq(), newName, newEnabled, newSecurity, grants, now());
            // Read back past the cache, which still holds the version this change started from.
            return toModel(metadata.findCollection(schema.database(), collectionId)
                    .orElseThrow(Errors::collectionNotFound));
        });
    }

    void deleteCollection(Caller caller, String databaseId, String collectionId) {
        requireRoot(caller, "collections.write");
        underSchemaLock(caller, databaseId, collectionId, schema -> {
            metadata.deleteCollection(schema.seq());
            return null;
        });
    }

    /**
     * The current version of a collection, loaded once per version; disabled ones are hidden from callers.
     *
     * <p>The load runs inside {@code computeIfAbsent}, so a schema change's removal of the entry (after its
     * commit) waits for a load in progress and then removes it: a version read before the change cannot be
     * cached after it.
     */
    private DocumentTable table(Caller caller, String databaseId, String collectionId) {
        Objects.requireNonNull(collectionId, "collectionId");
        DatabaseDef database = database(caller, databaseId);
        DocumentTable table = collections.computeIfAbsent(new CollectionKey(database.seq(), collectionId),
                key -> new DocumentTable(metadata.findCollection(database, collectionId)
                        .orElseThrow(Errors::collectionNotFound)));
        if (caller != null && !table.schema().enabled()) {
            throw Errors.collectionNotFound();
        }
        return table;
    }

    private interface SchemaChange<T> {
        T apply(CollectionSchema schema);
    }

    /**
     * Runs a schema change alone on its collection, then drops the cached version so the next call reloads.
     * Under the write lock the cached version is the current one: only schema changes replace it, and each
     * drops it when done.
     */
    private <T> T underSchemaLock(Caller caller, String databaseId, String collectionId, SchemaChange<T> change) {
        CollectionSchema current = table(caller, databaseId, collectionId).schema();
        ReadWriteLock lock = lock(current.seq());
        lock.writeLock().lock();
        try {
            CollectionKey key = new CollectionKey(current.database().seq(), collectionId);
            try {
                return change.apply(table(caller, databaseId, collectionId).schema());
            } finally {
                collections.remove(key);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private interface DocumentWork<T> {
        T apply(DocumentTable table);
    }

    /** Runs a document call under the collection's read lock, against the collection's current version. */
    private <T> T underDocumentLock(Caller caller, String databaseId, String collectionId, DocumentWork<T> work) {
        long seq = table(caller, databaseId, collectionId).schema().seq();
        ReadWriteLock lock = lock(seq);
        lock.readLock().lock();
        try {
            return work.apply(table(caller, databaseId, collectionId));
        } finally {
            lock.readLock().unlock();
        }
    }

    private ReadWriteLock lock(long collectionSeq) {
        return locks.computeIfAbsent(collectionSeq, seq -> new ReentrantReadWriteLock());
    }

    // ---- attributes -------------------------------------------------------------------------------------

    Attribute createAttribute(Caller caller, String databaseId, String collectionId, AttributeDef attribute) {
        requireRoot(caller, "attributes.write");
        return underSchemaLock(caller, databaseId, collectionId, schema -> {
            AttributeRules.check(attribute, schema.attributes());
            metadata.createAttribute(schema.seq(), attribute);
            return toModel(attribute);
        });
    }

    Attribute getAttribute(Caller caller, String databaseId, String collectionId, String key) {
        requireRoot(caller, "attributes.read");
        return table(caller, databaseId, collectionId).schema().attribute(key).map(Engine::toModel)
                .orElseThrow(Errors::attributeNotFound);
    }

    AttributeList listAttributes(Caller caller, String databaseId, String collectionId, List<String> queries) {
        requireRoot(caller, "attributes.read");
        CollectionSchema schema = table(caller, databaseId, collectionId).schema();
        QueryPlan plan = plan(queries, ATTRIBUTE_FIELDS);
        Rows<AttributeDef> rows = metadata.listAttributes(schema.seq(), plan, ATTRIBUTE_FIELDS.fields(), true);
        return new AttributeList(rows.total(), rows.items().stream().map(Engine::toModel).toList());
    }

    /**
     * Deletes an attribute; indexes that use it lose it, and go when left empty or identical to another, as
     * Appwrite's worker does it.
     */
    void deleteAttribute(Caller caller, String databaseId, String collectionId, String key) {
        requireRoot(caller, "attributes.write");
        underSchemaLock(caller, databaseId, collectionId, schema -> {
            schema.attribute(key).orElseThrow(Errors::attributeNotFound);
            AttributeChanges.Removal removal = AttributeChanges.Removal.of(schema.indexes(), key,
                    index -> metadata.indexName(schema.seq(), index.key()) + "_" + index.attributes().size(), now());
            metadata.deleteAttribute(schema.seq(), key, removal.removed(), removal.changed(), schema.indexes());
            return null;
        });
    }

    /**
     * Changes an attribute of a collection that may hold documents. Existing values are kept as they are,
     * except that a string size below a stored value is refused; new writes follow the new definition. A new
     * key renames the column and the indexes' references to it.
     */
    Attribute updateAttribute(Caller caller, String databaseId, String collectionId, String key, AttributeType type,
                              AttributeFormat format, boolean required, Object xdefault, Number min, Number max,
                              Long size, List<String> elements, String newKey) {
        requireRoot(caller, "attributes.write");
        return underSchemaLock(caller, databaseId, collectionId, schema -> {
            AttributeDef old = schema.attribute(Objects.requireNonNull(key, "key"))
                    .orElseThrow(Errors::attributeNotFound);
            String now = now();
            AttributeDef updated = AttributeChanges.updated(schema, old, type, format, required, xdefault, min, max,
                    size, elements, newKey, now);
            if (updated.size() != null && old.size() != null && updated.size() < old.size()
                    && metadata.anyLongerThan(schema.seq(), old, updated.size())) {
                throw Errors.attributeInvalidResize();
            }
            metadata.updateAttribute(schema.seq(), old, updated,
                    AttributeChanges.renamed(schema.indexes(), old.key(), updated.key(), now));
            return toModel(updated);
        });
    }

    // ---- indexes ----------------------------------------------------------------------------------------

    Index createIndex(Caller caller, String databaseId, String collectionId, String key, IndexType type,
                      List<String> attributes, List<String> orders, List<Integer> lengths) {
        requireRoot(caller, "indexes.write");
        Objects.requireNonNull(type, "type");
        Keys.check("key", key);
        return underSchemaLock(caller, databaseId, collectionId, schema -> {
            String sqlName = type == IndexType.FULLTEXT ? metadata.fullTextTableName(schema.seq(), key)
                    : metadata.indexName(schema.seq(), key);
            IndexDef index = IndexRules.check(schema, key, type.value(), attributes, orders, lengths, sqlName, now());
            metadata.createIndex(schema.seq(), index);
            return toModel(index);
        });
    }

    Index getIndex(Caller caller, String databaseId, String collectionId, String key) {
        requireRoot(caller, "indexes.read");
        return toModel(index(table(caller, databaseId, collectionId).schema(), key));
    }

    IndexList listIndexes(Caller caller, String databaseId, String collectionId, List<String> queries) {
        requireRoot(caller, "indexes.read");
        CollectionSchema schema = table(caller, databaseId, collectionId).schema();
        QueryPlan plan = plan(queries, INDEX_FIELDS);
        Rows<IndexDef> rows = metadata.listIndexes(schema.seq(), plan, INDEX_FIELDS.fields(), true);
        return new IndexList(rows.total(), rows.items().stream().map(Engine::toModel).toList());
    }

    void deleteIndex(Caller caller, String databaseId, String collectionId, String key) {
        requireRoot(caller, "indexes.write");
        underSchemaLock(caller, databaseId, collectionId, schema -> {
            metadata.deleteIndex(schema.seq(), index(schema, key));
            return null;
        });
    }

    /** An index by its exact key, as Appwrite finds it. */
    private static IndexDef index(CollectionSchema schema, String key) {
        Objects.requireNonNull(key, "key");
        return schema.indexes().stream().filter(index -> index.key().equals(key)).findFirst()
                .orElseThrow(Errors::indexNotFound);
    }

    // ---- documents --------------------------------------------------------------------------------------

    Document createDocument(Caller caller, String databaseId, String collectionId, String documentId,
                            Map<String, ?> data, List<String> permissions) {
        Objects.requireNonNull(data, "data");
        return underDocumentLock(caller, databaseId, collectionId, table -> {
            CollectionSchema schema = table.schema();
            String id = Keys.resolveId("documentId", documentId);
            List<Grant> grants = documentGrants(caller, permissions);
            requireCollectionPermission(caller, schema, PermissionType.CREATE);
            Map<String, Object> values = schema.validator().validate(attributesOf(data));
            String now = now();
            long seq = store.inTransaction(connection -> table.insert(connection, id, now, values, grants));
            return toModel(schema, new StoredDocument(seq, id, now, now, Permissions.toStrings(grants), values));
        });
    }

    Document getDocument(Caller caller, String databaseId, String collectionId, String documentId,
                         List<String> queries) {
        Objects.requireNonNull(documentId, "documentId");
        return underDocumentLock(caller, databaseId, collectionId, table -> {
            CollectionSchema schema = table.schema();
            QueryPlan plan = plan(queries, schema.querySchema());
            if (!plan.filters().isEmpty() || !plan.orders().isEmpty() || plan.limit() != null
                    || plan.offset() != null || plan.cursor() != null) {
                throw Errors.queryInvalid("Invalid query: Only select queries are allowed when getting a document");
            }
            StoredDocument document = store.read(connection -> table.find(connection, documentId, false))
                    .orElseThrow(Errors::documentNotFound);
            if (!allows(caller, schema, PermissionType.READ, document)) {
                throw Errors.documentNotFound();
            }
            return toModel(schema, project(document, plan.select()));
        });
    }

    DocumentList listDocuments(Caller caller, String databaseId, String collectionId, List<String> queries,
                               boolean total) {
        return underDocumentLock(caller, databaseId, collectionId, table -> {
            CollectionSchema schema = table.schema();
            QueryPlan plan = plan(queries, schema.querySchema());
            Set<String> readRoles = readFilter(caller, schema);
            boolean random = plan.orders().stream().anyMatch(o -> o.method() == Method.ORDER_RANDOM);
            if (random && plan.cursor() != null) {
                throw Errors.queryInvalid("Invalid query: Cursor pagination cannot be combined with orderRandom");
            }
            List<Order> orders = plan.orders().stream().filter(o -> o.method() != Method.ORDER_RANDOM).toList();
            Store.Work<DocumentList> page = connection -> {
                StoredDocument cursor = null;
                if (plan.cursor() != null) {
                    // Cursor documents are looked up without permission checks, as Appwrite does.
                    cursor = table.find(connection, plan.cursor().documentId(), false)
                            .orElseThrow(() -> Errors.cursorNotFound("Document", plan.cursor().documentId()));
                }
                PageRequest request = new PageRequest(plan.filters(), orders, random, plan.select(), cursor,
                        plan.cursor() != null && plan.cursor().method() == Method.CURSOR_BEFORE,
                        plan.limit() == null ? DEFAULT_LIMIT : plan.limit(),
                        plan.offset() == null ? 0 : plan.offset(), readRoles);
                List<Document> documents = new ArrayList<>();
                for (StoredDocument document : table.page(connection, request)) {
                    documents.add(toModel(schema, document));
                }
                return new DocumentList(total ? table.count(connection, request) : -1, documents);
            };
            // A page with its total, or after a cursor read first, is several statements that must see one
            // snapshot; a lone page is one statement and needs no transaction around it.
            return total || plan.cursor() != null ? store.snapshot(page) : store.read(page);
        });
    }

    Document updateDocument(Caller caller, String databaseId, String collectionId, String documentId,
                            Map<String, ?> data, List<String> permissions) {
        Objects.requireNonNull(documentId, "documentId");
        if ((data == null || data.isEmpty()) && permissions == null) {
            throw Errors.missingPayload();
        }
        return underDocumentLock(caller, databaseId, collectionId, table -> {
            return store.inTransaction(connection -> {
                // Looked up without a read check: update needs update, and only a no-op needs read.
                StoredDocument existing = table.find(connection, documentId, true)
                        .orElseThrow(Errors::documentNotFound);
                List<Grant> newGrants = permissions == null ? null : documentGrants(caller, permissions);
                Map<String, Object> merged = new LinkedHashMap<>(existing.data());
                merged.putAll(attributesOf(data == null ? Map.of() : data));
                return write(caller, table, connection, existing, merged, newGrants);
            });
        });
    }

    Document upsertDocument(Caller caller, String databaseId, String collectionId, String documentId,
                            Map<String, ?> data, List<String> permissions) {
        Objects.requireNonNull(data, "data");
        String id = Keys.resolveId("documentId", documentId);
        try {
            return upsertOnce(caller, databaseId, collectionId, id, data, permissions);
        } catch (QuireException e) {
            // Two upserts of a new id can race to insert; the loser replaces what the winner wrote.
            if (!"document_already_exists".equals(e.getType())) {
                throw e;
            }
            return upsertOnce(caller, databaseId, collectionId, id, data, permissions);
        }
    }

    private Document upsertOnce(Caller caller, String databaseId, String collectionId, String id,
                                Map<String, ?> data, List<String> permissions) {
        return underDocumentLock(caller, databaseId, collectionId, table -> {
            CollectionSchema schema = table.schema();
            return store.inTransaction(connection -> {
                Optional<StoredDocument> found = table.find(connection, id, true);
                if (found.isEmpty()) {
                    List<Grant> grants = documentGrants(caller, permissions);
                    requireCollectionPermission(caller, schema, PermissionType.CREATE);
                    Map<String, Object> values = schema.validator().validate(attributesOf(data));
                    String now = now();
                    long seq = table.insert(connection, id, now, values, grants);
                    return toModel(schema, new StoredDocument(seq, id, now, now, Permissions.toStrings(grants), values));
                }
                StoredDocument existing = found.get();
                List<Grant> newGrants = permissions == null ? null : documentGrants(caller, permissions);
                return write(caller, table, connection, existing, attributesOf(data), newGrants);
            });
        });
    }

    /**
     * Writes new values over an existing document. A write that changes nothing needs only read access and
     * keeps {@code $updatedAt}, as in Appwrite.
     */
    private Document write(Caller caller, DocumentTable table, java.sql.Connection connection,
                           StoredDocument existing, Map<String, ?> data, List<Grant> newGrants)
            throws java.sql.SQLException {
        CollectionSchema schema = table.schema();
        Map<String, Object> values;
        try {
            values = schema.validator().validate(data);
        } catch (QuireException invalid) {
            // Invalid data cannot equal the stored document, so it is a change: like Appwrite, say 401 before 400.
            if (!allows(caller, schema, PermissionType.UPDATE, existing)) {
                throw Errors.unauthorized();
            }
            throw invalid;
        }
        List<String> newPermissions = newGrants == null ? existing.permissions() : Permissions.toStrings(newGrants);
        boolean permissionsChanged = !newPermissions.equals(existing.permissions());
        boolean changed = permissionsChanged || !values.equals(existing.data());
        if (!allows(caller, schema, changed ? PermissionType.UPDATE : PermissionType.READ, existing)) {
            throw Errors.unauthorized();
        }
        if (!changed) {
            return toModel(schema, existing);
        }
        List<Grant> grants = newGrants == null ? Permissions.forDocument(existing.permissions()) : newGrants;
        String now = now();
        table.update(connection, existing, now, values, grants);
        return toModel(schema, new StoredDocument(existing.seq(), existing.id(), existing.createdAt(), now,
                newPermissions, values));
    }

    void deleteDocument(Caller caller, String databaseId, String collectionId, String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        underDocumentLock(caller, databaseId, collectionId, table -> {
            CollectionSchema schema = table.schema();
            return store.inTransaction(connection -> {
                // Looked up without a read check: delete needs delete only, as in Appwrite.
                StoredDocument existing = table.find(connection, documentId, true)
                        .orElseThrow(Errors::documentNotFound);
                if (!allows(caller, schema, PermissionType.DELETE, existing)) {
                    throw Errors.unauthorized();
                }
                table.delete(connection, existing.seq());
                return null;
            });
        });
    }

    // ---- permissions ------------------------------------------------------------------------------------

    /**
     * Management belongs to server keys, as Appwrite's scopes have it: a caller gets the error a user session
     * gets from those endpoints.
     */
    private static void requireRoot(Caller caller, String scope) {
        if (caller != null) {
            throw Errors.missingScope(caller.isGuest() ? "guests" : "users", scope);
        }
    }

    private static void requireCollectionPermission(Caller caller, CollectionSchema schema, PermissionType type) {
        if (caller != null && !Permissions.allows(caller.roles(), type, schema.permissions(), false, List.of())) {
            throw Errors.unauthorized();
        }
    }

    private static boolean allows(Caller caller, CollectionSchema schema, PermissionType type,
                                  StoredDocument document) {
        return caller == null || Permissions.allows(caller.roles(), type, schema.permissions(),
                schema.documentSecurity(), Permissions.forDocument(document.permissions()));
    }

    /**
     * The roles a list must filter rows by, or {@code null} when every row is readable: the root handle and
     * callers with collection read see everything; without it, only document security can let rows through.
     */
    private static Set<String> readFilter(Caller caller, CollectionSchema schema) {
        if (caller == null || Permissions.allows(caller.roles(), PermissionType.READ, schema.permissions(), false,
                List.of())) {
            return null;
        }
        if (!schema.documentSecurity()) {
            throw Errors.unauthorized();
        }
        return caller.roles();
    }

    private static List<Grant> documentGrants(Caller caller, List<String> permissions) {
        return permissions(() -> {
            List<Grant> grants = permissions == null
                    ? (caller == null ? List.of() : Permissions.defaultsFor(caller))
                    : Permissions.forDocument(permissions);
            if (caller != null) {
                Permissions.checkGrantable(grants, caller);
            }
            return grants;
        });
    }

    private static List<Grant> permissions(Supplier<List<Grant>> parse) {
        try {
            return parse.get();
        } catch (PermissionException e) {
            throw new QuireException(e.getType(), e.getCode(), e.getMessage(), e);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static QueryPlan plan(List<String> queries, QuerySchema schema) {
        try {
            return QueryPlan.of(queries == null ? List.of() : queries, schema);
        } catch (QueryException e) {
            throw new QuireException(e.getType(), e.getCode(), e.getMessage(), e);
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > 128) {
            throw Errors.invalidParam("name", "Value must be a valid string and at least 1 chars and no longer than 128 chars");
        }
        return name;
    }

    /** Document data without the system fields, which are not writable through data and are ignored there. */
    private static Map<String, Object> attributesOf(Map<String, ?> data) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (!SYSTEM_KEYS.contains(key)) {
                attributes.put(key, value);
            }
        });
        return attributes;
    }

    /** A record or bean as document data. */
    static Map<String, Object> dataOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> data = new LinkedHashMap<>();
            map.forEach((k, v) -> data.put(String.valueOf(k), v));
            return data;
        }
        try {
            return Json.toMap(Objects.requireNonNull(value, "data"));
        } catch (JacksonException e) {
            throw Errors.invalidStructure("Data of type " + value.getClass().getName() + " is not an object");
        }
    }

    private static StoredDocument project(StoredDocument document, List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return document;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        document.data().forEach((key, value) -> {
            if (select.contains(key)) {
                data.put(key, value);
            }
        });
        return new StoredDocument(document.seq(), document.id(), document.createdAt(), document.updatedAt(),
                document.permissions(), data);
    }

    // ---- models -----------------------------------------------------------------------------------------

    private static Database toModel(DatabaseDef database) {
        return new Database(database.id(), database.name(), database.createdAt(), database.updatedAt(),
                database.enabled());
    }

    private static Collection toModel(CollectionSchema schema) {
        return new Collection(schema.id(), schema.database().id(), schema.name(), schema.enabled(),
                schema.documentSecurity(), Permissions.toStrings(schema.permissions()),
                schema.attributes().stream().map(Engine::toModel).toList(),
                schema.indexes().stream().map(Engine::toModel).toList(), schema.createdAt(), schema.updatedAt());
    }

    static Attribute toModel(AttributeDef attribute) {
        String format = attribute.format() != null ? attribute.format().appwriteName()
                : attribute.type() == dev.quire.internal.schema.AttributeType.DATETIME ? "datetime" : null;
        Long size = attribute.format() == null && attribute.size() != null ? attribute.size() : null;
        return new Attribute(attribute.key(), attribute.type().appwriteName(), format, attribute.required(),
                attribute.array(), size, attribute.min(), attribute.max(), attribute.xdefault(), attribute.elements(),
                attribute.createdAt(), attribute.updatedAt());
    }

    static Index toModel(IndexDef index) {
        return new Index(index.key(), index.type(), index.attributes(), index.orders(), index.lengths(),
                index.createdAt(), index.updatedAt());
    }

    private static Document toModel(CollectionSchema schema, StoredDocument document) {
        return new Document(document.id(), document.seq(), schema.id(), schema.database().id(),
                document.createdAt(), document.updatedAt(), document.permissions(), document.data());
    }
}
