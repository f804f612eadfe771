package dev.quire.internal.storage;

import dev.quire.internal.Errors;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.permissions.Grant;
import dev.quire.permissions.Permission;
import dev.quire.permissions.PermissionType;
import dev.quire.permissions.Permissions;
import dev.quire.query.FieldType;
import dev.quire.query.OperatorMethod;
import dev.quire.query.UpdateOperator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
    private final String findBySeqs;
    private final String deleteBySeqs;
    private final FullTextIndexes fullText;

    /** How many rows one JDBC batch carries: large enough to amortise the round trips, small enough that H2's
     *  copies of the bound values stay a few megabytes whatever the size of the call. */
    public static final int BATCH = 1000;

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
        this.findBySeqs = "SELECT " + allColumns + " FROM " + docs + " d WHERE d." + Sql.quote(Sql.SEQ)
                + " = ANY(?) FOR UPDATE";
        this.deleteBySeqs = "DELETE FROM " + docs + " WHERE " + Sql.quote(Sql.SEQ) + " = ANY(?)";
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

    /** A document to insert with {@link #insertAll}: its id, timestamps, validated values and permissions. */
    public record NewDocument(String id, String createdAt, String updatedAt, Map<String, Object> values,
                              List<Grant> permissions) {
    }

    /**
     * Inserts documents as one JDBC batch (the caller keeps batches to {@link #BATCH} rows), with their
     * full-text words; returns their sequences in order. A duplicate id fails the whole batch.
     */
    public long[] insertAll(Connection connection, List<NewDocument> documents) throws SQLException {
        long[] seqs = new long[documents.size()];
        try (PreparedStatement statement = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            for (NewDocument document : documents) {
                statement.setString(1, document.id());
                statement.setString(2, document.createdAt());
                statement.setString(3, document.updatedAt());
                statement.setObject(4, Permissions.toStrings(document.permissions()).toArray());
                bindValues(statement, 5, document.values());
                statement.addBatch();
            }
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                for (int i = 0; i < seqs.length && keys.next(); i++) {
                    seqs[i] = keys.getLong(1);
                }
            }
        }
        if (!fullText.isEmpty()) {
            fullText.insertAll(connection, seqs, documents.stream().map(NewDocument::id).toList(),
                    documents.stream().map(NewDocument::values).toList());
        }
        return seqs;
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

    /**
     * Changes documents in place: the given values, permissions (null keeps each row's) and timestamps
     * ({@code createdAt} null keeps each row's), and numeric operators computed by H2 from each row's stored
     * value, so that concurrent increments add up instead of overwriting each other.
     *
     * @param before the rows as they are stored now, for the full-text words of changed values
     * @return the number of rows changed
     */
    public int updateAll(Connection connection, List<StoredDocument> before, String createdAt, String updatedAt,
                         Map<String, Object> values, List<Grant> permissions, List<UpdateOperator> numeric)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringJoiner sets = new StringJoiner(", ");
        sets.add(Sql.quote(Sql.UPDATED_AT) + " = ?");
        parameters.add(updatedAt);
        if (createdAt != null) {
            sets.add(Sql.quote(Sql.CREATED_AT) + " = ?");
            parameters.add(createdAt);
        }
        if (permissions != null) {
            sets.add(Sql.quote(Sql.PERMISSIONS) + " = ?");
            parameters.add(Permissions.toStrings(permissions).toArray());
        }
        values.forEach((key, value) -> {
            sets.add(Sql.quote(key) + " = ?");
            parameters.add(value instanceof List<?> list ? list.toArray() : value);
        });
        for (UpdateOperator operator : numeric) {
            sets.add(Sql.quote(operator.attribute()) + " = " + arithmetic(operator, parameters));
        }
        Long[] seqs = before.stream().map(StoredDocument::seq).toArray(Long[]::new);
        parameters.add(seqs);
        int changed;
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + docs + " SET " + sets + " WHERE " + Sql.quote(Sql.SEQ) + " = ANY(?)")) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            changed = statement.executeUpdate();
        }
        if (!fullText.isEmpty() && !values.isEmpty()) {
            for (StoredDocument document : before) {
                Map<String, Object> after = new HashMap<>(document.data());
                after.putAll(values);
                fullText.update(connection, document.seq(), document.data(), after);
            }
        }
        return changed;
    }

    /**
     * A numeric operator as SQL over the column's stored value (null counts as 0), its arguments bound. Integer
     * columns compute in {@code DECFLOAT} whenever a bound or a fraction is involved, so that a bounded result
     * never overflows on the way and H2 rounds the result half away from zero when it stores it, as
     * {@link UpdateOperator#apply} does; a plain whole increment stays {@code BIGINT} arithmetic.
     */
    private String arithmetic(UpdateOperator operator, List<Object> parameters) {
        boolean integer = schema.querySchema().fields().get(operator.attribute()).type() == FieldType.INTEGER;
        Object operand = operator.values().get(0);
        Object bound = operator.bound();
        String column = Sql.quote(operator.attribute());
        boolean exact = integer && (bound != null || !(operand instanceof Long)
                || operator.method() == OperatorMethod.DIVIDE || operator.method() == OperatorMethod.POWER);
        String base = exact ? "CAST(COALESCE(" + column + ", 0) AS DECFLOAT)" : "COALESCE(" + column + ", 0)";
        String expression = switch (operator.method()) {
            case INCREMENT -> base + " + ?";
            case DECREMENT -> base + " - ?";
            case MULTIPLY -> base + " * ?";
            case DIVIDE -> base + " / ?";
            // The remainder of the whole parts, as Appwrite's in-memory adapter computes it.
            case MODULO -> "MOD(CAST(TRUNC(COALESCE(" + column + ", 0)) AS BIGINT), ?)";
            case POWER -> "POWER(" + base + ", ?)";
            default -> throw new IllegalArgumentException("Not a numeric operator: " + operator.method());
        };
        parameters.add(operator.method() == OperatorMethod.MODULO ? new BigDecimal(operand.toString()).longValue()
                : exact ? new BigDecimal(operand.toString()) : operand);
        if (bound == null) {
            return expression;
        }
        boolean upper = operator.method() == OperatorMethod.INCREMENT || operator.method() == OperatorMethod.MULTIPLY
                || operator.method() == OperatorMethod.POWER;
        parameters.add(integer ? new BigDecimal(bound.toString()) : bound);
        return (upper ? "LEAST(" : "GREATEST(") + expression + ", ?)";
    }

    /**
     * Applies one numeric operator to one document in a single statement and returns the row as it is after,
     * or empty when no document has the id.
     */
    public Optional<StoredDocument> updateReturning(Connection connection, String id, String now,
                                                    UpdateOperator operator) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String set = Sql.quote(operator.attribute()) + " = " + arithmetic(operator, parameters);
        String text = "SELECT " + allColumns + " FROM FINAL TABLE (UPDATE " + docs + " SET " + set + ", "
                + Sql.quote(Sql.UPDATED_AT) + " = ? WHERE " + Sql.quote(Sql.UID) + " = ?) d";
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            int index = 1;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            statement.setString(index++, now);
            statement.setString(index, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows, schema.attributes())) : Optional.empty();
            }
        }
    }

    /** The documents with these sequences, locked until the transaction ends, in the order given. */
    public List<StoredDocument> findAll(Connection connection, List<Long> seqs) throws SQLException {
        Map<Long, StoredDocument> bySeq = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(findBySeqs)) {
            statement.setObject(1, seqs.toArray(Long[]::new));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StoredDocument document = read(rows, schema.attributes());
                    bySeq.put(document.seq(), document);
                }
            }
        }
        List<StoredDocument> documents = new ArrayList<>(seqs.size());
        for (Long seq : seqs) {
            StoredDocument document = bySeq.get(seq);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** Deletes documents with their full-text words. */
    public void deleteAll(Connection connection, List<StoredDocument> documents) throws SQLException {
        if (!fullText.isEmpty()) {
            for (StoredDocument document : documents) {
                fullText.delete(connection, document.seq());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(deleteBySeqs)) {
            statement.setObject(1, documents.stream().map(StoredDocument::seq).toArray(Long[]::new));
            statement.executeUpdate();
        }
    }

    /**
     * The sequences of every document a query selects (filters, order, cursor, limit and offset), in the
     * query's order, keeping only rows that grant {@code type} to one of {@code roles} when roles are given.
     */
    public List<Long> matching(Connection connection, PageRequest request, PermissionType type) throws SQLException {
        QuerySql sql = new QuerySql(schema.querySchema().fields(), fullText);
        String text = sql.page("d." + Sql.quote(Sql.SEQ), docs, permissionFilter(request.readRoles(), type),
                request.filters(), request.orders(), false,
                request.cursor() == null ? null : request.cursor().fieldValues(), request.before(), request.limit(),
                request.offset());
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            sql.bindTo(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                }
            }
        }
        if (request.before()) {
            Collections.reverse(seqs);
        }
        return seqs;
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
        return permissionFilter(roles, PermissionType.READ);
    }

    /** Rows whose permission array grants {@code type} to one of the roles; no condition when roles is null. */
    private List<QuerySql.Condition> permissionFilter(Set<String> roles, PermissionType type) {
        if (roles == null) {
            return List.of();
        }
        return List.of(sql -> {
            StringJoiner anyRole = new StringJoiner(" OR ", "(", ")");
            for (String role : roles) {
                anyRole.add("ARRAY_CONTAINS(d." + Sql.quote(Sql.PERMISSIONS) + ", "
                        + sql.bind(permission(type, role)) + ")");
            }
            return anyRole.toString();
        });
    }

    /** A permission as the array column stores it, e.g. {@code update("user:u1")}. */
    private static String permission(PermissionType type, String role) {
        return switch (type) {
            case READ -> Permission.read(role);
            case CREATE -> Permission.create(role);
            case UPDATE -> Permission.update(role);
            case DELETE -> Permission.delete(role);
            case WRITE -> throw new IllegalArgumentException("Rows store write as create, update and delete");
        };
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
