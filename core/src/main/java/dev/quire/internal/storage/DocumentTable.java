package dev.quire.internal.storage;

import dev.quire.internal.Errors;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.permissions.Grant;
import dev.quire.permissions.Permissions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The SQL of one collection version's document and permission tables. The statement texts are made once,
 * when the version is loaded, and reused for every call (H2 then reuses their compiled form per session).
 */
public final class DocumentTable {
    private static final String SYSTEM_COLUMNS = "d." + Sql.quote(Sql.SEQ) + ", d." + Sql.quote(Sql.UID) + ", d."
            + Sql.quote(Sql.CREATED_AT) + ", d." + Sql.quote(Sql.UPDATED_AT) + ", d." + Sql.quote(Sql.PERMISSIONS);

    private final CollectionSchema schema;
    private final String docs;
    private final String perms;
    private final String allColumns;
    private final String insert;
    private final String update;
    private final String findByUid;
    private final String findByUidForUpdate;
    private final String delete;
    private final String insertPermission;
    private final String deletePermissions;
    private final FullTextIndexes fullText;

    public DocumentTable(CollectionSchema schema) {
        this.schema = schema;
        this.fullText = new FullTextIndexes(schema);
        this.docs = Sql.documentTable(schema.seq());
        this.perms = Sql.permissionTable(schema.seq());
        this.allColumns = columns(schema.attributes());
        StringJoiner names = new StringJoiner(", ");
        StringJoiner sets = new StringJoiner(", ");
        for (AttributeDef attribute : schema.attributes()) {
            names.add(Sql.quote(attribute.key()));
            sets.add(Sql.quote(attribute.key()) + " = ?");
        }
        int attributeCount = schema.attributes().size();
        this.insert = "INSERT INTO " + docs + " (" + Sql.quote(Sql.UID) + ", " + Sql.quote(Sql.CREATED_AT) + ", "
                + Sql.quote(Sql.UPDATED_AT) + ", " + Sql.quote(Sql.PERMISSIONS)
                + (attributeCount == 0 ? "" : ", " + names) + ") VALUES (" + Sql.placeholders(4 + attributeCount) + ")";
        this.update = "UPDATE " + docs + " SET " + Sql.quote(Sql.UPDATED_AT) + " = ?, " + Sql.quote(Sql.PERMISSIONS)
                + " = ?" + (attributeCount == 0 ? "" : ", " + sets) + " WHERE " + Sql.quote(Sql.SEQ) + " = ?";
        this.findByUid = "SELECT " + allColumns + " FROM " + docs + " d WHERE d." + Sql.quote(Sql.UID) + " = ?";
        this.findByUidForUpdate = findByUid + " FOR UPDATE";
        this.delete = "DELETE FROM " + docs + " WHERE " + Sql.quote(Sql.SEQ) + " = ?";
        this.insertPermission = "INSERT INTO " + perms + " (\"_document\", \"_type\", \"_role\") VALUES (?, ?, ?)";
        this.deletePermissions = "DELETE FROM " + perms + " WHERE \"_document\" = ?";
    }

    public CollectionSchema schema() {
        return schema;
    }

    private static String columns(List<AttributeDef> attributes) {
        StringBuilder columns = new StringBuilder(SYSTEM_COLUMNS);
        for (AttributeDef attribute : attributes) {
            columns.append(", d.").append(Sql.quote(attribute.key()));
        }
        return columns.toString();
    }

