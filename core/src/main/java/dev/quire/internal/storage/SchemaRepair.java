package dev.quire.internal.storage;

import dev.quire.IndexType;
import dev.quire.QuireException;
import dev.quire.internal.schema.AttributeDef;
import dev.quire.internal.schema.IndexDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a store's tables agree with its metadata when it opens. A schema change is a metadata transaction plus
 * DDL, which H2 commits statement by statement, so a process killed in the middle of one leaves them apart:
 * a column, index or table without its metadata, or metadata without its column, index or table.
 *
 * <p>The metadata is the record of what happened: each change commits its metadata at one point, and what the
 * metadata says is what the call did. So whatever the tables hold beyond it is dropped, and whatever it names
 * that the tables lack is built, as the call would have. The steps of each change ({@link MetadataStore}) are
 * ordered so that this completes or undoes it correctly wherever the kill landed:
 * <ul>
 *   <li>create attribute: column, then metadata; a column alone is dropped;</li>
 *   <li>delete attribute: rebuilt indexes under new names, metadata, then drops; before the metadata the new
 *       indexes are dropped, after it the old ones and the column;</li>
 *   <li>create index: metadata, then the index (a full-text one: its table, then its words); an index the metadata
 *       names is built, and one that cannot be (a unique index over values that are not) loses its metadata;</li>
 *   <li>delete index, collection, database: metadata, then the index or tables, which are dropped;</li>
 *   <li>create collection: metadata, then its table, which is created.</li>
 * </ul>
 * H2 adds and drops a column by copying the table into {@code <table>_COPY_<n>_<m>} and renaming the copy; a
 * kill while it copies leaves the copy behind (the original is untouched), and it is dropped too.
 * Renaming an attribute changes its metadata, then its column's name; killed in between, the collection has
 * exactly one column the metadata does not name and one attribute without a column, and the column is renamed.
 * (No other change leaves that pair: a collection's schema changes one at a time.) A store whose tables agree
 * costs three catalogue queries and two per collection here, and nothing else.
 */
final class SchemaRepair {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRepair.class);
    private static final Set<String> SYSTEM_COLUMNS = Set.of(Sql.SEQ, Sql.UID, Sql.UID_KEY, Sql.CREATED_AT,
            Sql.UPDATED_AT, Sql.PERMISSIONS);

    private final Store store;

    SchemaRepair(Store store) {
        this.store = store;
    }

    /** A collection as the metadata describes it. */
    private record Described(long seq, List<AttributeDef> attributes, List<IndexDef> indexes) {
    }

    /** What H2 holds: tables, each table's columns and indexes. */
    private record Actual(Set<String> tables, Map<String, Set<String>> columns, Map<String, Set<String>> indexes) {
        Set<String> columnsOf(String table) {
            return columns.getOrDefault(table, Set.of());
        }

        Set<String> indexesOf(String table) {
            return indexes.getOrDefault(table, Set.of());
        }
    }

    void run() {
        Map<Long, Described> described = store.read(SchemaRepair::described);
        Actual actual = store.read(SchemaRepair::actual);
        List<String> drops = new ArrayList<>();
        Set<String> fullTextTables = new HashSet<>();
        for (Described collection : described.values()) {
            for (IndexDef index : collection.indexes()) {
                if (index.type() == IndexType.FULLTEXT) {
                    fullTextTables.add(index.sqlName());
                }
            }
        }
        for (String table : actual.tables()) {
            Long seq = collectionOf(table);
            if (seq == null) {
                continue;
            }
            Described collection = described.get(seq);
            boolean documents = table.equals("docs_" + seq);
            // Neither a collection's table nor one of its full-text tables: left by a deleted collection or index,
            // or H2's own copy of a table (docs_<seq>_COPY_…) that an ALTER TABLE was killed while filling.
            if (collection == null || !documents && !fullTextTables.contains(table)) {
                drops.add(Sql.dropTable(table));
            } else if (documents) {
                Set<String> named = new HashSet<>();
                collection.indexes().forEach(index -> named.add(index.sqlName()));
                for (String index : actual.indexesOf(table)) {
                    if (index.startsWith("docs_" + seq + "_idx_") && !named.contains(index)) {
                        drops.add(Sql.dropIndex(index));
                    }
                }
                Set<String> keys = new HashSet<>();
                collection.attributes().forEach(attribute -> keys.add(attribute.key()));
                List<String> orphans = new ArrayList<>();
                for (String column : actual.columnsOf(table)) {
                    if (!SYSTEM_COLUMNS.contains(column) && !keys.contains(column)) {
                        orphans.add(column);
                    }
                }
                List<String> missing = new ArrayList<>(keys);
                missing.removeAll(actual.columnsOf(table));
                if (orphans.size() == 1 && missing.size() == 1) {
                    drops.add(Sql.renameColumn(seq, orphans.get(0), missing.get(0)));
                } else {
                    orphans.forEach(column -> drops.add(Sql.dropColumn(seq, column)));
                }
            }
        }
        run("dropped (or renamed) what no metadata names", drops);
        Actual remaining = drops.isEmpty() ? actual : store.read(SchemaRepair::actual);
        for (Described collection : described.values()) {
            complete(collection, remaining);
        }
    }

    /** Builds what the metadata of one collection names and its tables lack. */
    private void complete(Described collection, Actual actual) {
        long seq = collection.seq();
        String table = "docs_" + seq;
        List<String> builds = new ArrayList<>();
        if (!actual.tables().contains(table)) {
            builds.addAll(Sql.createCollectionTables(seq, collection.attributes()));
        } else {
            for (AttributeDef attribute : collection.attributes()) {
                if (!actual.columnsOf(table).contains(attribute.key())) {
                    builds.add(Sql.addColumn(seq, attribute));
                }
            }
        }
        run("built the tables and columns of collection " + seq, builds);
        for (IndexDef index : collection.indexes()) {
            if (index.type() == IndexType.FULLTEXT) {
                completeFullText(seq, index, actual);
            } else if (!actual.indexesOf(table).contains(index.sqlName())) {
                try {
                    run("built index " + index.sqlName(), List.of(Sql.createIndex(seq, index.sqlName(),
                            index.type() == IndexType.UNIQUE, index.attributes(), index.orders())));
                } catch (QuireException e) {
                    // A unique index over values that are not (the store reports H2's duplicate key so): the create
                    // call it came from would have failed the same way, and removed it. Any other failure (I/O, a
                    // full disk) says nothing about the index, so it stops the open and the metadata is kept.
                    if (!e.getType().equals("document_already_exists")) {
                        throw e;
                    }
                    LOG.warn("Removing index {} of collection {}, which cannot be built: {}", index.key(), seq,
                            e.getMessage());
                    store.inTransaction(connection -> MetadataStore.deleteIndexRow(connection, seq, index.key()));
                }
            }
        }
    }

    /** A full-text index needs its table and, when it serves searches, the words of the documents already there. */
    private void completeFullText(long seq, IndexDef index, Actual actual) {
        if (!actual.tables().contains(index.sqlName())) {
            run("built full-text table " + index.sqlName(), Sql.createFullTextTable(index.sqlName()));
        }
        if (index.attributes().size() != 1) {
            return;
        }
        String attribute = index.attributes().get(0);
        store.inTransaction(connection -> {
            if (isEmpty(connection, Sql.quote(index.sqlName()), "TRUE")
                    && !isEmpty(connection, Sql.documentTable(seq), QuerySql.column(attribute) + " IS NOT NULL")) {
                LOG.warn("Filling full-text table {}, which a crash left empty", index.sqlName());
                FullTextIndexes.populate(connection, seq, index.sqlName(), attribute);
            }
            return null;
        });
    }

    private void run(String what, List<String> statements) {
        if (!statements.isEmpty()) {
            LOG.warn("Repairing the store after a crash during a schema change: {}: {}", what, statements);
            store.ddl(statements);
        }
    }

    /** The collection a table belongs to: {@code docs_<seq>} or {@code fts_<seq>_<key>}; null for any other. */
    private static Long collectionOf(String table) {
        String rest = table.startsWith("docs_") ? table.substring(5) : table.startsWith("fts_") ? table.substring(4) : null;
        if (rest == null) {
            return null;
        }
        int end = rest.indexOf('_');
        try {
            return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isEmpty(Connection connection, String table, String condition) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + condition + " LIMIT 1");
             ResultSet rows = statement.executeQuery()) {
            return !rows.next();
        }
    }

    private static Map<Long, Described> described(Connection connection) throws SQLException {
        Map<Long, Described> collections = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + Sql.quote(Sql.SEQ) + " FROM " + Sql.quote(Sql.COLLECTIONS));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long seq = rows.getLong(1);
                collections.put(seq, new Described(seq, MetadataStore.attributes(connection, seq),
                        MetadataStore.indexes(connection, seq)));
            }
        }
        return collections;
    }

    private static Actual actual(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        Map<String, Set<String>> columns = new HashMap<>();
        Map<String, Set<String>> indexes = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM "
                + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'docs\\_%' ESCAPE '\\'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new HashSet<>()).add(rows.getString(2));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME, INDEX_NAME FROM "
                + "INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'docs\\_%' ESCAPE '\\'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexes.computeIfAbsent(rows.getString(1), table -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return new Actual(tables, columns, indexes);
    }
}
