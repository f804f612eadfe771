package dev.quire.internal.storage;

import dev.quire.internal.Errors;
import dev.quire.query.Field;
import dev.quire.query.Method;
import dev.quire.query.QueryPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A list query over one metadata table, scoped to a parent (a database's collections, a collection's attributes). */
final class MetadataQuery<T> {
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private final String table;
    private final String resource;
    private final String columns;
    private final String scopeColumn;
    private final Object scope;
    private final String idColumn;
    private final Mapper<T> mapper;

    /**
     * @param scopeColumn the parent column, or {@code null} for a top-level table
     * @param idColumn    the column a cursor names rows by
     */
    MetadataQuery(String table, String columns, String scopeColumn, Object scope, String idColumn, Mapper<T> mapper) {
        this.table = Sql.quote(table);
        // What Appwrite calls the rows of this table in messages.
        this.resource = switch (table) {
            case Sql.DATABASES -> "Database";
            case Sql.COLLECTIONS -> "Collection";
            case Sql.ATTRIBUTES -> "Attribute";
            case Sql.TRANSACTIONS -> "Transaction";
            default -> "Index";
        };
        this.columns = columns;
        this.scopeColumn = scopeColumn;
        this.scope = scope;
        this.idColumn = idColumn;
        this.mapper = mapper;
    }

    Rows<T> list(Connection connection, QueryPlan plan, Map<String, Field> fields, boolean total) throws SQLException {
        boolean random = plan.orders().stream().anyMatch(o -> o.method() == Method.ORDER_RANDOM);
        if (random && plan.cursor() != null) {
            // As for documents: a random order has no "after".
            throw Errors.queryInvalid("Invalid query: Cursor pagination cannot be combined with orderRandom");
        }
        Map<String, Object> cursor = plan.cursor() == null ? null : cursorRow(connection, plan, fields);
        boolean before = plan.cursor() != null && plan.cursor().method() == Method.CURSOR_BEFORE;
        QuerySql sql = new QuerySql(fields, QuerySql.FullText.NONE);
        String text = sql.page(columns, table, scoped(), plan.filters(),
                plan.orders().stream().filter(o -> o.method() != Method.ORDER_RANDOM).toList(), random, cursor,
                before, Paging.limit(plan), Paging.offset(plan));
        List<T> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            sql.bindTo(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(mapper.map(rows));
                }
            }
        }
        if (before) {
            java.util.Collections.reverse(items);
        }
        return new Rows<>(items, total ? count(connection, plan, fields) : 0);
    }

    private long count(Connection connection, QueryPlan plan, Map<String, Field> fields) throws SQLException {
        QuerySql sql = new QuerySql(fields, QuerySql.FullText.NONE);
        try (PreparedStatement statement = connection.prepareStatement(sql.count(table, scoped(), plan.filters()))) {
            sql.bindTo(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<QuerySql.Condition> scoped() {
        return scopeColumn == null ? List.of() : List.of(sql -> "d." + Sql.quote(scopeColumn) + " = " + sql.bind(scope));
    }

    /** The cursor row's values, looked up by id within the same parent. */
    private Map<String, Object> cursorRow(Connection connection, QueryPlan plan, Map<String, Field> fields)
            throws SQLException {
        String documentId = plan.cursor().documentId();
        String text = "SELECT * FROM " + table + " d WHERE d." + Sql.quote(idColumn) + " = ?"
                + (scopeColumn == null ? "" : " AND d." + Sql.quote(scopeColumn) + " = ?");
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setString(1, documentId);
            if (scopeColumn != null) {
                statement.setObject(2, scope);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw Errors.cursorNotFound(resource, documentId);
                }
                Map<String, Object> values = new HashMap<>();
                for (String field : fields.keySet()) {
                    values.put(field, rows.getObject(QuerySql.columnName(field)));
                }
                values.put("$sequence", rows.getLong(Sql.SEQ));
                return values;
            }
        }
    }
}
