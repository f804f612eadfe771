package dev.quire.internal.storage;

import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.internal.Errors;
import dev.quire.internal.Json;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.AttributeFormat;
import dev.quire.internal.schema.AttributeType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.DatabaseDef;
import dev.quire.internal.schema.IndexDef;
import dev.quire.permissions.Grant;
import dev.quire.permissions.Permissions;
import dev.quire.query.Field;
import dev.quire.query.QueryPlan;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Databases, collections, attributes and indexes in the metadata tables, and the DDL that follows them.
 *
 * <p>H2 commits before and after every DDL statement, so a schema change cannot be one transaction. Each
 * change here is ordered so that a failure part-way is undone by hand: metadata first and the table after
 * for creations (a failed {@code CREATE} removes the row again), and the reverse for removals.
 */
public final class MetadataStore {
    private final Store store;

    /** The metadata of a store, whose tables are first made to agree with it ({@link SchemaRepair}). */
    public MetadataStore(Store store) {
        this.store = store;
        new SchemaRepair(store).run();
    }

    // ---- databases ------------------------------------------------------------------------------------

    public DatabaseDef createDatabase(String id, String name, boolean enabled, String now) {
        return store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + Sql.quote(Sql.DATABASES)
                    + " (\"_uid\", \"name\", \"enabled\", \"_createdAt\", \"_updatedAt\") VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, id);
                statement.setString(2, name);
                statement.setBoolean(3, enabled);
                statement.setString(4, now);
                statement.setString(5, now);
                executeUnique(statement, Errors::databaseAlreadyExists);
                return new DatabaseDef(generatedKey(statement), id, name, enabled, now, now);
            }
        });
    }

    public Optional<DatabaseDef> findDatabase(String id) {
        return store.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT \"_seq\", \"_uid\", \"name\", \"enabled\", \"_createdAt\", \"_updatedAt\" FROM "
                            + Sql.quote(Sql.DATABASES) + " WHERE \"_uid\" = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(database(rows)) : Optional.empty();
                }
            }
        });
    }

    public void updateDatabase(long seq, String name, boolean enabled, String now) {
        store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + Sql.quote(Sql.DATABASES)
                    + " SET \"name\" = ?, \"enabled\" = ?, \"_updatedAt\" = ? WHERE \"_seq\" = ?")) {
                statement.setString(1, name);
                statement.setBoolean(2, enabled);
                statement.setString(3, now);
                statement.setLong(4, seq);
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a database's metadata first, then its collections' tables. */
    public void deleteDatabase(long seq) {
        List<Long> collections = store.inTransaction(connection -> {
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT \"_seq\" FROM " + Sql.quote(Sql.COLLECTIONS) + " WHERE \"_database\" = ?")) {
                statement.setLong(1, seq);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        seqs.add(rows.getLong(1));
                    }
                }
            }
            for (long collection : seqs) {
                deleteCollectionRows(connection, collection);
            }
            update(connection, "DELETE FROM " + Sql.quote(Sql.DATABASES) + " WHERE \"_seq\" = ?", seq);
            return seqs;
        });
        for (long collection : collections) {
            dropTables(collection);
        }
    }

    public Rows<DatabaseDef> listDatabases(QueryPlan plan, Map<String, Field> fields, boolean total) {
        return store.read(connection -> new MetadataQuery<>(Sql.DATABASES, "\"_seq\", \"_uid\", \"name\", \"enabled\", "
                + "\"_createdAt\", \"_updatedAt\"", null, 0, "_uid", MetadataStore::database)
                .list(connection, plan, fields, total));
    }

    private static DatabaseDef database(ResultSet rows) throws SQLException {
        return new DatabaseDef(rows.getLong("_seq"), rows.getString("_uid"), rows.getString("name"),
                rows.getBoolean("enabled"), rows.getString("_createdAt"), rows.getString("_updatedAt"));
    }

    // ---- collections ----------------------------------------------------------------------------------

    /** Creates a collection's metadata and then its tables; removes the metadata again if the tables fail. */
    public CollectionSchema createCollection(DatabaseDef database, String id, String name, boolean enabled,
                                             boolean documentSecurity, List<Grant> permissions, String now) {
        long seq = store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + Sql.quote(Sql.COLLECTIONS)
                    + " (\"_database\", \"_uid\", \"name\", \"enabled\", \"documentSecurity\", \"_permissions\", "
                    + "\"_createdAt\", \"_updatedAt\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setLong(1, database.seq());
                statement.setString(2, id);
                statement.setString(3, name);
                statement.setBoolean(4, enabled);
                statement.setBoolean(5, documentSecurity);
                statement.setString(6, Json.write(Permissions.toStrings(permissions)));
                statement.setString(7, now);
                statement.setString(8, now);
                executeUnique(statement, Errors::collectionAlreadyExists);
                return generatedKey(statement);
            }
        });
        try {
            ddl(Sql.createCollectionTables(seq, List.of()));
        } catch (RuntimeException e) {
            store.inTransaction(connection -> deleteCollectionRows(connection, seq));
            dropTables(seq);
            throw e;
        }
        return new CollectionSchema(seq, database, id, name, enabled, documentSecurity, permissions, List.of(),
                List.of(), now, now);
    }

    public Optional<CollectionSchema> findCollection(DatabaseDef database, String id) {
        return store.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT \"_seq\", \"_uid\", \"name\", \"enabled\", \"documentSecurity\", \"_permissions\", "
                            + "\"_createdAt\", \"_updatedAt\" FROM " + Sql.quote(Sql.COLLECTIONS)
                            + " WHERE \"_database\" = ? AND \"_uid\" = ?")) {
                statement.setLong(1, database.seq());
                statement.setString(2, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(collection(connection, database, rows)) : Optional.empty();
                }
            }
        });
    }

    public void updateCollection(long seq, String name, boolean enabled, boolean documentSecurity,
                                 List<Grant> permissions, String now) {
        store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + Sql.quote(Sql.COLLECTIONS)
                    + " SET \"name\" = ?, \"enabled\" = ?, \"documentSecurity\" = ?, \"_permissions\" = ?, "
                    + "\"_updatedAt\" = ? WHERE \"_seq\" = ?")) {
                statement.setString(1, name);
                statement.setBoolean(2, enabled);
                statement.setBoolean(3, documentSecurity);
                statement.setString(4, Json.write(Permissions.toStrings(permissions)));
                statement.setString(5, now);
                statement.setLong(6, seq);
                statement.executeUpdate();
            }
            return null;
        });
    }

    public void deleteCollection(long seq) {
        store.inTransaction(connection -> deleteCollectionRows(connection, seq));
        dropTables(seq);
    }

    public Rows<CollectionSchema> listCollections(DatabaseDef database, QueryPlan plan, Map<String, Field> fields,
                                                  boolean total) {
        return store.read(connection -> new MetadataQuery<>(Sql.COLLECTIONS, "\"_seq\", \"_uid\", \"name\", "
                + "\"enabled\", \"documentSecurity\", \"_permissions\", \"_createdAt\", \"_updatedAt\"",
                "_database", database.seq(), "_uid", rows -> collection(connection, database, rows))
                .list(connection, plan, fields, total));
    }

    private static Void deleteCollectionRows(Connection connection, long seq) throws SQLException {
        update(connection, "DELETE FROM " + Sql.quote(Sql.ATTRIBUTES) + " WHERE \"_collection\" = ?", seq);
        update(connection, "DELETE FROM " + Sql.quote(Sql.INDEXES) + " WHERE \"_collection\" = ?", seq);
        update(connection, "DELETE FROM " + Sql.quote(Sql.COLLECTIONS) + " WHERE \"_seq\" = ?", seq);
        return null;
    }

    /** Drops a collection's document table and the tables of its full-text indexes. */
    private void dropTables(long seq) {
        List<String> statements = new ArrayList<>(Sql.dropCollectionTables(seq));
        store.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME FROM "
                    + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE ? ESCAPE '\\'")) {
                statement.setString(1, "fts\\_" + seq + "\\_%");
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        statements.add(Sql.dropTable(rows.getString(1)));
                    }
                }
            }
            return null;
        });
        ddl(statements);
    }

    private static CollectionSchema collection(Connection connection, DatabaseDef database, ResultSet rows)
            throws SQLException {
        long seq = rows.getLong("_seq");
        return new CollectionSchema(seq, database, rows.getString("_uid"), rows.getString("name"),
                rows.getBoolean("enabled"), rows.getBoolean("documentSecurity"),
                Permissions.forCollection(Json.readStringList(rows.getString("_permissions"))),
                attributes(connection, seq), indexes(connection, seq), rows.getString("_createdAt"),
                rows.getString("_updatedAt"));
    }

    // ---- attributes -----------------------------------------------------------------------------------

    /** Adds the column, then the metadata row; drops the column again if the row cannot be written. */
    public void createAttribute(long collectionSeq, AttributeDef attribute) {
        ddl(List.of(Sql.addColumn(collectionSeq, attribute)));
        try {
            store.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + Sql.quote(Sql.ATTRIBUTES)
                        + " (\"_collection\", \"key\", \"type\", \"format\", \"required\", \"array\", \"size\", "
                        + "\"min\", \"max\", \"default\", \"elements\", \"_createdAt\", \"_updatedAt\") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    statement.setLong(1, collectionSeq);
                    statement.setString(2, attribute.key());
                    statement.setString(3, attribute.type().appwriteName());
                    statement.setString(4, attribute.format() == null ? null : attribute.format().appwriteName());
                    statement.setBoolean(5, attribute.required());
                    statement.setBoolean(6, attribute.array());
                    statement.setObject(7, attribute.size());
                    statement.setString(8, attribute.min() == null ? null : attribute.min().toString());
                    statement.setString(9, attribute.max() == null ? null : attribute.max().toString());
                    statement.setString(10, attribute.xdefault() == null ? null : Json.write(attribute.xdefault()));
                    statement.setString(11, attribute.elements() == null ? null : Json.write(attribute.elements()));
                    statement.setString(12, attribute.createdAt());
                    statement.setString(13, attribute.updatedAt());
                    executeUnique(statement, Errors::attributeAlreadyExists);
                }
                return null;
            });
        } catch (RuntimeException e) {
            ddl(List.of(Sql.dropColumn(collectionSeq, attribute.key())));
            throw e;
        }
    }

    /**
     * Removes an attribute, with what Appwrite does to the indexes that use it: an index left without
     * attributes, or left identical to another index, goes; any other loses the attribute. Rebuilt key and
     * unique indexes are built first under new names, so a unique index that would then hold duplicates fails
     * the call before anything changes; then the metadata; then the old indexes, full-text tables and the
     * column are dropped.
     *
     * @param removed indexes to delete
     * @param changed indexes without the attribute, with new H2 names for key and unique ones
     */
    public void deleteAttribute(long collectionSeq, String key, List<IndexDef> removed, List<IndexDef> changed,
                                List<IndexDef> before) {
        List<String> built = new ArrayList<>();
        try {
            for (IndexDef index : changed) {
                if (index.type() != IndexType.FULLTEXT) {
                    build(collectionSeq, index);
                    built.add(Sql.dropIndex(index.sqlName()));
                }
            }
        } catch (RuntimeException e) {
            ddl(built);
            throw e;
        }
        store.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + Sql.quote(Sql.ATTRIBUTES)
                    + " WHERE \"_collection\" = ? AND \"key\" = ?")) {
                statement.setLong(1, collectionSeq);
                statement.setString(2, key);
                statement.executeUpdate();
            }
            for (IndexDef index : removed) {
                deleteIndexRow(connection, collectionSeq, index.key());
            }
            for (IndexDef index : changed) {
                updateIndexRow(connection, collectionSeq, index);
            }
            return null;
        });
        List<String> drops = new ArrayList<>();
        for (IndexDef index : before) {
            boolean gone = removed.stream().anyMatch(r -> r.key().equals(index.key()));
            boolean rebuilt = changed.stream().anyMatch(c -> c.key().equals(index.key()) && c.type() != IndexType.FULLTEXT);
            if (gone || rebuilt) {
                drops.add(index.type() == IndexType.FULLTEXT ? Sql.dropTable(index.sqlName()) : Sql.dropIndex(index.sqlName()));
            }
        }
        drops.add(Sql.dropColumn(collectionSeq, key));
        ddl(drops);
        for (IndexDef index : changed) {
            if (index.type() == IndexType.FULLTEXT && index.attributes().size() == 1) {
                store.inTransaction(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DELETE FROM " + Sql.quote(index.sqlName()));
                    }
                    FullTextIndexes.populate(connection, collectionSeq, index.sqlName(), index.attributes().get(0));
                    return null;
                });
            }
        }
    }

    /**
     * Changes an attribute's definition: the metadata (with the indexes that name it, when its key changes),
     * then the column's name. If the rename fails, the metadata is put back.
     *
     * @param indexes the collection's indexes as they must read afterwards
     */
    public void updateAttribute(long collectionSeq, AttributeDef before, AttributeDef after, List<IndexDef> indexes) {
        boolean renamed = !before.key().equals(after.key());
        store.inTransaction(connection -> {
            writeAttribute(connection, collectionSeq, before.key(), after);
            if (renamed) {
                for (IndexDef index : indexes) {
                    updateIndexRow(connection, collectionSeq, index);
                }
            }
            return null;
        });
        if (!renamed) {
            return;
        }
        try {
            ddl(List.of(Sql.renameColumn(collectionSeq, before.key(), after.key())));
        } catch (RuntimeException e) {
            store.inTransaction(connection -> {
                writeAttribute(connection, collectionSeq, after.key(), before);
                for (IndexDef index : indexes) {
                    IndexDef original = new IndexDef(index.key(), index.type(), index.attributes().stream()
                            .map(a -> a.equals(after.key()) ? before.key() : a).toList(), index.orders(),
                            index.lengths(), index.sqlName(), index.createdAt(), index.updatedAt());
                    updateIndexRow(connection, collectionSeq, original);
                }
                return null;
            });
            throw e;
        }
    }

    private static void writeAttribute(Connection connection, long collectionSeq, String key, AttributeDef attribute)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + Sql.quote(Sql.ATTRIBUTES)
                + " SET \"key\" = ?, \"required\" = ?, \"size\" = ?, \"min\" = ?, \"max\" = ?, \"default\" = ?, "
                + "\"elements\" = ?, \"_updatedAt\" = ? WHERE \"_collection\" = ? AND \"key\" = ?")) {
            statement.setString(1, attribute.key());
            statement.setBoolean(2, attribute.required());
            statement.setObject(3, attribute.size());
            statement.setString(4, attribute.min() == null ? null : attribute.min().toString());
            statement.setString(5, attribute.max() == null ? null : attribute.max().toString());
            statement.setString(6, attribute.xdefault() == null ? null : Json.write(attribute.xdefault()));
            statement.setString(7, attribute.elements() == null ? null : Json.write(attribute.elements()));
            statement.setString(8, attribute.updatedAt());
            statement.setLong(9, collectionSeq);
            statement.setString(10, key);
            executeUnique(statement, Errors::attributeAlreadyExists);
        }
    }

    /**
     * Whether any document holds a string in the attribute (or, for an array, an element) longer than
     * {@code size} characters. H2 counts UTF-16 units, at least as many as characters, so it narrows the
     * candidates and Java counts code points as the validator does.
     */
    public boolean anyLongerThan(long collectionSeq, AttributeDef attribute, long size) {
        String column = Sql.quote(attribute.key());
        // H2 cannot unnest a correlated array, so arrays are read whole.
        String sql = "SELECT d." + column + " FROM " + Sql.documentTable(collectionSeq) + " d WHERE "
                + (attribute.array() ? "d." + column + " IS NOT NULL AND ? >= 0" : "CHAR_LENGTH(d." + column + ") > ?");
        return store.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, size);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Object[] values = attribute.array() ? (Object[]) rows.getArray(1).getArray()
                                : new Object[] {rows.getString(1)};
                        for (Object value : values) {
                            if (value instanceof String text && text.codePointCount(0, text.length()) > size) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        });
    }

    public Rows<AttributeDef> listAttributes(long collectionSeq, QueryPlan plan, Map<String, Field> fields,
                                             boolean total) {
        return store.read(connection -> new MetadataQuery<>(Sql.ATTRIBUTES, "*", "_collection", collectionSeq, "key",
                MetadataStore::attribute).list(connection, plan, fields, total));
    }

    static List<AttributeDef> attributes(Connection connection, long collectionSeq) throws SQLException {
        List<AttributeDef> attributes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + Sql.quote(Sql.ATTRIBUTES)
                + " WHERE \"_collection\" = ? ORDER BY \"_seq\"")) {
            statement.setLong(1, collectionSeq);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    attributes.add(attribute(rows));
                }
            }
        }
        return attributes;
    }

    private static AttributeDef attribute(ResultSet rows) throws SQLException {
        AttributeType type = AttributeType.fromAppwriteName(rows.getString("type"));
        String format = rows.getString("format");
        String elements = rows.getString("elements");
        String xdefault = rows.getString("default");
        return new AttributeDef(rows.getString("key"), type,
                format == null ? null : AttributeFormat.fromAppwriteName(format), rows.getBoolean("required"),
                rows.getBoolean("array"), (Long) rows.getObject("size"), number(type, rows.getString("min")),
                number(type, rows.getString("max")), xdefault == null ? null : typed(type, Json.read(xdefault)),
                elements == null ? null : Json.readStringList(elements), rows.getString("_createdAt"),
                rows.getString("_updatedAt"));
    }

    private static Number number(AttributeType type, String text) {
        if (text == null) {
            return null;
        }
        return type.base() == AttributeType.INTEGER ? (Number) Long.valueOf(text) : (Number) Double.valueOf(text);
    }

    /** JSON reads small integers as Integer and whole doubles as Double: restore the attribute's own type. */
    private static Object typed(AttributeType type, Object value) {
        return switch (type) {
            case INTEGER, BIGINT -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    // ---- indexes --------------------------------------------------------------------------------------

    static List<IndexDef> indexes(Connection connection, long collectionSeq) throws SQLException {
        List<IndexDef> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + Sql.quote(Sql.INDEXES)
                + " WHERE \"_collection\" = ? ORDER BY \"_seq\"")) {
            statement.setLong(1, collectionSeq);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.add(index(rows));
                }
            }
        }
        return indexes;
    }

    static IndexDef index(ResultSet rows) throws SQLException {
        List<Integer> lengths = new ArrayList<>();
        for (Object length : (List<?>) Json.read(rows.getString("lengths"))) {
            lengths.add(((Number) length).intValue());
        }
        List<String> attributes = new ArrayList<>();
        for (Object attribute : (Object[]) rows.getArray("attributes").getArray()) {
            attributes.add((String) attribute);
        }
        return new IndexDef(rows.getString("key"), IndexType.of(rows.getString("type")), attributes,
                Json.readStringList(rows.getString("orders")), lengths, rows.getString("_sqlName"),
                rows.getString("_createdAt"), rows.getString("_updatedAt"));
    }

    /** The H2 name of a key or unique index; index keys are unique per collection regardless of case. */
    public String indexName(long collectionSeq, String key) {
        return "docs_" + collectionSeq + "_idx_" + key.toLowerCase(java.util.Locale.ROOT);
    }

    /** The table of a full-text index. */
    public String fullTextTableName(long collectionSeq, String key) {
        return FullTextIndexes.tableName(collectionSeq, key);
    }

    /**
     * Writes the index's metadata, then builds it: an H2 index, or a full-text table filled from the
     * documents already there. If the build fails (a unique index over duplicate values), the table and the
     * metadata row are removed again and the collection is as it was.
     */
    public void createIndex(long collectionSeq, IndexDef index) {
        store.inTransaction(connection -> {
            insertIndexRow(connection, collectionSeq, index);
            return null;
        });
        try {
            build(collectionSeq, index);
        } catch (RuntimeException e) {
            store.inTransaction(connection -> deleteIndexRow(connection, collectionSeq, index.key()));
            unbuild(index);
            throw e;
        }
    }

    private void build(long collectionSeq, IndexDef index) {
        if (index.type() == IndexType.FULLTEXT) {
            ddl(Sql.createFullTextTable(index.sqlName()));
            if (index.attributes().size() == 1) {
                store.inTransaction(connection -> {
                    FullTextIndexes.populate(connection, collectionSeq, index.sqlName(), index.attributes().get(0));
                    return null;
                });
            }
            return;
        }
        try {
            ddl(List.of(Sql.createIndex(collectionSeq, index.sqlName(), index.type() == IndexType.UNIQUE,
                    index.attributes(), index.orders())));
        } catch (QuireException e) {
            // The store reports H2's duplicate key as document_already_exists: here it means duplicate values.
            if (e.getType().equals("document_already_exists")) {
                throw Errors.indexInvalid("Cannot create unique index \"" + index.key()
                        + "\": documents already hold duplicate values of " + index.attributes());
            }
            throw e;
        }
    }

    private void unbuild(IndexDef index) {
        ddl(List.of(index.type() == IndexType.FULLTEXT ? Sql.dropTable(index.sqlName()) : Sql.dropIndex(index.sqlName())));
    }

    /** Removes the index's metadata, then the H2 index or full-text table behind it. */
    public void deleteIndex(long collectionSeq, IndexDef index) {
        store.inTransaction(connection -> deleteIndexRow(connection, collectionSeq, index.key()));
        unbuild(index);
    }

    public Rows<IndexDef> listIndexes(long collectionSeq, QueryPlan plan, Map<String, Field> fields, boolean total) {
        return store.read(connection -> new MetadataQuery<>(Sql.INDEXES, "*", "_collection", collectionSeq, "key",
                MetadataStore::index).list(connection, plan, fields, total));
    }

    private static void insertIndexRow(Connection connection, long collectionSeq, IndexDef index) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + Sql.quote(Sql.INDEXES)
                + " (\"_collection\", \"key\", \"type\", \"attributes\", \"orders\", \"lengths\", \"_sqlName\", "
                + "\"_createdAt\", \"_updatedAt\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, collectionSeq);
            statement.setString(2, index.key());
            statement.setString(3, index.type().value());
            statement.setObject(4, index.attributes().toArray(new String[0]));
            statement.setString(5, Json.write(index.orders()));
            statement.setString(6, Json.write(index.lengths()));
            statement.setString(7, index.sqlName());
            statement.setString(8, index.createdAt());
            statement.setString(9, index.updatedAt());
            executeUnique(statement, Errors::indexAlreadyExists);
        }
    }

    private static void updateIndexRow(Connection connection, long collectionSeq, IndexDef index) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + Sql.quote(Sql.INDEXES)
                + " SET \"attributes\" = ?, \"orders\" = ?, \"lengths\" = ?, \"_sqlName\" = ?, \"_updatedAt\" = ? "
                + "WHERE \"_collection\" = ? AND \"key\" = ?")) {
            statement.setObject(1, index.attributes().toArray(new String[0]));
            statement.setString(2, Json.write(index.orders()));
            statement.setString(3, Json.write(index.lengths()));
            statement.setString(4, index.sqlName());
            statement.setString(5, index.updatedAt());
            statement.setLong(6, collectionSeq);
            statement.setString(7, index.key());
            statement.executeUpdate();
        }
    }

    static Void deleteIndexRow(Connection connection, long collectionSeq, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + Sql.quote(Sql.INDEXES)
                + " WHERE \"_collection\" = ? AND \"key\" = ?")) {
            statement.setLong(1, collectionSeq);
            statement.setString(2, key);
            statement.executeUpdate();
        }
        return null;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    void ddl(List<String> statements) {
        store.ddl(statements);
    }

    private static void executeUnique(PreparedStatement statement, Supplier<QuireException> duplicate)
            throws SQLException {
        try {
            statement.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                throw duplicate.get();
            }
            throw e;
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void update(Connection connection, String sql, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
    }
}
