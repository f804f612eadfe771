package dev.quire.internal.storage;

import dev.quire.internal.Errors;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.permissions.Grant;
import dev.quire.permissions.Permission;
import dev.quire.permissions.Permissions;

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
 * The SQL of one collection version's document table. The statement texts are made once, when the version is
 * loaded, and reused for every call (H2 then reuses their compiled form per session).
 *
 * <p>A document's permissions live in its own row, as an array of canonical strings ({@code read("any")}), and
 * a caller's list filters on that array. A side table of (document, type, role) rows probed with a correlated
 * {@code EXISTS} was measured first: H2 runs the subquery as a query of its own for every candidate row, and a
 * page a user can read half of ran at 0.15&times; the unfiltered page; the array filter runs at 0.3 to
 * 0.5&times; (benchmarks/RESULTS.md), and each write has one row to change instead of several.
 */
public final class DocumentTable {
    private static final String SYSTEM_COLUMNS = "d." + Sql.quote(Sql.SEQ) + ", d." + Sql.quote(Sql.UID) + ", d."
            + Sql.quote(Sql.CREATED_AT) + ", d." + Sql.quote(Sql.UPDATED_AT) + ", d." + Sql.quote(Sql.PERMISSIONS);

    private final CollectionSchema schema;
    private final String docs;
    private final String allColumns;
    private final String insert;
    private final String update;
    private final String findByUid;
    private final String findByUidForUpdate;
    private final String delete;
    private final FullTextIndexes fullText;

    public DocumentTable(CollectionSchema schema) {
        this.schema = schema;
        this.fullText = new FullTextIndexes(schema);
        this.docs = Sql.documentTable(schema.seq());
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
        this.update = "UPDATE " + docs + " SET " + Sql.quote(Sql.CREATED_AT) + " = ?, " + Sql.quote(Sql.UPDATED_AT)
                + " = ?, " + Sql.quote(Sql.PERMISSIONS)
                + " = ?" + (attributeCount == 0 ? "" : ", " + sets) + " WHERE " + Sql.quote(Sql.SEQ) + " = ?";
        this.findByUid = "SELECT " + allColumns + " FROM " + docs + " d WHERE d." + Sql.quote(Sql.UID) + " = ?";
        this.findByUidForUpdate = findByUid + " FOR UPDATE";
        this.delete = "DELETE FROM " + docs + " WHERE " + Sql.quote(Sql.SEQ) + " = ?";
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

    /** Inserts a document with its permissions and full-text words; returns its sequence. */
    public long insert(Connection connection, String id, String createdAt, String updatedAt,
                       Map<String, Object> values, List<Grant> permissions) throws SQLException {
        long seq;
        try (PreparedStatement statement = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, id);
            statement.setString(2, createdAt);
            statement.setString(3, updatedAt);
            statement.setObject(4, Permissions.toStrings(permissions).toArray());
            bindValues(statement, 5, values);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
            }
        }
        fullText.insert(connection, seq, id, values);
        return seq;
    }

    /**
     * Replaces a document's values and permissions; full-text word rows are rewritten only where the indexed
     * values change.
     *
     * @param existing the document as it is stored now
     */
    public void update(Connection connection, StoredDocument existing, String createdAt, String updatedAt,
                       Map<String, Object> values, List<Grant> permissions) throws SQLException {
        long seq = existing.seq();
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setString(1, createdAt);
            statement.setString(2, updatedAt);
            statement.setObject(3, Permissions.toStrings(permissions).toArray());
            int next = bindValues(statement, 4, values);
            statement.setLong(next, seq);
            statement.executeUpdate();
        }
        fullText.update(connection, seq, existing.data(), values);
    }

    public void delete(Connection connection, long seq) throws SQLException {
        fullText.delete(connection, seq);
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
     * Rows whose permission array grants read to one of the roles: evaluated on the row the page reads anyway,
     * so the filter adds no lookup of its own.
     */
    private List<QuerySql.Condition> readFilter(Set<String> roles) {
        if (roles == null) {
            return List.of();
        }
        return List.of(sql -> {
            StringJoiner anyRole = new StringJoiner(" OR ", "(", ")");
            for (String role : roles) {
                anyRole.add("ARRAY_CONTAINS(d." + Sql.quote(Sql.PERMISSIONS) + ", "
                        + sql.bind(Permission.read(role)) + ")");
            }
            return anyRole.toString();
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
            Object value = rows.getObject(column++, Sql.javaType(attribute));
            if (value instanceof Object[] array) {
                value = Collections.unmodifiableList(Arrays.asList(array));
            }
            data.put(attribute.key(), value);
        }
        return new StoredDocument(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                List.of(rows.getObject(5, String[].class)), data);
    }
}
