package dev.quire.internal.storage;

import dev.quire.IndexType;
import dev.quire.internal.schema.CollectionSchema;
import dev.quire.internal.schema.IndexDef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A collection version's full-text indexes: each is a side table of (document, position, word) rows with an
 * index on the word (docs/full-text.md). Documents keep them exact in the same transaction as their own
 * row; {@code search} and {@code notSearch} are answered from the word index, never by reading every document.
 */
final class FullTextIndexes implements QuerySql.FullText {
    private static final int BATCH = 1000;

    /** The tables by attribute, of the single-attribute full-text indexes searches use. */
    private final Map<String, String> searchable = new LinkedHashMap<>();
    /** Every full-text table with the column it indexes. */
    private final Map<String, String> tables = new LinkedHashMap<>();

    FullTextIndexes(CollectionSchema schema) {
        for (IndexDef index : schema.indexes()) {
            if (index.type() == IndexType.FULLTEXT && index.attributes().size() == 1) {
                String attribute = index.attributes().get(0);
                tables.put(index.sqlName(), attribute);
                searchable.putIfAbsent(attribute, index.sqlName());
            }
        }
    }

    /** The table name of a collection's full-text index; index keys are unique per collection regardless of case. */
    static String tableName(long collectionSeq, String indexKey) {
        return "fts_" + collectionSeq + "_" + indexKey.toLowerCase(java.util.Locale.ROOT);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Indexes a new document's words; a full-text index may name {@code $id}, the only string system attribute. */
    void insert(Connection connection, long seq, String id, Map<String, Object> values) throws SQLException {
        for (Map.Entry<String, String> table : tables.entrySet()) {
            Object value = table.getValue().equals("$id") ? id : values.get(table.getValue());
            insertWords(connection, table.getKey(), seq, value instanceof String text ? text : null);
        }
    }

    /**
     * Indexes the words of many new documents: one statement and one JDBC batch per index, where a document
     * at a time would prepare and run one per document.
     */
    void insertAll(Connection connection, long[] seqs, List<String> ids, List<Map<String, Object>> values)
            throws SQLException {
        for (Map.Entry<String, String> table : tables.entrySet()) {
            try (PreparedStatement statement = connection.prepareStatement(insertSql(table.getKey()))) {
                int batched = 0;
                for (int i = 0; i < seqs.length; i++) {
                    Object value = table.getValue().equals("$id") ? ids.get(i) : values.get(i).get(table.getValue());
                    List<String> words = Words.of(value instanceof String text ? text : null);
                    for (int position = 0; position < words.size(); position++) {
                        statement.setLong(1, seqs[i]);
                        statement.setInt(2, position);
                        statement.setString(3, words.get(position));
                        statement.addBatch();
                        if (++batched % BATCH == 0) {
                            statement.executeBatch();
                        }
                    }
                }
                statement.executeBatch();
            }
        }
    }

    /** Replaces a document's words where the indexed value changed; the id never changes. */
    void update(Connection connection, long seq, Map<String, Object> before, Map<String, Object> values)
            throws SQLException {
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String attribute = table.getValue();
            if (!attribute.equals("$id") && !java.util.Objects.equals(before.get(attribute), values.get(attribute))) {
                delete(connection, table.getKey(), seq);
                Object value = values.get(table.getValue());
                insertWords(connection, table.getKey(), seq, value instanceof String text ? text : null);
            }
        }
    }

    void delete(Connection connection, long seq) throws SQLException {
        for (String table : tables.keySet()) {
            delete(connection, table, seq);
        }
    }