    /** Inserts a document with its permission rows; returns its sequence. */
    public long insert(Connection connection, String id, String now, Map<String, Object> values,
                       List<Grant> permissions) throws SQLException {
        long seq;
        try (PreparedStatement statement = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, id);
            statement.setString(2, now);
            statement.setString(3, now);
            statement.setObject(4, Permissions.toStrings(permissions).toArray());
            bindValues(statement, 5, values);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
            }
        }
        insertPermissions(connection, seq, permissions);
        fullText.insert(connection, seq, id, values);
        return seq;
    }

    /**
     * Replaces a document's values and permissions; permission and word rows are rewritten only where they
     * change.
     *
     * @param existing the document as it is stored now
     */
    public void update(Connection connection, StoredDocument existing, String now, Map<String, Object> values,
                       List<Grant> permissions) throws SQLException {
        long seq = existing.seq();
        List<String> permissionStrings = Permissions.toStrings(permissions);
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setString(1, now);
            statement.setObject(2, permissionStrings.toArray());
            int next = bindValues(statement, 3, values);
            statement.setLong(next, seq);
            statement.executeUpdate();
        }
        fullText.update(connection, seq, existing.data(), values);
        if (!permissionStrings.equals(existing.permissions())) {
            replacePermissions(connection, seq, permissions);
        }
    }

    private void replacePermissions(Connection connection, long seq, List<Grant> permissions) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(deletePermissions)) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
        insertPermissions(connection, seq, permissions);
    }

    private void insertPermissions(Connection connection, long seq, List<Grant> permissions) throws SQLException {
        if (permissions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insertPermission)) {
            for (Grant grant : permissions) {
                statement.setLong(1, seq);
                statement.setString(2, grant.type().wireName());
                statement.setString(3, grant.role());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public void delete(Connection connection, long seq) throws SQLException {
        fullText.delete(connection, seq);
        try (PreparedStatement statement = connection.prepareStatement(deletePermissions)) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
    }

    /**
     * Finds a document by its exact id.
     *
     * @param forUpdate lock the row until the transaction ends, so a read-modify-write is not lost
     */
    public Optional<StoredDocument> find(Connection connection, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(forUpdate ? findByUidForUpdate : findByUid)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows, schema.attributes())) : Optional.empty();
            }
        }
    }

    /** One page of documents, filtered, permission-checked and ordered inside H2. */
    public List<StoredDocument> page(Connection connection, PageRequest request) throws SQLException {
        List<AttributeDef> selected = selected(request.select());
        QuerySql sql = new QuerySql(schema.querySchema().fields(), fullText);
        String text = sql.page(columns(selected), docs, readFilter(request.readRoles()), request.filters(),
                request.orders(), request.random(), request.cursor() == null ? null : request.cursor().fieldValues(),
                request.before(), request.limit(), request.offset());
        List<StoredDocument> page = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            sql.bindTo(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    page.add(read(rows, selected));
                }
            }
        }
        if (request.before()) {
            Collections.reverse(page);
        }
        return page;
    }

    /** How many documents match the filters and the read filter, cursor, limit and offset aside. */
    public long count(Connection connection, PageRequest request) throws SQLException {
        QuerySql sql = new QuerySql(schema.querySchema().fields(), fullText);
        String text = sql.count(docs, readFilter(request.readRoles()), request.filters());
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            sql.bindTo(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * A correlated EXISTS on the permission table's primary key (document, type, role): per candidate row one
     * index probe, so a filtered page costs about what an unfiltered one does.
     */
    private List<QuerySql.Condition> readFilter(Set<String> roles) {
        if (roles == null) {
            return List.of();
        }
        return List.of(sql -> {
            StringJoiner in = new StringJoiner(", ");
            String type = sql.bind("read");
            for (String role : roles) {
                in.add(sql.bind(role));
            }
            return "EXISTS (SELECT 1 FROM " + perms + " p WHERE p.\"_document\" = d." + Sql.quote(Sql.SEQ)
                    + " AND p.\"_type\" = " + type + " AND p.\"_role\" IN (" + in + "))";
        });
    }

    private List<AttributeDef> selected(List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return schema.attributes();
        }
        List<AttributeDef> selected = new ArrayList<>();
        for (AttributeDef attribute : schema.attributes()) {
            if (select.contains(attribute.key())) {
                selected.add(attribute);
            }
        }
        return selected;
    }

    private static int bindValues(PreparedStatement statement, int first, Map<String, Object> values)
            throws SQLException {
        int index = first;
        for (Object value : values.values()) {
            statement.setObject(index++, value instanceof List<?> list ? list.toArray() : value);
        }
        return index;
    }

    private static StoredDocument read(ResultSet rows, List<AttributeDef> attributes) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        int column = 6;
        for (AttributeDef attribute : attributes) {
            Object value = rows.getObject(column++);
            if (value instanceof Array array) {
                value = Collections.unmodifiableList(Arrays.asList((Object[]) array.getArray()));
            }
            data.put(attribute.key(), value);
        }
        return new StoredDocument(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                strings(rows.getArray(5)), data);
    }

    private static List<String> strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return List.of(Arrays.copyOf(values, values.length, String[].class));
    }
}
