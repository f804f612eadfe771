package dev.quire;

import dev.quire.internal.Access;
import dev.quire.internal.Clock;
import dev.quire.internal.Errors;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.DatabaseDef;
import dev.quire.internal.schema.Keys;
import dev.quire.internal.storage.MetadataStore;
import dev.quire.internal.storage.Rows;
import dev.quire.internal.storage.UnitOfWork;
import dev.quire.permissions.Grant;
import dev.quire.permissions.Permissions;
import dev.quire.query.Field;
import dev.quire.query.FieldType;
import dev.quire.query.QueryPlan;
import dev.quire.query.QuerySchema;

import java.util.List;

/** Databases and collections: server-key management, as Appwrite's scopes have it. */
final class DatabaseService {
    private static final QuerySchema DATABASE_FIELDS = QuerySchema.of(List.of(
            new Field("$id", FieldType.STRING, false), new Field("name", FieldType.STRING, false),
            new Field("enabled", FieldType.BOOLEAN, false), new Field("$createdAt", FieldType.DATETIME, false),
            new Field("$updatedAt", FieldType.DATETIME, false)));
    private static final QuerySchema COLLECTION_FIELDS = QuerySchema.of(List.of(
            new Field("$id", FieldType.STRING, false), new Field("name", FieldType.STRING, false),
            new Field("enabled", FieldType.BOOLEAN, false), new Field("documentSecurity", FieldType.BOOLEAN, false),
            new Field("$createdAt", FieldType.DATETIME, false), new Field("$updatedAt", FieldType.DATETIME, false)));

    private final Catalog catalog;
    private final MetadataStore metadata;

    DatabaseService(Catalog catalog) {
        this.catalog = catalog;
        this.metadata = catalog.metadata();
    }

    // ---- databases --------------------------------------------------------------------------------------

    Database create(Access access, String databaseId, String name, boolean enabled) {
        access.requireRoot("databases.write");
        String id = Keys.resolveId("databaseId", databaseId);
        return Models.database(metadata.createDatabase(id, Keys.name(name), enabled, Clock.now()));
    }

    Database get(Access access, String databaseId) {
        access.requireRoot("databases.read");
        return Models.database(catalog.database(access, databaseId));
    }

    DatabaseList list(Access access, List<String> queries, boolean total) {
        access.requireRoot("databases.read");
        QueryPlan plan = QueryPlan.of(queries == null ? List.of() : queries, DATABASE_FIELDS);
        Rows<DatabaseDef> rows = metadata.listDatabases(plan, DATABASE_FIELDS.fields(), total);
        return new DatabaseList(rows.total(), rows.items().stream().map(Models::database).toList());
    }

    Database update(Access access, String databaseId, String name, Boolean enabled) {
        access.requireRoot("databases.write");
        DatabaseDef database = catalog.database(access, databaseId);
        String newName = name == null ? database.name() : Keys.name(name);
        // Appwrite resets an omitted enabled to its default, true (tests/e2e/…/DatabasesCustomServerTest testUpdateDatabase).
        boolean newEnabled = enabled == null || enabled;
        String now = Clock.now();
        metadata.updateDatabase(database.seq(), newName, newEnabled, now);
        catalog.forget(database);
        return Models.database(new DatabaseDef(database.seq(), database.id(), newName, newEnabled,
                database.createdAt(), now));
    }

    void delete(Access access, String databaseId) {
        access.requireRoot("databases.write");
        DatabaseDef database = catalog.database(access, databaseId);
        metadata.deleteDatabase(database.seq());
        catalog.forget(database);
    }

    // ---- collections ------------------------------------------------------------------------------------

    Collection createCollection(Access access, String databaseId, String collectionId, String name,
                                List<String> permissions, boolean documentSecurity, boolean enabled) {
        access.requireRoot("collections.write");
        DatabaseDef database = catalog.database(access, databaseId);
        String id = Keys.resolveId("collectionId", collectionId);
        List<Grant> grants = Permissions.forCollection(permissions == null ? List.of() : permissions);
        return Models.collection(metadata.createCollection(database, id, Keys.name(name), enabled,
                documentSecurity, grants, Clock.now()));
    }

    Collection getCollection(Access access, String databaseId, String collectionId) {
        access.requireRoot("collections.read");
        return Models.collection(catalog.table(access, databaseId, collectionId).schema());
    }

    CollectionList listCollections(Access access, String databaseId, List<String> queries, boolean total) {
        access.requireRoot("collections.read");
        DatabaseDef database = catalog.database(access, databaseId);
        QueryPlan plan = QueryPlan.of(queries == null ? List.of() : queries, COLLECTION_FIELDS);
        Rows<CollectionSchema> rows = metadata.listCollections(database, plan, COLLECTION_FIELDS.fields(), total);
        return new CollectionList(rows.total(), rows.items().stream().map(Models::collection).toList());
    }

    Collection updateCollection(UnitOfWork unit, Access access, String databaseId, String collectionId,
                                String name, List<String> permissions, Boolean documentSecurity, Boolean enabled) {
        access.requireRoot("collections.write");
        return catalog.change(unit, access, databaseId, collectionId, schema -> {
            List<Grant> grants = permissions == null ? schema.permissions() : Permissions.forCollection(permissions);
            String newName = name == null ? schema.name() : Keys.name(name);
            // As on Appwrite, omitted flags take their defaults (documentSecurity false, enabled true); omitted
            // permissions are kept.
            boolean newSecurity = documentSecurity != null && documentSecurity;
            boolean newEnabled = enabled == null || enabled;
            metadata.updateCollection(schema.seq(), newName, newEnabled, newSecurity, grants, Clock.now());
            // Read back past the cache, which still holds the version this change started from.
            return Models.collection(metadata.findCollection(schema.database(), collectionId)
                    .orElseThrow(Errors::collectionNotFound));
        });
    }

    void deleteCollection(UnitOfWork unit, Access access, String databaseId, String collectionId) {
        access.requireRoot("collections.write");
        catalog.change(unit, access, databaseId, collectionId, schema -> {
            metadata.deleteCollection(schema.seq());
            return null;
        });
    }
}