    private static void delete(Connection connection, String table, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + Sql.quote(table) + " WHERE \"_document\" = ?")) {
            statement.setLong(1, seq);
            statement.executeUpdate();
        }
    }

    private static void insertWords(Connection connection, String table, long seq, String text) throws SQLException {
        List<String> words = Words.of(text);
        if (words.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insertSql(table))) {
            for (int position = 0; position < words.size(); position++) {
                statement.setLong(1, seq);
                statement.setInt(2, position);
                statement.setString(3, words.get(position));
                statement.addBatch();
                if ((position + 1) % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private static String insertSql(String table) {
        return "INSERT INTO " + Sql.quote(table) + " (\"_document\", \"_position\", \"_token\") VALUES (?, ?, ?)";
    }

    /** Fills a new full-text table from the documents already in the collection. */
    static void populate(Connection connection, long collectionSeq, String table, String attribute)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Sql.quote(Sql.SEQ) + ", "
                + QuerySql.column(attribute) + " FROM " + Sql.documentTable(collectionSeq) + " WHERE "
                + QuerySql.column(attribute) + " IS NOT NULL");
             ResultSet rows = select.executeQuery();
             PreparedStatement insert = connection.prepareStatement(insertSql(table))) {
            int pending = 0;
            while (rows.next()) {
                long seq = rows.getLong(1);
                List<String> words = Words.of(rows.getString(2));
                for (int position = 0; position < words.size(); position++) {
                    insert.setLong(1, seq);
                    insert.setInt(2, position);
                    insert.setString(3, words.get(position));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * {@code d._seq IN (documents whose words match)}: the subquery reads only the matching entries of the
     * word index, and H2 probes the document table's primary key with its results.
     */
    @Override
    public String matches(String attribute, String text, QuerySql sql) {
        String table = searchable.get(attribute);
        if (table == null) {
            throw new IllegalStateException("No full-text index on " + attribute);
        }
        Words.Search search = Words.Search.parse(text);
        if (search.matchesNothing()) {
            return "FALSE";
        }
        String documents = search.phrase() ? phrase(Sql.quote(table), search.words(), sql)
                : anyWord(Sql.quote(table), search.words(), sql);
        return "d." + Sql.quote(Sql.SEQ) + " IN (" + documents + ")";
    }

    /** Documents holding any of the words, the last as a prefix. */
    private static String anyWord(String table, List<String> words, QuerySql sql) {
        List<String> exact = new ArrayList<>(new java.util.LinkedHashSet<>(words.subList(0, words.size() - 1)));
        String prefix = words.get(words.size() - 1);
        StringJoiner union = new StringJoiner(" UNION ");
        if (!exact.isEmpty()) {
            StringJoiner in = new StringJoiner(", ");
            for (String word : exact) {
                in.add(sql.bind(word));
            }
            union.add("SELECT \"_document\" FROM " + table + " WHERE \"_token\" IN (" + in + ")");
        }
        String upper = successor(prefix);
        union.add("SELECT \"_document\" FROM " + table + " WHERE \"_token\" >= " + sql.bind(prefix)
                + (upper == null ? "" : " AND \"_token\" < " + sql.bind(upper)));
        return union.toString();
    }

    /** Documents holding the words together and in order: consecutive positions of one document. */
    private static String phrase(String table, List<String> words, QuerySql sql) {
        StringBuilder text = new StringBuilder("SELECT t0.\"_document\" FROM ").append(table).append(" t0");
        for (int i = 1; i < words.size(); i++) {
            String t = "t" + i;
            text.append(" JOIN ").append(table).append(' ').append(t).append(" ON ").append(t)
                    .append(".\"_token\" = ").append(sql.bind(words.get(i))).append(" AND ").append(t)
                    .append(".\"_document\" = t0.\"_document\" AND ").append(t).append(".\"_position\" = t0.\"_position\" + ")
                    .append(i);
        }
        return text.append(" WHERE t0.\"_token\" = ").append(sql.bind(words.get(0))).toString();
    }

    /**
     * The smallest string greater than every string starting with {@code prefix}: the prefix with its last
     * UTF-16 unit incremented (H2 compares strings by UTF-16 units), or {@code null} if it cannot be.
     */
    static String successor(String prefix) {
        for (int i = prefix.length() - 1; i >= 0; i--) {
            char c = prefix.charAt(i);
            if (c != Character.MAX_VALUE) {
                return prefix.substring(0, i) + (char) (c + 1);
            }
        }
        return null;
    }
}
