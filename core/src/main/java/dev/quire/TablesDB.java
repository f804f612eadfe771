package dev.quire;

import dev.quire.internal.Errors;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Appwrite TablesDB service (Appwrite 1.8's names for the same data): tables, columns, indexes and rows.
 * It is a view of a {@link Databases} handle: the same store, the same caller and the same engine; a table is
 * a collection, a row a document, and the two APIs see each other's writes. Methods and argument orders are
 * node-appwrite 27.1.0's {@code TablesDB}.
 *
 * <pre>{@code
 * TablesDB t = db.tablesDB();
 * t.create("app", "App");
 * t.createTable("app", "movies", "Movies", List.of(Permission.read(Role.any())), false, true);
 * t.createStringColumn("app", "movies", "title", 255, true, null, false);
 * Row r = t.createRow("app", "movies", ID.unique(), Map.of("title", "Up"), null);
 * RowList rows = t.listRows("app", "movies", List.of(Query.equal("title", "Up")));
 * }</pre>
 *
 * <p>Failures carry TablesDB's error types: {@code table_not_found}, {@code row_not_found},
 * {@code column_already_exists}, {@code column_index_not_found}, … (types shared by both services, such as
 * {@code database_not_found} or {@code general_query_invalid}, are unchanged).
 */
public final class TablesDB {
    private final Databases db;

    TablesDB(Databases db) {
        this.db = db;
    }

    /** Runs one call of the Databases API and reports its failure under TablesDB's names. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (QuireException e) {
            throw Errors.inTablesDB(e);
        }
    }

    private static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    // ---- databases ------------------------------------------------------------------------------------

    /** Lists databases, as {@link Databases#list(List)}. */
    public DatabaseList list(List<String> queries) {
        return call(() -> db.list(queries));
    }

    /** Creates an enabled database, as {@link Databases#create(String, String)}. */
    public Database create(String databaseId, String name) {
        return call(() -> db.create(databaseId, name));
    }

    /** Creates a database, as {@link Databases#create(String, String, boolean)}. */
    public Database create(String databaseId, String name, boolean enabled) {
        return call(() -> db.create(databaseId, name, enabled));
    }

    /** @throws QuireException {@code database_not_found} */
    public Database get(String databaseId) {
        return call(() -> db.get(databaseId));
    }

    /** Updates a database; {@code null} arguments keep their value. */
    public Database update(String databaseId, String name, Boolean enabled) {
        return call(() -> db.update(databaseId, name, enabled));
    }

    /** Deletes a database with all its tables and rows. */
    public void delete(String databaseId) {
        run(() -> db.delete(databaseId));
    }

    // ---- tables ---------------------------------------------------------------------------------------

    /** Lists tables; queries may use {@code $id}, {@code name}, {@code enabled}. */
    public TableList listTables(String databaseId, List<String> queries) {
        return call(() -> new TableList(db.listCollections(databaseId, queries)));
    }

    /**
     * Creates a table.
     *
     * @param permissions table permissions, or {@code null} for none
     * @param rowSecurity whether row permissions grant access too
     * @param enabled     a disabled table looks missing to every caller but the root handle
     * @throws QuireException {@code table_already_exists}, {@code database_not_found}, …
     */
    public Table createTable(String databaseId, String tableId, String name, List<String> permissions,
                             boolean rowSecurity, boolean enabled) {
        return call(() -> new Table(db.createCollection(databaseId, tableId, name, permissions, rowSecurity,
                enabled)));
    }

    /** Creates an enabled table without permissions and without row security. */
    public Table createTable(String databaseId, String tableId, String name) {
        return createTable(databaseId, tableId, name, null, false, true);
    }

    /** @throws QuireException {@code table_not_found} */
    public Table getTable(String databaseId, String tableId) {
        return call(() -> new Table(db.getCollection(databaseId, tableId)));
    }

    /** Updates a table; {@code null} arguments keep their value. */
    public Table updateTable(String databaseId, String tableId, String name, List<String> permissions,
                             Boolean rowSecurity, Boolean enabled) {
        return call(() -> new Table(db.updateCollection(databaseId, tableId, name, permissions, rowSecurity,
                enabled)));
    }

    /** Deletes a table with all its rows. */
    public void deleteTable(String databaseId, String tableId) {
        run(() -> db.deleteCollection(databaseId, tableId));
    }

    // ---- columns --------------------------------------------------------------------------------------

    /** Lists columns; queries may use {@code key}, {@code type}, {@code size}, {@code required}, {@code array}. */
    public ColumnList listColumns(String databaseId, String tableId, List<String> queries) {
        return call(() -> new ColumnList(db.listAttributes(databaseId, tableId, queries)));
    }

    /** Adds a string column, as {@link Databases#createStringAttribute}. */
    public Column createStringColumn(String databaseId, String tableId, String key, int size, boolean required,
                                     String xdefault, boolean array) {
        return call(() -> new Column(db.createStringAttribute(databaseId, tableId, key, size, required, xdefault,
                array)));
    }

    /** Adds a 64-bit integer column, as {@link Databases#createIntegerAttribute}. */
    public Column createIntegerColumn(String databaseId, String tableId, String key, boolean required, Long min,
                                      Long max, Long xdefault, boolean array) {
        return call(() -> new Column(db.createIntegerAttribute(databaseId, tableId, key, required, min, max,
                xdefault, array)));
    }

    /** Adds a float column, as {@link Databases#createFloatAttribute}. */
    public Column createFloatColumn(String databaseId, String tableId, String key, boolean required, Double min,
                                    Double max, Double xdefault, boolean array) {
        return call(() -> new Column(db.createFloatAttribute(databaseId, tableId, key, required, min, max,
                xdefault, array)));
    }

    /** Adds a boolean column. */
    public Column createBooleanColumn(String databaseId, String tableId, String key, boolean required,
                                      Boolean xdefault, boolean array) {
        return call(() -> new Column(db.createBooleanAttribute(databaseId, tableId, key, required, xdefault,
                array)));
    }

    /** Adds an email column. */
    public Column createEmailColumn(String databaseId, String tableId, String key, boolean required,
                                    String xdefault, boolean array) {
        return call(() -> new Column(db.createEmailAttribute(databaseId, tableId, key, required, xdefault,
                array)));
    }

    /** Adds a URL column. */
    public Column createUrlColumn(String databaseId, String tableId, String key, boolean required, String xdefault,
                                  boolean array) {
        return call(() -> new Column(db.createUrlAttribute(databaseId, tableId, key, required, xdefault, array)));
    }

    /** Adds an IP column. */
    public Column createIpColumn(String databaseId, String tableId, String key, boolean required, String xdefault,
                                 boolean array) {
        return call(() -> new Column(db.createIpAttribute(databaseId, tableId, key, required, xdefault, array)));
    }

    /** Adds an enum column. */
    public Column createEnumColumn(String databaseId, String tableId, String key, List<String> elements,
                                   boolean required, String xdefault, boolean array) {
        return call(() -> new Column(db.createEnumAttribute(databaseId, tableId, key, elements, required,
                xdefault, array)));
    }

    /** Adds a datetime column. */
    public Column createDatetimeColumn(String databaseId, String tableId, String key, boolean required,
                                       String xdefault, boolean array) {
        return call(() -> new Column(db.createDatetimeAttribute(databaseId, tableId, key, required, xdefault,
                array)));
    }

    /** Adds a {@code varchar} column (Appwrite 1.9): a string of 1 to 16,381 characters. */
    public Column createVarcharColumn(String databaseId, String tableId, String key, int size, boolean required,
                                      String xdefault, boolean array) {
        return call(() -> new Column(db.createVarcharAttribute(databaseId, tableId, key, size, required, xdefault,
                array)));
    }

    /** Adds a {@code text} column (Appwrite 1.9): a string of at most 65,535 characters. */
    public Column createTextColumn(String databaseId, String tableId, String key, boolean required, String xdefault,
                                   boolean array) {
        return call(() -> new Column(db.createTextAttribute(databaseId, tableId, key, required, xdefault, array)));
    }

    /** Adds a {@code mediumtext} column (Appwrite 1.9): a string of at most 16,777,215 characters. */
    public Column createMediumtextColumn(String databaseId, String tableId, String key, boolean required,
                                         String xdefault, boolean array) {
        return call(() -> new Column(db.createMediumtextAttribute(databaseId, tableId, key, required, xdefault,
                array)));
    }

    /** Adds a {@code longtext} column (Appwrite 1.9): a string of at most 2,147,483,647 characters. */
    public Column createLongtextColumn(String databaseId, String tableId, String key, boolean required,
                                       String xdefault, boolean array) {
        return call(() -> new Column(db.createLongtextAttribute(databaseId, tableId, key, required, xdefault,
                array)));
    }

    /** Adds a {@code bigint} column (Appwrite 1.9.5), as {@link Databases#createBigIntAttribute}. */
    public Column createBigIntColumn(String databaseId, String tableId, String key, boolean required, Long min,
                                     Long max, Long xdefault, boolean array) {
        return call(() -> new Column(db.createBigIntAttribute(databaseId, tableId, key, required, min, max,
                xdefault, array)));
    }

    /** Changes a string column, as {@link Databases#updateStringAttribute}. */
    public Column updateStringColumn(String databaseId, String tableId, String key, boolean required,
                                     String xdefault, Integer size, String newKey) {
        return call(() -> new Column(db.updateStringAttribute(databaseId, tableId, key, required, xdefault, size,
                newKey)));
    }

    /** Changes an integer column; {@code null} {@code min}/{@code max} keep the current bounds. */
    public Column updateIntegerColumn(String databaseId, String tableId, String key, boolean required,
                                      Long xdefault, Long min, Long max, String newKey) {
        return call(() -> new Column(db.updateIntegerAttribute(databaseId, tableId, key, required, xdefault, min,
                max, newKey)));
    }

    /** Changes a float column; {@code null} {@code min}/{@code max} keep the current bounds. */
    public Column updateFloatColumn(String databaseId, String tableId, String key, boolean required,
                                    Double xdefault, Double min, Double max, String newKey) {
        return call(() -> new Column(db.updateFloatAttribute(databaseId, tableId, key, required, xdefault, min,
                max, newKey)));
    }

    /** Changes a boolean column. */
    public Column updateBooleanColumn(String databaseId, String tableId, String key, boolean required,
                                      Boolean xdefault, String newKey) {
        return call(() -> new Column(db.updateBooleanAttribute(databaseId, tableId, key, required, xdefault,
                newKey)));
    }

    /** Changes an email column. */
    public Column updateEmailColumn(String databaseId, String tableId, String key, boolean required,
                                    String xdefault, String newKey) {
        return call(() -> new Column(db.updateEmailAttribute(databaseId, tableId, key, required, xdefault,
                newKey)));
    }

    /** Changes a URL column. */
    public Column updateUrlColumn(String databaseId, String tableId, String key, boolean required, String xdefault,
                                  String newKey) {
        return call(() -> new Column(db.updateUrlAttribute(databaseId, tableId, key, required, xdefault, newKey)));
    }

    /** Changes an IP column. */
    public Column updateIpColumn(String databaseId, String tableId, String key, boolean required, String xdefault,
                                 String newKey) {
        return call(() -> new Column(db.updateIpAttribute(databaseId, tableId, key, required, xdefault, newKey)));
    }

    /** Changes an enum column's elements, requirement and default. */
    public Column updateEnumColumn(String databaseId, String tableId, String key, List<String> elements,
                                   boolean required, String xdefault, String newKey) {
        return call(() -> new Column(db.updateEnumAttribute(databaseId, tableId, key, elements, required,
                xdefault, newKey)));
    }

    /** Changes a datetime column. */
    public Column updateDatetimeColumn(String databaseId, String tableId, String key, boolean required,
                                       String xdefault, String newKey) {
        return call(() -> new Column(db.updateDatetimeAttribute(databaseId, tableId, key, required, xdefault,
                newKey)));
    }

    /** Changes a {@code varchar} column; {@code null} size keeps it. */
    public Column updateVarcharColumn(String databaseId, String tableId, String key, boolean required,
                                      String xdefault, Integer size, String newKey) {
        return call(() -> new Column(db.updateVarcharAttribute(databaseId, tableId, key, required, xdefault, size,
                newKey)));
    }

    /** Changes a {@code text} column. */
    public Column updateTextColumn(String databaseId, String tableId, String key, boolean required, String xdefault,
                                   String newKey) {
        return call(() -> new Column(db.updateTextAttribute(databaseId, tableId, key, required, xdefault, newKey)));
    }

    /** Changes a {@code mediumtext} column. */
    public Column updateMediumtextColumn(String databaseId, String tableId, String key, boolean required,
                                         String xdefault, String newKey) {
        return call(() -> new Column(db.updateMediumtextAttribute(databaseId, tableId, key, required, xdefault,
                newKey)));
    }

    /** Changes a {@code longtext} column. */
    public Column updateLongtextColumn(String databaseId, String tableId, String key, boolean required,
                                       String xdefault, String newKey) {
        return call(() -> new Column(db.updateLongtextAttribute(databaseId, tableId, key, required, xdefault,
                newKey)));
    }

    /** Changes a {@code bigint} column; {@code null} {@code min}/{@code max} keep the current bounds. */
    public Column updateBigIntColumn(String databaseId, String tableId, String key, boolean required,
                                     Long xdefault, Long min, Long max, String newKey) {
        return call(() -> new Column(db.updateBigIntAttribute(databaseId, tableId, key, required, xdefault, min,
                max, newKey)));
    }

    /** @throws QuireException {@code column_not_found} */
    public Column getColumn(String databaseId, String tableId, String key) {
        return call(() -> new Column(db.getAttribute(databaseId, tableId, key)));
    }

    /** Deletes a column and the values rows held in it. */
    public void deleteColumn(String databaseId, String tableId, String key) {
        run(() -> db.deleteAttribute(databaseId, tableId, key));
    }

    // ---- indexes --------------------------------------------------------------------------------------

    /** Lists indexes; queries may use {@code key}, {@code type}, {@code status}, {@code error}. */
    public ColumnIndexList listIndexes(String databaseId, String tableId, List<String> queries) {
        return call(() -> new ColumnIndexList(db.listIndexes(databaseId, tableId, queries)));
    }

    /**
     * Creates an index over the rows already in the table, as {@link Databases#createIndex}.
     *
     * @param columns the column keys, in index order
     * @throws QuireException {@code column_index_already_exists}, {@code column_unknown},
     *                        {@code column_index_invalid}, …
     */
    public ColumnIndex createIndex(String databaseId, String tableId, String key, IndexType type,
                                   List<String> columns, List<String> orders, List<Integer> lengths) {
        return call(() -> new ColumnIndex(db.createIndex(databaseId, tableId, key, type, columns, orders,
                lengths)));
    }

    /** @throws QuireException {@code column_index_not_found} */
    public ColumnIndex getIndex(String databaseId, String tableId, String key) {
        return call(() -> new ColumnIndex(db.getIndex(databaseId, tableId, key)));
    }

    /** Deletes an index; rows are untouched. */
    public void deleteIndex(String databaseId, String tableId, String key) {
        run(() -> db.deleteIndex(databaseId, tableId, key));
    }

    // ---- rows -----------------------------------------------------------------------------------------

    /** Lists the rows the caller may read, as {@link Databases#listDocuments(String, String, List)}. */
    public RowList listRows(String databaseId, String tableId, List<String> queries) {
        return listRows(databaseId, tableId, queries, true);
    }

    /** Lists rows, optionally without counting the total ({@code total=false}); the total is then -1. */
    public RowList listRows(String databaseId, String tableId, List<String> queries, boolean total) {
        return call(() -> new RowList(db.listDocuments(databaseId, tableId, queries, total)));
    }

    /**
     * Creates a row.
     *
     * @param rowId       a new id, or {@link ID#unique()}
     * @param permissions row permissions; {@code null} for the defaults (a user caller gets read, update and
     *                    delete on its own row)
     * @throws QuireException {@code row_already_exists}, {@code row_invalid_structure}, {@code user_unauthorized}, …
     */
    public Row createRow(String databaseId, String tableId, String rowId, Map<String, ?> data,
                         List<String> permissions) {
        return call(() -> new Row(db.createDocument(databaseId, tableId, rowId, data, permissions)));
    }

    /** Creates a row from a record or bean, whose properties are the columns. */
    public Row createRow(String databaseId, String tableId, String rowId, Object data, List<String> permissions) {
        return call(() -> new Row(db.createDocument(databaseId, tableId, rowId, data, permissions)));
    }

    /** Creates a row with default permissions. */
    public Row createRow(String databaseId, String tableId, String rowId, Map<String, ?> data) {
        return createRow(databaseId, tableId, rowId, data, null);
    }

    /**
     * Reads a row.
     *
     * @param queries only {@code select} queries; {@code null} or empty for every column
     * @throws QuireException {@code row_not_found}, also when the caller may not read it
     */
    public Row getRow(String databaseId, String tableId, String rowId, List<String> queries) {
        return call(() -> new Row(db.getDocument(databaseId, tableId, rowId, queries)));
    }

    /** Reads a row with every column. */
    public Row getRow(String databaseId, String tableId, String rowId) {
        return getRow(databaseId, tableId, rowId, null);
    }

    /** Updates the given columns and keeps the others; {@code null} permissions keep them. */
    public Row updateRow(String databaseId, String tableId, String rowId, Map<String, ?> data,
                         List<String> permissions) {
        return call(() -> new Row(db.updateDocument(databaseId, tableId, rowId, data, permissions)));
    }

    /** Updates a row from a record or bean; every property is written. */
    public Row updateRow(String databaseId, String tableId, String rowId, Object data, List<String> permissions) {
        return call(() -> new Row(db.updateDocument(databaseId, tableId, rowId, data, permissions)));
    }

    /** Creates the row, or replaces its columns when it exists ({@code $createdAt} is kept). */
    public Row upsertRow(String databaseId, String tableId, String rowId, Map<String, ?> data,
                         List<String> permissions) {
        return call(() -> new Row(db.upsertDocument(databaseId, tableId, rowId, data, permissions)));
    }

    /** Upserts a row from a record or bean. */
    public Row upsertRow(String databaseId, String tableId, String rowId, Object data, List<String> permissions) {
        return call(() -> new Row(db.upsertDocument(databaseId, tableId, rowId, data, permissions)));
    }

    /** Deletes a row. */
    public void deleteRow(String databaseId, String tableId, String rowId) {
        run(() -> db.deleteDocument(databaseId, tableId, rowId));
    }

    /** Creates a row in a staged transaction, as {@code Databases.createDocument} with a transaction id. */
    public Row createRow(String databaseId, String tableId, String rowId, Map<String, ?> data,
                         List<String> permissions, String transactionId) {
        return call(() -> new Row(db.createDocument(databaseId, tableId, rowId, data, permissions, transactionId)));
    }

    /** Reads a row as a transaction sees it, as {@link Databases#getDocument(String, String, String, List, String)}. */
    public Row getRow(String databaseId, String tableId, String rowId, List<String> queries, String transactionId) {
        return call(() -> new Row(db.getDocument(databaseId, tableId, rowId, queries, transactionId)));
    }

    /** Lists rows as a transaction sees them, as {@code Databases.listDocuments} with a transaction id. */
    public RowList listRows(String databaseId, String tableId, List<String> queries, String transactionId,
                            boolean total) {
        return call(() -> new RowList(db.listDocuments(databaseId, tableId, queries, transactionId, total)));
    }

    /** Stages an update in a transaction, as {@code Databases.updateDocument} with a transaction id. */
    public Row updateRow(String databaseId, String tableId, String rowId, Map<String, ?> data,
                         List<String> permissions, String transactionId) {
        return call(() -> new Row(db.updateDocument(databaseId, tableId, rowId, data, permissions, transactionId)));
    }

    /** Stages an upsert in a transaction, as {@code Databases.upsertDocument} with a transaction id. */
    public Row upsertRow(String databaseId, String tableId, String rowId, Map<String, ?> data,
                         List<String> permissions, String transactionId) {
        return call(() -> new Row(db.upsertDocument(databaseId, tableId, rowId, data, permissions, transactionId)));
    }

    /** Stages a delete in a transaction, as {@link Databases#deleteDocument(String, String, String, String)}. */
    public void deleteRow(String databaseId, String tableId, String rowId, String transactionId) {
        run(() -> db.deleteDocument(databaseId, tableId, rowId, transactionId));
    }

    // ---- transactions: the same staged transactions as Databases' --------------------------------------

    /** As {@link Databases#createTransaction(Integer)}. */
    public Transaction createTransaction(Integer ttl) {
        return call(() -> db.createTransaction(ttl));
    }

    /** As {@link Databases#getTransaction(String)}. */
    public Transaction getTransaction(String transactionId) {
        return call(() -> db.getTransaction(transactionId));
    }

    /** As {@link Databases#listTransactions(List)}. */
    public TransactionList listTransactions(List<String> queries) {
        return call(() -> db.listTransactions(queries));
    }

    /** As {@link Databases#updateTransaction(String, Boolean, Boolean)}. */
    public Transaction updateTransaction(String transactionId, Boolean commit, Boolean rollback) {
        return call(() -> db.updateTransaction(transactionId, commit, rollback));
    }

    /** As {@link Databases#deleteTransaction(String)}. */
    public void deleteTransaction(String transactionId) {
        run(() -> db.deleteTransaction(transactionId));
    }

    /**
     * Stages operations, as {@link Databases#createOperations(String, List)} with TablesDB's names: each names its
     * {@code tableId} and {@code rowId}.
     */
    public Transaction createOperations(String transactionId, List<Map<String, ?>> operations) {
        List<Map<String, ?>> renamed = new java.util.ArrayList<>();
        if (operations != null) {
            for (Map<String, ?> operation : operations) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>(operation);
                if (copy.containsKey("tableId")) {
                    copy.put("collectionId", copy.remove("tableId"));
                }
                if (copy.containsKey("rowId")) {
                    copy.put("documentId", copy.remove("rowId"));
                }
                renamed.add(copy);
            }
        }
        return call(() -> db.createOperations(transactionId, operations == null ? null : renamed));
    }

    @Override
    public String toString() {
        return "TablesDB[" + db + "]";
    }
}
